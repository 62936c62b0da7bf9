using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Accounts;

/// <summary>The signed-in person's passkeys: add one (WebAuthn in the browser), see them, remove one.</summary>
public sealed class PasskeysModel(UserManager<Account> users, SignInManager<Account> signIn) : PageModel
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    [BindProperty]
    public PasskeyNameInput Input { get; set; } = new();

    [BindProperty]
    public string? CredentialJson { get; set; }

    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? message)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        Message = message switch
        {
            "toegevoegd" => "De passkey is toegevoegd. U kunt er voortaan mee inloggen.",
            "verwijderd" => "De passkey is verwijderd.",
            _ => null,
        };
        await LoadAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = await users.GetUserIdAsync(account),
            Name = account.Email ?? account.UserName ?? account.Id.ToString(),
            DisplayName = account.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(account);
            return Page();
        }

        if (string.IsNullOrWhiteSpace(CredentialJson))
        {
            ModelState.AddModelError("", "Uw browser heeft geen passkey gemaakt. Controleer of JavaScript aan staat en probeer het opnieuw.");
            await LoadAsync(account);
            return Page();
        }

        var attestation = await AttestAsync(CredentialJson);
        if (attestation is not { Succeeded: true })
        {
            ModelState.AddModelError("", "Deze passkey kon niet worden gecontroleerd. Probeer het opnieuw.");
            await LoadAsync(account);
            return Page();
        }

        attestation.Passkey.Name = Input.Name.Trim();
        var stored = await users.AddOrUpdatePasskeyAsync(account, attestation.Passkey);
        if (!stored.Succeeded)
        {
            ModelState.AddModelError("", string.Join(" ", stored.Errors.Select(e => e.Description)));
            await LoadAsync(account);
            return Page();
        }

        await signIn.RefreshSignInAsync(account);
        return RedirectToPage(new { message = "toegevoegd" });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        var credentialId = PasskeyText.Bytes(id);
        if (credentialId is null || await users.GetPasskeyAsync(account, credentialId) is null)
        {
            ModelState.AddModelError("", "Deze passkey bestaat niet (meer).");
            await LoadAsync(account);
            return Page();
        }

        await users.RemovePasskeyAsync(account, credentialId);
        await signIn.RefreshSignInAsync(account);
        return RedirectToPage(new { message = "verwijderd" });
    }

    private async Task<PasskeyAttestationResult?> AttestAsync(string credentialJson)
    {
        try
        {
            return await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            return null; // no creation was started in this browser: a forged or replayed answer
        }
    }

    private async Task LoadAsync(Account account) =>
        Passkeys = [.. (await users.GetPasskeysAsync(account))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(PasskeyText.Id(p.CredentialId), p.Name ?? "Passkey",
                p.CreatedAt.ToOffset(TimeSpan.Zero).ToString("d MMMM yyyy", Dutch)))];
}

public sealed record PasskeyRow(string Id, string Name, string Added);

public sealed class PasskeyNameInput
{
    [Required(ErrorMessage = "Geef de passkey een naam, bijvoorbeeld: telefoon.")]
    [StringLength(60, ErrorMessage = "Gebruik hooguit 60 tekens.")]
    public string Name { get; set; } = "";
}
