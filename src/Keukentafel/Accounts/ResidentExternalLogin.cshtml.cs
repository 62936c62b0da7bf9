using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Accounts;

/// <summary>
/// A resident signs in with DigiD through the broker of <see cref="ResidentSignIn"/>. A pseudonym already linked to
/// an account signs in at once. An unlinked one is linked only after the resident proves himself: with an invitation
/// code and his date of birth (the code is used up), or, signed in already, by confirming with a fresh proof: his
/// password, or (without one) a sign-in link from his mail used in the last ten minutes. A session left open on a shared
/// computer cannot link someone else's DigiD to his file. Never by e-mail address or name.
/// </summary>
[AllowAnonymous]
[SignInLimited]
public sealed partial class ResidentExternalLoginModel(
    SignInManager<Account> signIn,
    UserManager<Account> users,
    ResidentInvitations invitations,
    CaseAccess access,
    Data.KeukentafelDbContext db,
    TimeProvider time,
    KeukentafelMetrics metrics,
    IStringLocalizer<ResidentExternalLoginModel> text,
    ILogger<ResidentExternalLoginModel> logger) : PageModel, Web.IRefusablePage
{
    public enum LinkStep
    {
        /// <summary>Nothing from the broker to link (any more): back to the sign-in page.</summary>
        Nothing,

        /// <summary>An unlinked pseudonym: the invitation code and date of birth, once.</summary>
        Code,

        /// <summary>An unlinked pseudonym while the resident is signed in: he confirms it is his.</summary>
        Confirm,
    }

    public IStringLocalizer<ResidentExternalLoginModel> Text => text;

    [BindProperty]
    public ResidentLinkInput Input { get; set; } = new();

    public LinkStep Now { get; private set; }

    public string Provider { get; private set; } = "DigiD";

    public string? SignedInAs { get; private set; }

    /// <summary>Confirming asks for his password; without one, for a sign-in link used just now.</summary>
    public bool AsksPassword { get; private set; }

    /// <summary>How recent a sign-in by link must be to count as proof for linking.</summary>
    public static readonly TimeSpan FreshLink = TimeSpan.FromMinutes(10);

    /// <summary>A signed-in resident without anything from the broker yet: he may start linking from here.</summary>
    public bool CanStart { get; private set; }

    public string? ReturnUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        await DescribeAsync(await ExternalAsync());
        return Page();
    }

    /// <summary>To the broker: from the sign-in page, or from a resident's own security page to link it.</summary>
    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (await signIn.GetExternalAuthenticationSchemesAsync() is var schemes && schemes.All(s => s.Name != ResidentSignIn.Scheme))
        {
            ModelState.AddModelError("", text["NotConfigured"]);
            return Page();
        }

        var callback = Url.Page("/Accounts/ResidentExternalLogin", "Callback", new { returnUrl });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(ResidentSignIn.Scheme, callback), ResidentSignIn.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl, string? remoteError)
    {
        ReturnUrl = returnUrl;
        var info = remoteError is null ? await ExternalAsync() : null;
        if (info is null)
        {
            metrics.SignIn("resident_external", "failed");
            ModelState.AddModelError("", text["Failed"]);
            return Page();
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: ProviderDidMfa(info));
        metrics.SignIn("resident_external", result.Succeeded || result.RequiresTwoFactor || result.IsLockedOut ? SignInOutcome.Of(result) : "not_linked");
        if (result.Succeeded)
        {
            return LocalRedirect(Home(returnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/LoginTwoFactor", new { returnUrl });
        }

        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", SignInOutcome.LockedOutMessage);
            return Page();
        }

        // Not linked yet: the next page asks him to prove, once, that he is the resident of this account.
        return RedirectToPage(new { returnUrl });
    }

    public async Task<IActionResult> OnPostLinkAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        var info = await ExternalAsync();
        await DescribeAsync(info);
        if (info is null)
        {
            ModelState.AddModelError("", text["NothingToLink"]);
            return Page();
        }

        Guid? caseId = null;
        Account account;
        if (Now == LinkStep.Confirm && await users.GetUserAsync(User) is { BelongsToResident: true } me)
        {
            ModelState.Clear(); // no code asked
            if (!await FreshProofAsync(me))
            {
                return Page();
            }
            foreach (var earlier in (await users.GetLoginsAsync(me)).Where(l => l.LoginProvider == info.LoginProvider))
            {
                await users.RemoveLoginAsync(me, earlier.LoginProvider, earlier.ProviderKey);
            }

            if (!(await users.AddLoginAsync(me, info)).Succeeded)
            {
                throw new DomainException("resident_login.taken", text["Taken"]);
            }

            account = me;
        }
        else
        {
            // An empty date is asked for, not counted as a wrong one.
            if (string.IsNullOrWhiteSpace(Input.Code))
            {
                ModelState.AddModelError("Input.Code", text["CodeRequired"]);
            }

            if (Input.DateOfBirth is null
                && ModelState.GetFieldValidationState("Input.DateOfBirth") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError("Input.DateOfBirth", text["DateOfBirthRequired"]);
            }

            if (!ModelState.IsValid)
            {
                return Page();
            }

            var redeemed = await invitations.RedeemForLoginAsync(Input.Code, Input.DateOfBirth, info, HttpContext.RequestAborted);
            (account, caseId) = (redeemed.Account, redeemed.CaseId);
        }

        LogLinked(logger, account.Id);
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: ProviderDidMfa(info));
        metrics.SignIn("resident_external", SignInOutcome.Of(result));
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/LoginTwoFactor", new { returnUrl });
        }

        HttpContext.User = await signIn.CreateUserPrincipalAsync(account);
        await access.LogAsync(caseId, account.ResidentId, AuditAction.Change, "DigiD gekoppeld aan de eigen inlog", HttpContext.RequestAborted);
        return LocalRedirect(Home(returnUrl));
    }

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => Task.FromResult<IActionResult>(Page());

    /// <summary>His password (a wrong one counts towards the lock-out), or a sign-in by link in the last ten minutes.</summary>
    private async Task<bool> FreshProofAsync(Account me)
    {
        if (await users.HasPasswordAsync(me))
        {
            if (string.IsNullOrEmpty(Input.Password))
            {
                ModelState.AddModelError("Input.Password", text["PasswordRequired"]);
                return false;
            }

            var checkedPassword = await signIn.CheckPasswordSignInAsync(me, Input.Password, lockoutOnFailure: true);
            if (!checkedPassword.Succeeded)
            {
                ModelState.AddModelError("Input.Password", checkedPassword.IsLockedOut ? SignInOutcome.LockedOutMessage : text["PasswordWrong"]);
            }

            return checkedPassword.Succeeded;
        }

        var since = time.GetUtcNow().UtcDateTime - FreshLink;
        if (await db.MagicLinks.AnyAsync(l => l.AccountId == me.Id && l.UsedAtUtc >= since, HttpContext.RequestAborted))
        {
            return true;
        }

        ModelState.AddModelError("", text["LinkFirst", (int)FreshLink.TotalMinutes]);
        return false;
    }

    /// <summary>What the broker said, in the short-lived external cookie; only from the residents' broker.</summary>
    private async Task<ExternalLoginInfo?> ExternalAsync()
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null || info.LoginProvider != ResidentSignIn.Scheme)
        {
            return null;
        }

        if (ResidentSignIn.LooksLikeBsn(info.ProviderKey))
        {
            // Only a broker that bypasses the check at its door gets here; the number goes no further than this.
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            LogBsnRefused(logger);
            return null;
        }

        return info;
    }

    private async Task DescribeAsync(ExternalLoginInfo? info)
    {
        Provider = info?.ProviderDisplayName ?? Provider;
        if (info is null)
        {
            Now = LinkStep.Nothing;
            var scheme = User.ResidentOf() is null
                ? null
                : (await signIn.GetExternalAuthenticationSchemesAsync()).FirstOrDefault(s => s.Name == ResidentSignIn.Scheme);
            CanStart = scheme is not null;
            Provider = scheme?.DisplayName ?? Provider;
        }
        else if (User.ResidentOf() is not null && await users.GetUserAsync(User) is { BelongsToResident: true } me)
        {
            Now = LinkStep.Confirm;
            SignedInAs = me.DisplayName;
            AsksPassword = await users.HasPasswordAsync(me);
        }
        else
        {
            Now = LinkStep.Code;
        }
    }

    /// <summary>Our own second step is skipped only when the broker says it did one itself.</summary>
    private static bool ProviderDidMfa(ExternalLoginInfo info) => info.Principal.FindAll("amr").Any(c => c.Value == "mfa");

    private static string Home(string? returnUrl) => string.IsNullOrEmpty(returnUrl) ? "/mijn/tafel" : SignInOutcome.SafeReturnUrl(returnUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked the residents' broker login to account {AccountId}")]
    private static partial void LogLinked(ILogger logger, Guid accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resident sign-in refused: the broker sent a BSN as subject; configure it to send a pseudonym")]
    private static partial void LogBsnRefused(ILogger logger);
}

/// <summary>The invitation code and date of birth; their messages come from the page's texts.</summary>
public sealed class ResidentLinkInput
{
    public string? Code { get; set; }

    [DateParts]
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>A signed-in resident's password, his fresh proof before linking.</summary>
    public string? Password { get; set; }
}
