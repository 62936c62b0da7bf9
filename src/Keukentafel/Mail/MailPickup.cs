using MimeKit;

namespace Keukentafel.Mail;

/// <summary>A mail as it lies in the pickup folder.</summary>
public sealed record PickedUpMail(string Id, string To, string Subject, DateTimeOffset At, string Text);

/// <summary>
/// Reads the pickup folder for the development mail page. The page (and so this) is there only when mails go to the
/// folder and the environment is Development or Testing: on any other server a mail must never be readable by a link.
/// </summary>
public sealed class MailPickup(MailSettings settings, IWebHostEnvironment environment)
{
    private const int Shown = 100;

    public bool IsAvailable => settings.UsesPickupFolder && (environment.IsDevelopment() || environment.IsEnvironment("Testing"));

    /// <summary>The newest mails first, in the order they were written (the time in a mail is the application's clock, which tests move).</summary>
    public async Task<IReadOnlyList<PickedUpMail>> ListAsync(CancellationToken ct)
    {
        if (!IsAvailable || !Directory.Exists(settings.PickupFolder))
        {
            return [];
        }

        var mails = new List<PickedUpMail>();
        foreach (var file in new DirectoryInfo(settings.PickupFolder).EnumerateFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Take(Shown))
        {
            mails.Add(await ReadAsync(file.FullName, ct));
        }

        return mails;
    }

    /// <summary>One mail by its id; nothing for anything that is not the id of a mail in the folder.</summary>
    public async Task<PickedUpMail?> FindAsync(string id, CancellationToken ct)
    {
        if (!IsAvailable || !Guid.TryParseExact(id, "N", out var guid))
        {
            return null;
        }

        var file = Path.Combine(settings.PickupFolder!, $"{guid:N}.eml");
        return File.Exists(file) ? await ReadAsync(file, ct) : null;
    }

    private static async Task<PickedUpMail> ReadAsync(string file, CancellationToken ct)
    {
        var message = await MimeMessage.LoadAsync(file, ct);
        return new PickedUpMail(Path.GetFileNameWithoutExtension(file), message.To.ToString(), message.Subject ?? "", message.Date, message.TextBody ?? "");
    }
}
