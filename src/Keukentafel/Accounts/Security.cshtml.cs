using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Accounts;

/// <summary>
/// The signed-in person's own security settings. Changing two-factor sign-in asks for a current code first,
/// so a session left open on a shared computer cannot switch it off or collect recovery codes.
/// </summary>
public sealed class SecurityModel(UserManager<Account> users, SignInManager<Account> signIn) : PageModel
{
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
    }
}
