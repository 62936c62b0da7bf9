using System.ComponentModel.DataAnnotations;
using System.Text;
using Keukentafel.Data;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Accounts;

/// <summary>
/// A new password with the link from the mail. The link works once (the new password changes the account's security
/// stamp, which the link was made with) and for an hour. Every session of the account ends at once; nothing else about
/// the account changes: a lock-out stays, two-factor sign-in stays on.
/// </summary>
[AllowAnonymous]
[SignInLimited]
public sealed class ResetPasswordModel(UserManager<Account> users, KeukentafelDbContext db, IStringLocalizer<ResetPasswordModel> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Account { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    /// <summary>The link is unknown, used or expired: nothing to fill in, a new link to ask.</summary>
    public bool Refused { get; private set; }

    public bool Done { get; private set; }

    public IStringLocalizer<ResetPasswordModel> Texts => texts;

    public async Task OnGetAsync(bool klaar)
    {
        Done = klaar;
        Refused = !Done && (await AccountAsync() is not { } account || !await users.VerifyUserTokenAsync(
            account, users.Options.Tokens.PasswordResetTokenProvider, UserManager<Account>.ResetPasswordTokenPurpose, Token()));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await AccountAsync() is not { } account)
        {
            Refused = true;
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(account, Token(), Input.NewPassword);
        if (!result.Succeeded)
        {
            Refused = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            foreach (var error in result.Errors.Where(_ => !Refused))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.NewPassword)}", error.Description);
            }

            return Page();
        }

        // The new security stamp would end the other sessions within a minute; this ends them now.
        await db.SignInSessions.Where(s => s.AccountId == account.Id).ExecuteDeleteAsync(HttpContext.RequestAborted);
        return RedirectToPage(new { klaar = true });
    }

    private async Task<Account?> AccountAsync() =>
        Account is { } id && !string.IsNullOrEmpty(Code) ? await users.FindByIdAsync(id.ToString()) : null;

    private string Token()
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code ?? ""));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}

[TextsOfPage(typeof(ResetPasswordModel))]
public sealed class ResetPasswordInput
{
    [Required(ErrorMessage = "NewPasswordRequired"), StringLength(200, ErrorMessage = "NewPasswordTooLong")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "RepeatRequired"), Compare(nameof(NewPassword), ErrorMessage = "RepeatDifferent")]
    public string RepeatPassword { get; set; } = "";
}
