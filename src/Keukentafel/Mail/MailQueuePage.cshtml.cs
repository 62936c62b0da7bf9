using Keukentafel.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Mail;

/// <summary>The administrator sees how the outgoing mail stands: how many wait, went, failed; which need a look.</summary>
public sealed class MailQueuePage(KeukentafelDbContext db) : PageModel
{
    public MailQueueStatus Status { get; private set; } = new(0, 0, 0, 0, []);

    public async Task OnGetAsync() => Status = await QueuedMailSender.StatusAsync(db, HttpContext.RequestAborted);

    /// <summary>What a mail is for, in the administrator's words.</summary>
    public static string PurposeText(string purpose) => purpose switch
    {
        "magic-link" => "inloglink",
        "password-reset" => "nieuw wachtwoord",
        "email-confirmation" => "e-mailadres bevestigen",
        "learning-agenda" => "agenda leersessie",
        "staff-welcome" => "welkom: wachtwoord kiezen",
        _ => purpose,
    };

    public static string StateText(MailState state) => state switch
    {
        MailState.Waiting => "wacht op een nieuwe poging",
        MailState.Sent => "verstuurd",
        MailState.Failed => "opgegeven",
        _ => "niet nodig",
    };
}
