using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Keukentafel.Accounts;

/// <summary>Turns on TOTP two-factor sign-in: show the key, check one code, hand out recovery codes.</summary>
public sealed class AuthenticatorModel(UserManager<Account> users, SignInManager<Account> signIn) : PageModel
{
    [BindProperty]
    public TwoFactorInput Input { get; set; } = new();

    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        // Once two-factor is on, the key is never shown again: a borrowed session must not be able to copy it.
        if (await users.GetTwoFactorEnabledAsync(account))
        {
            return RedirectToPage("/Accounts/Security");
        }

        await LoadKeyAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        if (await users.GetTwoFactorEnabledAsync(account))
        {
            return RedirectToPage("/Accounts/Security");
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(account);
            return Page();
        }

        if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, SignInOutcome.CleanCode(Input.Code)))
        {
            ModelState.AddModelError("Input.Code", "Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en probeer het opnieuw.");
            await LoadKeyAsync(account);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(account, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10) ?? []];
        await signIn.RefreshSignInAsync(account);
        return Page();
    }

    private async Task LoadKeyAsync(Account account)
    {
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp; refresh this session so it does not end itself.
            await users.ResetAuthenticatorKeyAsync(account);
            await signIn.RefreshSignInAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account) ?? "";
        }

        SharedKey = Readable(key);
        var uri = $"otpauth://totp/Keukentafel:{Uri.EscapeDataString(account.Email ?? account.UserName ?? "")}?secret={key}&issuer=Keukentafel&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }

    private static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
