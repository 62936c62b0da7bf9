using MimeKit;

namespace Keukentafel.Mail;

/// <summary>
/// Writes each mail as an .eml file into the pickup folder instead of sending it (development and tests): the file is
/// named after the mail's id, and appears whole or not at all, so the development mail page never reads half a mail.
/// </summary>
public sealed class PickupFolderMailer(string folder, MailboxAddress from, TimeProvider time, ILogger<PickupFolderMailer> logger) : Mailer(from, time, logger)
{
    protected override async Task DeliverAsync(Guid id, MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{id:N}.eml");
        var writing = file + ".tmp";
        await message.WriteToAsync(writing, ct);
        File.Move(writing, file);
    }
}
