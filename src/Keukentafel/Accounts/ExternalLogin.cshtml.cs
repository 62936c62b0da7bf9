using System.Security.Claims;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Accounts;

/// <summary>
/// Sign-in through the organisation's identity provider (see <see cref="OrganisationSignIn"/>).
/// The first time, the provider's login is linked to the Keukentafel account with the same
/// (verified) e-mail address; an unknown address gets no account.
/// </summary>
[AllowAnonymous]
public sealed partial class ExternalLoginModel(SignInManager<Account> signIn, UserManager<Account> users, KeukentafelMetrics metrics,
    ILogger<ExternalLoginModel> logger)
    : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Accounts/Login");

    public async Task<IActionResult> OnPostAsync(string provider, string? returnUrl)
    {
        var schemes = await signIn.GetExternalAuthenticationSchemesAsync();
        // Residents' DigiD has its own page, which never links by e-mail address.
        if (provider == ResidentSignIn.Scheme || schemes.All(s => s.Name != provider))
        {
            ModelState.AddModelError("", "Inloggen via deze organisatie is hier niet ingesteld.");
            return Page();
        }

        var callback = Url.Page("/Accounts/ExternalLogin", "Callback", new { returnUrl });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(provider, callback), provider);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl, string? remoteError)
    {
        var info = remoteError is null ? await signIn.GetExternalLoginInfoAsync() : null;
        if (info?.LoginProvider == ResidentSignIn.Scheme)
        {
            return RedirectToPage("/Accounts/ResidentExternalLogin", "Callback", new { returnUrl });
        }

        if (info is null)
        {
            metrics.SignIn("external", "failed");
            ModelState.AddModelError("", "Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw of log in met uw wachtwoord.");
            return Page();
        }

        // Our own second step is skipped only when the organisation's provider says it did one itself.
        var providerDidMfa = info.Principal.FindAll("amr").Any(c => c.Value == "mfa");
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: providerDidMfa);
        if (result == Microsoft.AspNetCore.Identity.SignInResult.Failed && await LinkByVerifiedEmailAsync(info) is { } account)
        {
            LogLinked(logger, info.LoginProvider, account.Id);
            result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: providerDidMfa);
        }

        metrics.SignIn("external", SignInOutcome.Of(result));
        if (result.Succeeded)
        {
            return LocalRedirect(SignInOutcome.SafeReturnUrl(returnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/LoginTwoFactor", new { returnUrl });
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? SignInOutcome.LockedOutMessage
            : "Er is geen Keukentafel-account dat bij uw account van uw organisatie hoort. Vraag de beheerder om een account.");
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked external login {Provider} to account {AccountId}")]
    private static partial void LogLinked(ILogger logger, string provider, Guid accountId);

    private async Task<Account?> LinkByVerifiedEmailAsync(ExternalLoginInfo info)
    {
        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
        var verified = info.Principal.FindFirstValue("email_verified");
        if (email is null || !string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // An administrator's account is never taken over by an outside provider, and an account that is already
        // linked to someone at this provider is not linked to a second person who later got the same address. The
        // organisations' provider is for staff: a resident's account, or that of someone looking along with one, is never
        // linked by an address (residents link DigiD with their code, see ResidentSignIn).
        var account = await users.FindByEmailAsync(email);
        if (account is null
            || account.StaffMemberId is null
            || await users.IsInRoleAsync(account, Roles.Administrator)
            || (await users.GetLoginsAsync(account)).Any(l => l.LoginProvider == info.LoginProvider)
            || !(await users.AddLoginAsync(account, info)).Succeeded)
        {
            return null;
        }

        return account;
    }
}
