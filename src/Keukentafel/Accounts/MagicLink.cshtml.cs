using System.ComponentModel.DataAnnotations;
using Keukentafel.Mail;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Accounts;

/// <summary>
/// A resident asks for a sign-in link by e-mail (issue 10). Every address gets the same answer, whether a link goes out
/// or not (no account, a staff account, links enough already), in the same time: the page only queues the request, and
/// <see cref="MagicLinkMail"/> decides when it is sent. Nobody can find out here which addresses have an account. Rate
/// limited like the sign-in page.
/// </summary>
[AllowAnonymous]
[SignInLimited]
public sealed class MagicLinkModel(MailOutbox outbox, IStringLocalizer<MagicLinkModel> texts) : PageModel
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

        await outbox.RequestAsync(MagicLinkMail.Kind, Input.Email, null, Request, HttpContext.RequestAborted);
        return RedirectToPage(new { verstuurd = true });
    }
}

/// <summary>Writes the sign-in link's mail when it goes: a new link, only for an account that may sign in by one.</summary>
public sealed class MagicLinkMail(MagicLinks links, IStringLocalizer<MagicLinkModel> texts) : IMailComposer
{
    public const string Kind = "magic-link";

    public string Purpose => Kind;

    public async Task<OutgoingMail?> ComposeAsync(QueuedMail mail, CancellationToken ct)
    {
        if (mail.To is not { } address || await links.IssueAsync(address, ct) is not { } issued)
        {
            return null;
        }

        var link = mail.Link($"/inloggen/link/openen?code={Uri.EscapeDataString(issued.Token)}");
        var text = texts["MailText", issued.Account.DisplayName, link, (int)MagicLink.Lifetime.TotalMinutes];
        return new OutgoingMail(issued.Account.Email!, texts["MailSubject"], text, Kind);
    }
}

[TextsOfPage(typeof(MagicLinkModel))]
public sealed class MagicLinkInput
{
    [Required(ErrorMessage = "EmailRequired"), StringLength(256, ErrorMessage = "EmailInvalid"), EmailAddress(ErrorMessage = "EmailInvalid")]
    public string Email { get; set; } = "";
}
