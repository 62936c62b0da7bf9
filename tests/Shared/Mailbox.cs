using System.Text.RegularExpressions;
using MimeKit;

namespace Keukentafel.Tests;

/// <summary>What arrived in the test application's pickup folder: the mails to an address, and the links in them.</summary>
public static partial class Mailbox
{
    public static IReadOnlyList<MimeMessage> MailsTo(this KeukentafelApp app, string address) =>
        !Directory.Exists(app.MailFolder)
            ? []
            : [.. new DirectoryInfo(app.MailFolder).EnumerateFiles("*.eml")
                .OrderBy(file => file.LastWriteTimeUtc) // in the order written: the test's clock may stand still
                .Select(file => MimeMessage.Load(file.FullName))
                .Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The newest mail to the address; fails when there is none.</summary>
    public static MimeMessage LastMailTo(this KeukentafelApp app, string address) =>
        app.MailsTo(address) is [.., var last] ? last : throw new ShouldAssertException($"no mail to {address}");

    /// <summary>The path and query of the mail's link to this path.</summary>
    public static string LinkTo(this MimeMessage mail, string path)
    {
        var link = WebAddress().Matches(mail.TextBody ?? "").Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == path)
            ?? throw new ShouldAssertException($"no link to {path} in the mail");
        return link.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex WebAddress();
}
