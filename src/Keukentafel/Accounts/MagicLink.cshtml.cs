using System.ComponentModel.DataAnnotations;
using Keukentafel.Mail;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Accounts;

/// <summary>
/// A resident asks for a sign-in link by e-mail (issue 10). Every address gets the same answer, whether a link went out
/// or not (no account, a staff account, links enough already), and a mail that fails to go changes nothing in it:
/// nobody can find out here which addresses have an account. Rate limited like the sign-in page.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebExtensions.SignInRateLimit)]
public sealed class MagicLinkModel(MagicLinks links, Mailer mailer, MailSettings mail, IStringLocalizer<MagicLinkModel> texts) : PageModel
{
    [BindProperty]
    public MagicLinkInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public IStringLocalizer<MagicLinkModel> Texts => texts;

    public void OnGet(bool verstuurd) => Sent = verstuurd;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await links.IssueAsync(Input.Email, HttpContext.RequestAborted) is { } issued)
        {
            var link = mail.Link(Request, $"/inloggen/link/openen?code={Uri.EscapeDataString(issued.Token)}");
            var text = texts["MailText", issued.Account.DisplayName, link, (int)MagicLink.Lifetime.TotalMinutes];
            await mailer.SendOrLogAsync(issued.Account.Id, new OutgoingMail(issued.Account.Email!, texts["MailSubject"], text, "magic-link"),
                HttpContext.RequestAborted);
        }

        return RedirectToPage(new { verstuurd = true });
    }
}

[TextsOfPage(typeof(MagicLinkModel))]
public sealed class MagicLinkInput
{
    [Required(ErrorMessage = "EmailRequired"), StringLength(256, ErrorMessage = "EmailInvalid"), EmailAddress(ErrorMessage = "EmailInvalid")]
    public string Email { get; set; } = "";
}
