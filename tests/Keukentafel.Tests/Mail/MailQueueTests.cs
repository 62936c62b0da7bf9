using System.Net;
using Keukentafel.Data;
using Keukentafel.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Mail;

/// <summary>The application with its clock in the test's hand and the background sender off: the test sends the queue itself.</summary>
public sealed class HeldMailApp : ClockApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() => [new("Mail:Queue:Send", "false")];
}

/// <summary>
/// Mail goes through a durable queue in the database (issue 20, item 20): a page only queues, so asking for a link
/// costs the same whoever the address belongs to; a failed mail is retried with back-off and given up in the end; the
/// administrator sees how it stands, never an address or a text.
/// </summary>
public sealed class MailQueueTests(HeldMailApp app) : IClassFixture<HeldMailApp>
{
    private const string Unknown = "niemand-bekend@nergens.example";

    private async Task<List<QueuedMail>> QueuedAsync(string purpose)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        return await db.QueuedMails.AsNoTracking().Where(m => m.Purpose == purpose).OrderBy(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    private Task<int> SendQueueAsync() => app.Services.GetRequiredService<QueuedMailSender>().SendDueAsync(TestContext.Current.CancellationToken);

    private static async Task<Uri?> AskAsync(HttpClient browser, string page, string email)
    {
        using var asked = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email });
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return asked.Headers.Location;
    }

    [Theory]
    [InlineData("/inloggen/link", "magic-link", "/inloggen/link/openen")]
    [InlineData("/wachtwoord-vergeten", "password-reset", "/wachtwoord-herstellen")]
    public async Task A_page_that_mails_a_link_only_queues_the_same_row_whoever_the_address_belongs_to(string page, string purpose, string linkPath)
    {
        var before = (await app.MailsToAsync(PageSession.Resident)).Count;
        var known = await AskAsync(app.Browser(), page, PageSession.Resident);
        var unknown = await AskAsync(app.Browser(), page, Unknown);
        unknown.ShouldBe(known, "the same answer for both");

        // In the request nothing was looked up or made: two rows alike but for the address, no link, no mail yet.
        var queued = (await QueuedAsync(purpose)).Where(m => m.State == MailState.Waiting).OrderBy(m => m.To == Unknown).ToList();
        queued.Select(m => m.To).ShouldBe([PageSession.Resident, Unknown]);
        queued.ShouldAllBe(m => m.AccountId == null && m.Text == null && m.Subject == null && m.Attempts == 0);
        app.MailsWrittenTo(PageSession.Resident).Count.ShouldBe(before, "the test's sender is off: nothing went in the request");

        (await SendQueueAsync()).ShouldBeGreaterThanOrEqualTo(2);
        var mails = await app.MailsToAsync(PageSession.Resident);
        mails.Count.ShouldBe(before + 1);
        mails[^1].LinkTo(linkPath).ShouldNotBeNullOrEmpty();
        (await app.MailsToAsync(Unknown)).ShouldBeEmpty();

        // Once done, the address and the text are gone; what stays says how it went.
        var done = (await QueuedAsync(purpose)).Where(m => queued.Select(q => q.Id).Contains(m.Id)).ToList();
        done.Single(m => m.Id == queued[0].Id).State.ShouldBe(MailState.Sent);
        done.Single(m => m.Id == queued[1].Id).State.ShouldBe(MailState.Dropped);
        done.ShouldAllBe(m => m.To == null && m.Text == null && m.DoneAtUtc != null);
    }

    [Fact]
    public async Task A_mail_that_fails_waits_with_back_off_and_goes_once_the_way_is_clear()
    {
        await app.SettleMailAsync();
        var before = (await app.MailsToAsync(PageSession.Resident)).Count;
        QueuedMail failed;
        Block();
        try
        {
            await AskAsync(app.Browser(), "/inloggen/link", PageSession.Resident);
            await SendQueueAsync();
            failed = (await QueuedAsync("magic-link")).Single(m => m.State == MailState.Waiting);
            failed.State.ShouldBe(MailState.Waiting);
            failed.Attempts.ShouldBe(1);
            failed.LastFailure.ShouldNotBeNullOrEmpty();
            failed.NextAttemptAtUtc.ShouldNotBeNull().ShouldBe(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), TimeSpan.FromSeconds(1));

            // Not before its time: a round now leaves it.
            await SendQueueAsync();
            (await QueuedAsync("magic-link")).Single(m => m.Id == failed.Id).Attempts.ShouldBe(1);

            // The administrator sees it waiting, with what went wrong, and no address.
            var admin = await app.ApiAsync(PageSession.Administrator);
            var status = await admin.GetJsonAsync("/api/v1/admin/mail-queue");
            status.GetProperty("waiting").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
            var row = status.GetProperty("attention").EnumerateArray().Single(r => r.Id() == failed.Id);
            row.GetProperty("attempts").GetInt32().ShouldBe(1);
            status.GetRawText().ShouldNotContain(PageSession.Resident);
            var page = await (await app.SignedInAsync(PageSession.Administrator)).GetPageAsync("/beheer/mail");
            page.QuerySelector("#mail-attention")!.TextContent.ShouldContain("inloglink");
            page.Text().ShouldNotContain(PageSession.Resident);
        }
        finally
        {
            Unblock();
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SendQueueAsync();
        var sent = (await QueuedAsync("magic-link")).Single(m => m.Id == failed.Id);
        sent.State.ShouldBe(MailState.Sent);
        sent.Attempts.ShouldBe(1);
        (await app.MailsToAsync(PageSession.Resident)).Count.ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_mail_that_keeps_failing_is_given_up_after_eight_attempts_and_its_text_removed()
    {
        await app.SettleMailAsync();
        Block();
        try
        {
            await AskAsync(app.Browser(), "/wachtwoord-vergeten", PageSession.Resident);
            for (var attempt = 1; attempt <= QueuedMailSender.MaxAttempts; attempt++)
            {
                await SendQueueAsync();
                app.Clock.Advance(QueuedMailSender.BackOff(attempt));
            }

            var given = (await QueuedAsync("password-reset")).Single(m => m.State != MailState.Sent && m.State != MailState.Dropped);
            given.State.ShouldBe(MailState.Failed);
            given.Attempts.ShouldBe(QueuedMailSender.MaxAttempts);
            given.Text.ShouldBeNull();
            given.NextAttemptAtUtc.ShouldBeNull();
            await SendQueueAsync();
            (await QueuedAsync("password-reset")).Single(m => m.Id == given.Id).Attempts
                .ShouldBe(QueuedMailSender.MaxAttempts, "a mail given up is not tried again");
        }
        finally
        {
            Unblock();
        }

        QueuedMailSender.BackOff(1).ShouldBe(TimeSpan.FromMinutes(1));
        QueuedMailSender.BackOff(3).ShouldBe(TimeSpan.FromMinutes(4));
        QueuedMailSender.BackOff(12).ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Only_an_administrator_sees_the_queue()
    {
        var professional = await app.ApiAsync(PageSession.Professional);
        using var refused = await professional.GetAsync("/api/v1/admin/mail-queue", TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var page = await (await app.SignedInAsync(PageSession.Professional)).GetAsync("/beheer/mail", TestContext.Current.CancellationToken);
        page.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    /// <summary>The pickup folder's place taken by a file: writing a mail fails, as a mail server that is down does.</summary>
    private void Block()
    {
        if (Directory.Exists(app.MailFolder))
        {
            Directory.Move(app.MailFolder, app.MailFolder + ".kept");
        }

        File.WriteAllText(app.MailFolder, "");
    }

    private void Unblock()
    {
        File.Delete(app.MailFolder);
        if (Directory.Exists(app.MailFolder + ".kept"))
        {
            Directory.Move(app.MailFolder + ".kept", app.MailFolder);
        }
    }
}
