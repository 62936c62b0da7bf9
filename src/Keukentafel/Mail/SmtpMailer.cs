using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Keukentafel.Mail;

/// <summary>Sends through the configured SMTP server (Mail:Smtp:Host, Port, UserName, Password, Security), one connection per mail.</summary>
public sealed class SmtpMailer(SmtpSettings smtp, MailboxAddress from, TimeProvider time, ILogger<SmtpMailer> logger) : Mailer(from, time, logger)
{
    protected override async Task DeliverAsync(Guid id, MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        var security = smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
