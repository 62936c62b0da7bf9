using System.Text.RegularExpressions;
using Keukentafel.Data;
using Keukentafel.Mail;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Keukentafel.Tests;

/// <summary>What arrived in the test application's pickup folder: the mails to an address, and the links in them.</summary>
public static partial class Mailbox
{
    /// <summary>The mails to the address, once every mail the queue holds and that is due has gone.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> MailsToAsync(this KeukentafelApp app, string address)
    {
        await app.SettleMailAsync();
        return app.MailsWrittenTo(address);
    }

    /// <summary>The mails to the address that are in the pickup folder now, without sending what the queue holds.</summary>
    public static IReadOnlyList<MimeMessage> MailsWrittenTo(this KeukentafelApp app, string address) =>
        !Directory.Exists(app.MailFolder)
            ? []
            : [.. new DirectoryInfo(app.MailFolder).EnumerateFiles("*.eml")
                .OrderBy(file => file.LastWriteTimeUtc) // in the order written: the test's clock may stand still
                .Select(file => MimeMessage.Load(file.FullName))
                .Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The newest mail to the address; fails when there is none.</summary>
    public static async Task<MimeMessage> LastMailToAsync(this KeukentafelApp app, string address) =>
        await app.MailsToAsync(address) is [.., var last] ? last : throw new ShouldAssertException($"no mail to {address}");

    /// <summary>
    /// Sends what the mail queue holds and is due (as the worker would), and waits for a mail another sender took to be
    /// done: after this, the pickup folder holds every mail the test asked for.
    /// </summary>
    public static async Task SettleMailAsync(this KeukentafelApp app)
    {
        var queue = app.Services.GetRequiredService<QueuedMailSender>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await queue.SendDueAsync(TestContext.Current.CancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            if (!await QueuedMailSender.AnyDueAsync(db, clock.GetUtcNow().UtcDateTime, TestContext.Current.CancellationToken))
            {
                return;
            }

            if (DateTime.UtcNow > giveUp)
            {
                throw new ShouldAssertException("the mail queue did not settle in 30 seconds");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

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
