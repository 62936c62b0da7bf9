using Keukentafel.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Accounts;

/// <summary>
/// The second step of a sign-in with two-factor on: a code from the app, or a recovery code. Only reachable after a correct
/// password in this browser; a wrong code is said beside the field, and counts towards the lock-out.
/// </summary>
public abstract class SecondSignInStep(SignInManager<Account> signIn, KeukentafelMetrics metrics) : PageModel
{
    public string? ReturnUrl { get; private set; }

    /// <summary>The way of signing in, as the sign-in metric names it.</summary>
    protected abstract string Way { get; }

    /// <summary>The field the code is typed in.</summary>
    protected abstract string CodeField { get; }

    protected abstract string WrongCode { get; }

    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<Account> signIn);

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/Login") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Accounts/Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await SignInAsync(signIn);
        metrics.SignIn(Way, SignInOutcome.Of(result));
        if (result.Succeeded)
        {
            return LocalRedirect(SignInOutcome.SafeReturnUrl(returnUrl));
        }

        ModelState.AddModelError(CodeField, result.IsLockedOut ? SignInOutcome.LockedOutMessage : WrongCode);
        return Page();
    }
}
