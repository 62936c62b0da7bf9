using System.ComponentModel.DataAnnotations;
using System.Text;
using Keukentafel.Mail;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Accounts;

/// <summary>
/// Forgot password, for every account: a mail with a link to choose a new one (valid an hour, see
/// <see cref="AccountsExtensions"/>). Every address gets the same answer, so nobody learns here which addresses have
/// an account: the page only queues the request (the same work for every address) and <see cref="PasswordResetMail"/>
/// decides, when its turn comes, whether a mail goes. Rate limited like the sign-in page.
/// </summary>
[AllowAnonymous]
[SignInLimited]
public sealed class ForgotPasswordModel(MailOutbox outbox, IStringLocalizer<ForgotPasswordModel> texts) : PageModel
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

        await outbox.RequestAsync(PasswordResetMail.Kind, Input.Email, null, Request, HttpContext.RequestAborted);
        return RedirectToPage(new { verstuurd = true });
    }
}

/// <summary>Writes the reset mail when it goes, for an account that may receive links by mail; the code is made then.</summary>
public sealed class PasswordResetMail(UserManager<Account> users, IStringLocalizer<ForgotPasswordModel> texts) : IMailComposer
{
    public const string Kind = "password-reset";

    public string Purpose => Kind;

    public async Task<OutgoingMail?> ComposeAsync(QueuedMail mail, CancellationToken ct)
    {
        if (mail.To is not { } address || await users.FindByEmailAsync(address) is not { } account
            || !await EmailConfirmations.MayReceiveLinksAsync(users, account))
        {
            return null;
        }

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(account)));
        var link = mail.Link($"/wachtwoord-herstellen?account={account.Id}&code={code}");
        return new OutgoingMail(account.Email!, texts["MailSubject"], texts["MailText", account.DisplayName, link], Kind);
    }
}

[TextsOfPage(typeof(ForgotPasswordModel))]
public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = "EmailRequired"), StringLength(256, ErrorMessage = "EmailInvalid"), EmailAddress(ErrorMessage = "EmailInvalid")]
    public string Email { get; set; } = "";
}
