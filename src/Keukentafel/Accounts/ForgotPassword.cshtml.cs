using System.ComponentModel.DataAnnotations;
using System.Text;
using Keukentafel.Mail;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Accounts;

/// <summary>
/// Forgot password, for every account: a mail with a link to choose a new one (valid an hour, see
/// <see cref="AccountsExtensions"/>). Every address gets the same answer, so nobody learns here which addresses have
/// an account. Rate limited like the sign-in page.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebExtensions.SignInRateLimit)]
public sealed class ForgotPasswordModel(UserManager<Account> users, Mailer mailer, MailSettings mail, IStringLocalizer<ForgotPasswordModel> texts) : PageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public IStringLocalizer<ForgotPasswordModel> Texts => texts;

    public void OnGet(bool verstuurd) => Sent = verstuurd;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.FindByEmailAsync(Input.Email) is { } account && await EmailConfirmations.MayReceiveLinksAsync(users, account))
        {
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(account)));
            var link = mail.Link(Request, $"/wachtwoord-herstellen?account={account.Id}&code={code}");
            await mailer.SendOrLogAsync(account.Id,
                new OutgoingMail(account.Email!, texts["MailSubject"], texts["MailText", account.DisplayName, link], "password-reset"),
                HttpContext.RequestAborted);
        }

        return RedirectToPage(new { verstuurd = true });
    }
}

[TextsOfPage(typeof(ForgotPasswordModel))]
public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = "EmailRequired"), StringLength(256, ErrorMessage = "EmailInvalid"), EmailAddress(ErrorMessage = "EmailInvalid")]
    public string Email { get; set; } = "";
}
