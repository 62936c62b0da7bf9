using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Accounts;

/// <summary>
/// The signed-in person's own security settings. Changing two-factor sign-in asks for a current code first,
/// so a session left open on a shared computer cannot switch it off or collect recovery codes.
/// </summary>
public sealed class SecurityModel(UserManager<Account> users, SignInManager<Account> signIn, Privacy.CaseAccess access) : PageModel
{
    /// <summary>A sign-in elsewhere linked to this account (DigiD, the organisation's own sign-in), by its provider.</summary>
    public sealed record LinkedLogin(string Provider, string Name);

    public IReadOnlyList<LinkedLogin> Logins { get; private set; } = [];

    [BindProperty]
    public TwoFactorInput Input { get; set; } = new();

    public bool TwoFactorEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? message)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        Message = message switch
        {
            "uit" => "Tweestapsverificatie staat nu uit.",
            "wachtwoord" => "Uw wachtwoord is gewijzigd.",
            "ontkoppeld" => "De inlog is ontkoppeld. Daarmee kunt u niet meer inloggen bij dit account.",
            _ => null,
        };
        await LoadAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostNewRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        if (await CodeIsRightAsync(account))
        {
            RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10) ?? []];
        }

        await LoadAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        if (!await CodeIsRightAsync(account))
        {
            await LoadAsync(account);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(account, false);
        await users.ResetAuthenticatorKeyAsync(account);
        await signIn.RefreshSignInAsync(account);
        return RedirectToPage(new { message = "uit" });
    }

    /// <summary>
    /// Unlinks a sign-in elsewhere (a password reset does not: it may be how someone else gets in). Refused when it is
    /// the last way left to sign in.
    /// </summary>
    public async Task<IActionResult> OnPostRemoveLoginAsync(string? provider)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        var logins = await users.GetLoginsAsync(account);
        var removed = logins.Where(l => l.LoginProvider == provider).ToList();
        if (removed.Count == 0)
        {
            return RedirectToPage();
        }

        var otherWay = logins.Count > removed.Count || await users.HasPasswordAsync(account) || (account.BelongsToResident && account.EmailConfirmed);
        if (!otherWay)
        {
            ModelState.AddModelError("", $"U kunt {NameOf(removed[0])} niet ontkoppelen: daarna kunt u niet meer inloggen. Vraag eerst een nieuwe code aan "
                + "degene die uw casus heeft, of stel een e-mailadres in.");
            await LoadAsync(account);
            return Page();
        }

        foreach (var login in removed)
        {
            await users.RemoveLoginAsync(account, login.LoginProvider, login.ProviderKey);
        }

        await signIn.RefreshSignInAsync(account);
        await access.LogAsync(null, account.ResidentId, Privacy.AuditAction.Change, $"{NameOf(removed[0])} ontkoppeld van de eigen inlog",
            HttpContext.RequestAborted);
        return RedirectToPage(new { message = "ontkoppeld" });
    }

    private static string NameOf(UserLoginInfo login) => string.IsNullOrWhiteSpace(login.ProviderDisplayName) ? login.LoginProvider : login.ProviderDisplayName;

    private async Task<bool> CodeIsRightAsync(Account account)
    {
        if (!ModelState.IsValid || !await users.GetTwoFactorEnabledAsync(account))
        {
            return false;
        }

        if (await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, SignInOutcome.CleanCode(Input.Code)))
        {
            return true;
        }

        ModelState.AddModelError("Input.Code", "Deze code klopt niet. Let op: een code is maar 30 seconden geldig.");
        return false;
    }

    private async Task LoadAsync(Account account)
    {
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(account);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(account);
        Logins = [.. (await users.GetLoginsAsync(account)).GroupBy(l => l.LoginProvider).Select(g => new LinkedLogin(g.Key, NameOf(g.First())))];
    }
}
