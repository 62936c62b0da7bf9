using System.ComponentModel.DataAnnotations;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Keukentafel.Accounts;

[AllowAnonymous]
[EnableRateLimiting(WebExtensions.SignInRateLimit)]
public sealed class LoginTwoFactorModel(SignInManager<Account> signIn, KeukentafelMetrics metrics) : PageModel
{
    [BindProperty]
    public TwoFactorInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        // Only reachable after a correct password in this browser.
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

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(SignInOutcome.CleanCode(Input.Code), isPersistent: false, rememberClient: false);
        metrics.SignIn("page_two_factor", SignInOutcome.Of(result));
        if (result.Succeeded)
        {
            return LocalRedirect(SignInOutcome.SafeReturnUrl(returnUrl));
        }

        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? SignInOutcome.LockedOutMessage
            : "Deze code klopt niet. Let op: een code is maar 30 seconden geldig.");
        return Page();
    }
}

public sealed class TwoFactorInput
{
    [Required(ErrorMessage = "Vul de code uit uw app in.")]
    [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "De code bestaat uit zes cijfers.")]
    public string Code { get; set; } = "";
}
