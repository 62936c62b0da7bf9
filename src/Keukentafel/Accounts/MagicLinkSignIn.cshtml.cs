using System.Security.Claims;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Accounts;

/// <summary>
/// Where the link in the mail leads. Opening it only shows a button: mail scanners open every link in a mail to check
/// it, and that must not use up the link. The button (a POST, with antiforgery) signs in, once. A resident's sign-in by
/// link is in his access log. With two-factor sign-in switched on, the link counts as the password: the code is asked next.
/// </summary>
[AllowAnonymous]
[SignInLimited]
public sealed class MagicLinkSignInModel(
    MagicLinks links, SignInManager<Account> signIn, CaseAccess access, KeukentafelMetrics metrics, IStringLocalizer<MagicLinkSignInModel> texts) : PageModel
{
    /// <summary>The token from the link (in the query string, which the request log leaves out), then from the button's form.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public MagicLinkState State { get; private set; }

    public IStringLocalizer<MagicLinkSignInModel> Texts => texts;

    public async Task OnGetAsync() => State = await links.StateAsync(Code, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var used = await links.UseAsync(Code, HttpContext.RequestAborted);
        metrics.SignIn("page_magic_link", used.State switch
        {
            MagicLinkState.Open => "succeeded",
            MagicLinkState.LockedOut => "locked_out",
            _ => "failed",
        });
        if (used.Account is not { } account)
        {
            State = used.State;
            return Page();
        }

        await signIn.UserManager.ResetAccessFailedCountAsync(account);
        if (await signIn.UserManager.GetTwoFactorEnabledAsync(account))
        {
            // What a correct password does in SignInManager: remember the account for the second step in this browser.
            var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
            identity.AddClaim(new Claim(ClaimTypes.Name, account.Id.ToString()));
            await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
            return RedirectToPage("/Accounts/LoginTwoFactor");
        }

        await signIn.SignInAsync(account, isPersistent: false, authenticationMethod: "link");
        if (account.ResidentId is { } resident)
        {
            HttpContext.User = await signIn.CreateUserPrincipalAsync(account);
            await access.LogAsync(null, resident, AuditAction.Read, AccessLog.MagicLinkSignIn, HttpContext.RequestAborted);
            return RedirectToPage("/Residents/MyTablePage");
        }

        return LocalRedirect("/");
    }
}
