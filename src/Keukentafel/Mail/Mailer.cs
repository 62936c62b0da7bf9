using MimeKit;

namespace Keukentafel.Mail;

/// <summary>
/// Sends a mail: through the SMTP server (<see cref="SmtpMailer"/>) or, in development and tests, into the pickup
/// folder (<see cref="PickupFolderMailer"/>). The log names the mail's id and purpose only, never an address or a text.
/// </summary>
public abstract partial class Mailer(MailboxAddress from, TimeProvider time, ILogger logger)
{
    /// <summary>Sends the mail and returns its id (also in its Message-Id, so a bounce can be traced to this log line).</summary>
    public async Task<Guid> SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var at = time.GetUtcNow();
        var id = Guid.CreateVersion7(at);
        var message = new MimeMessage
        {
            MessageId = $"{id:N}@keukentafel",
            Date = at,
            Subject = mail.Subject,
            Body = new TextPart("plain") { Text = mail.Text },
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.To));
        await DeliverAsync(id, message, ct);
        Sent(logger, id, mail.Purpose);
        return id;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} sent ({MailPurpose})")]
    private static partial void Sent(ILogger logger, Guid mailId, string mailPurpose);

    protected abstract Task DeliverAsync(Guid id, MimeMessage message, CancellationToken ct);
}
