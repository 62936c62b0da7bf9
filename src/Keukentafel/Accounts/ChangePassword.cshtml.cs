using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Accounts;

/// <summary>
/// Changing one's own password. The security stamp changes with it, so every other session of this
/// account ends at its next check (within a minute); this one goes on.
/// </summary>
public sealed class ChangePasswordModel(UserManager<Account> users, SignInManager<Account> signIn) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    /// <summary>The resident's password rule applies to this account (the page explains that one).</summary>
    public bool ResidentRule { get; private set; }

    public async Task OnGetAsync() =>
        ResidentRule = await users.GetUserAsync(User) is { } account && await AccountPasswordValidator.HasResidentRuleAsync(users, account);

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        ResidentRule = await AccountPasswordValidator.HasResidentRuleAsync(users, account);

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(account, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(account);
        return RedirectToPage("/Accounts/Security", new { message = "wachtwoord" });
    }
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Vul uw huidige wachtwoord in.")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Vul een nieuw wachtwoord in.")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Vul het nieuwe wachtwoord nog een keer in.")]
    [Compare(nameof(NewPassword), ErrorMessage = "De twee nieuwe wachtwoorden zijn niet hetzelfde.")]
    public string RepeatPassword { get; set; } = "";
}
