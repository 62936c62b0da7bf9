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
public sealed class LoginRecoveryCodeModel(SignInManager<Account> signIn, KeukentafelMetrics metrics) : PageModel
{
    [BindProperty]
    public RecoveryCodeInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

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

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(SignInOutcome.CleanRecoveryCode(Input.RecoveryCode));
        metrics.SignIn("page_recovery_code", SignInOutcome.Of(result));
        if (result.Succeeded)
        {
            return LocalRedirect(SignInOutcome.SafeReturnUrl(returnUrl));
        }

        ModelState.AddModelError("Input.RecoveryCode", result.IsLockedOut
            ? SignInOutcome.LockedOutMessage
            : "Deze herstelcode klopt niet of is al gebruikt.");
        return Page();
    }
}

public sealed class RecoveryCodeInput
{
    [Required(ErrorMessage = "Vul een herstelcode in.")]
    public string RecoveryCode { get; set; } = "";
}
