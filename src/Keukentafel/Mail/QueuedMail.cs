using System.Globalization;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Mail;

/// <summary>Where a queued mail stands.</summary>
public enum MailState
{
    /// <summary>Not yet sent: waits for its (next) attempt.</summary>
    Waiting,

    /// <summary>Handed to the mail server (or written to the pickup folder).</summary>
    Sent,

    /// <summary>Given up after <see cref="QueuedMailSender.MaxAttempts"/> failed attempts.</summary>
    Failed,

    /// <summary>Nothing to send once it was its turn: no account with that address, a link not allowed, the address confirmed meanwhile.</summary>
    Dropped,
}

/// <summary>
/// One mail in the durable queue. A request only adds a row (in its own transaction, so a mail exists exactly when the
/// change that asked for it was saved); <see cref="MailQueueWorker"/> sends it, retries with back-off after a failure and
/// survives a restart. A mail that carries a sign-in link or a reset code is written only when it goes
/// (<see cref="IMailComposer"/>): such a secret never lies in the database. After it went, the address and the text are
/// removed; what stays (purpose, state, attempts, times, the failure's type) is what the administrator sees.
/// </summary>
public sealed class QueuedMail
{
    private QueuedMail()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>What the mail is for, such as "magic-link"; with no text, the composer of this purpose writes it.</summary>
    public string Purpose { get; private set; } = "";

    /// <summary>The address; for a mail asked for anonymously, the address as typed. Emptied once the mail went or was dropped.</summary>
    public string? To { get; private set; }

    public Guid? AccountId { get; private set; }

    public string? Subject { get; private set; }

    public string? Text { get; private set; }

    /// <summary>The language of the page that asked for it: the composer writes in it.</summary>
    public string Culture { get; private set; } = "nl";

    /// <summary>The address of the site that links in the mail start with.</summary>
    public string Site { get; private set; } = "";

    public MailState State { get; private set; }

    public int Attempts { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Not before then; none means as soon as possible.</summary>
    public DateTime? NextAttemptAtUtc { get; private set; }

    /// <summary>An instance that took the mail holds it until then; after a crash another one takes it over.</summary>
    public DateTime? ClaimedUntilUtc { get; private set; }

    public DateTime? DoneAtUtc { get; private set; }

    /// <summary>The type of the last failure only: its message may name the address.</summary>
    public string? LastFailure { get; private set; }

    public static QueuedMail Written(OutgoingMail mail, Guid? accountId, string site, DateTime now)
    {
        var queued = ToCompose(mail.Purpose, mail.To, accountId, site, now);
        (queued.Subject, queued.Text) = (mail.Subject, mail.Text);
        return queued;
    }

    public static QueuedMail ToCompose(string purpose, string? to, Guid? accountId, string site, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Purpose = purpose,
        To = to,
        AccountId = accountId,
        Culture = CultureInfo.CurrentUICulture.Name,
        Site = site,
        CreatedAtUtc = now,
    };
}

/// <summary>
/// Writes the mail that is due for a queued row, just before it goes. Registered per purpose; <c>null</c> means there
/// is nothing to send (the row is then dropped, and the page that asked for it never knew the difference).
/// </summary>
public interface IMailComposer
{
    string Purpose { get; }

    Task<OutgoingMail?> ComposeAsync(QueuedMail mail, CancellationToken ct);
}

/// <summary>
/// Puts mails in the queue, inside the caller's unit of work: they are stored with the caller's next save. The caller
/// wakes the sender once that is committed (<see cref="Wake"/>); else it finds them on its next round. (No event on the
/// context: contexts are pooled, and a handler added per request would stay with the pooled context.)
/// </summary>
public sealed class MailOutbox(KeukentafelDbContext db, MailSettings settings, QueuedMailSender queue, TimeProvider time)
{
    /// <summary>A mail with its text, to go after the next save; <paramref name="site"/> is where its links point.</summary>
    public void Add(OutgoingMail mail, Guid? accountId, string site) =>
        db.QueuedMails.Add(QueuedMail.Written(mail, accountId, site, time.GetUtcNow().UtcDateTime));

    /// <summary>Mails were committed: the sender on this instance need not wait for its next round.</summary>
    public void Wake() => queue.Wake();

    /// <summary>
    /// A mail whose text is written when it goes, stored at once. Every call costs the same, whoever the address
    /// belongs to: the page's answer (and its time) cannot tell whether an account exists.
    /// </summary>
    public async Task RequestAsync(string purpose, string? to, Guid? accountId, HttpRequest request, CancellationToken ct)
    {
        db.QueuedMails.Add(QueuedMail.ToCompose(purpose, to, accountId, settings.SiteOf(request), time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        queue.Wake();
    }
}

/// <summary>The queue's numbers for the administrator: how many mails stand where, and the ones that need a look.</summary>
public sealed record MailQueueStatus(int Waiting, int Sent, int Failed, int Dropped, IReadOnlyList<MailQueueRow> Attention);

/// <summary>A mail that waits after a failure or was given up: never its address or text.</summary>
public sealed record MailQueueRow(Guid Id, string Purpose, MailState State, int Attempts, DateTime CreatedAtUtc, DateTime? NextAttemptAtUtc,
    string? LastFailure);

/// <summary>
/// Sends what is due in the queue. Each mail is claimed first (one row, on a condition), so two instances never send the
/// same mail at once; a mail is sent at least once: an instance that dies after sending and before marking it sent
/// leaves it to be sent again when its claim runs out.
/// </summary>
public sealed partial class QueuedMailSender(
    IServiceScopeFactory scopes, Mailer mailer, TimeProvider time, Web.KeukentafelMetrics metrics, ILogger<QueuedMailSender> logger) : IDisposable
{
    public const int MaxAttempts = 8;
    private const int Batch = 20;
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>Minutes to the next attempt after so many failures: 1, 2, 4 … at most an hour.</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Something was queued: the worker need not wait for its next round.</summary>
    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    public async Task WaitAsync(TimeSpan longest, CancellationToken ct) => await wake.WaitAsync(longest, ct);

    public void Dispose() => wake.Dispose();

    /// <summary>Sends every mail that is due and not taken by another instance; returns how many it handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var handled = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var due = await db.QueuedMails.AsNoTracking()
                .Where(m => m.State == MailState.Waiting && (m.NextAttemptAtUtc == null || m.NextAttemptAtUtc <= now)
                    && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                .OrderBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(ct);
            var sent = 0;
            foreach (var id in due)
            {
                if (await ClaimAsync(db, id, ct))
                {
                    await SendAsync(scope.ServiceProvider, db, id, ct);
                    sent++;
                }
            }

            handled += sent;
            if (due.Count < Batch || sent == 0)
            {
                return handled;
            }
        }
    }

    /// <summary>True when some mail is due now or taken by an instance that is sending it.</summary>
    public static Task<bool> AnyDueAsync(KeukentafelDbContext db, DateTime now, CancellationToken ct) =>
        db.QueuedMails.AnyAsync(m => m.State == MailState.Waiting && (m.NextAttemptAtUtc == null || m.NextAttemptAtUtc <= now), ct);

    /// <summary>How long the administrator can look back at mails that are done (sent, dropped or given up).</summary>
    public static readonly TimeSpan KeptWhenDone = TimeSpan.FromDays(30);

    /// <summary>Removes the rows of mails done longer ago than <see cref="KeptWhenDone"/> (the retention job runs it).</summary>
    public static Task<int> PurgeAsync(KeukentafelDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var before = nowUtc - KeptWhenDone;
        return db.QueuedMails.Where(m => m.State != MailState.Waiting && m.DoneAtUtc < before).ExecuteDeleteAsync(ct);
    }

    public static async Task<MailQueueStatus> StatusAsync(KeukentafelDbContext db, CancellationToken ct)
    {
        var counts = await db.QueuedMails.GroupBy(m => m.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(MailState state) => counts.FirstOrDefault(c => c.State == state)?.Count ?? 0;
        var attention = await db.QueuedMails
            .Where(m => m.State == MailState.Failed || (m.State == MailState.Waiting && m.Attempts > 0))
            .OrderByDescending(m => m.Id).Take(50)
            .Select(m => new MailQueueRow(m.Id, m.Purpose, m.State, m.Attempts, m.CreatedAtUtc, m.NextAttemptAtUtc, m.LastFailure))
            .ToListAsync(ct);
        return new MailQueueStatus(Count(MailState.Waiting), Count(MailState.Sent), Count(MailState.Failed), Count(MailState.Dropped), attention);
    }

    private async Task<bool> ClaimAsync(KeukentafelDbContext db, Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + Claim;
        return await db.QueuedMails
            .Where(m => m.Id == id && m.State == MailState.Waiting && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, until), ct) == 1;
    }

    private async Task SendAsync(IServiceProvider services, KeukentafelDbContext db, Guid id, CancellationToken ct)
    {
        var queued = await db.QueuedMails.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(queued.Culture);
            var mail = queued.Text is { } text
                ? new OutgoingMail(queued.To ?? "", queued.Subject ?? "", text, queued.Purpose)
                : await ComposeAsync(services, queued, ct);
            var now = time.GetUtcNow().UtcDateTime;
            if (mail is null)
            {
                await Finish(db, id, MailState.Dropped, now, ct);
                metrics.Mail("not_needed");
                return;
            }

            var mailId = await mailer.SendAsync(mail, ct);
            await Finish(db, id, MailState.Sent, time.GetUtcNow().UtcDateTime, ct);
            Sent(queued.Id, mailId, queued.Purpose);
            metrics.Mail("sent");
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var attempts = queued.Attempts + 1;
            var now = time.GetUtcNow().UtcDateTime;
            var given = attempts >= MaxAttempts;
            DateTime? next = given ? null : now + BackOff(attempts);
            var state = given ? MailState.Failed : MailState.Waiting;
            var kind = failure.GetType().Name;
            // The text goes once the mail is given up; the address stays, so the administrator can ask the owner.
            await db.QueuedMails.Where(m => m.Id == id).ExecuteUpdateAsync(s =>
            {
                s.SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.State, state)
                    .SetProperty(m => m.NextAttemptAtUtc, next)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.LastFailure, kind);
                if (given)
                {
                    s.SetProperty(m => m.DoneAtUtc, now).SetProperty(m => m.Text, (string?)null);
                }
            }, CancellationToken.None);
            NotSent(queued.Id, queued.Purpose, attempts, kind);
            metrics.Mail(given ? "given_up" : "retry");
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static async Task<OutgoingMail?> ComposeAsync(IServiceProvider services, QueuedMail queued, CancellationToken ct)
    {
        var composer = services.GetServices<IMailComposer>().SingleOrDefault(c => c.Purpose == queued.Purpose)
            ?? throw new InvalidOperationException($"No composer for mails of purpose {queued.Purpose}.");
        return await composer.ComposeAsync(queued, ct);
    }

    /// <summary>Sent or dropped: the address and the text are no longer needed and are removed.</summary>
    private static Task<int> Finish(KeukentafelDbContext db, Guid id, MailState state, DateTime now, CancellationToken ct) =>
        db.QueuedMails.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, state)
            .SetProperty(m => m.DoneAtUtc, now)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
            .SetProperty(m => m.To, (string?)null)
            .SetProperty(m => m.Text, (string?)null), ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued mail {QueuedMailId} sent as {MailId} ({MailPurpose})")]
    private partial void Sent(Guid queuedMailId, Guid mailId, string mailPurpose);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued mail {QueuedMailId} ({MailPurpose}) not sent, attempt {Attempts} ({Failure})")]
    private partial void NotSent(Guid queuedMailId, string mailPurpose, int attempts, string failure);
}

/// <summary>
/// Sends the queue's mails in the background: at once when a request queued one on this instance, else every few
/// seconds (Mail:Queue:PollSeconds, default 5), which picks up mails queued on another instance and retries.
/// Mail:Queue:Send=false leaves the sending to the other instances.
/// </summary>
public sealed partial class MailQueueWorker(QueuedMailSender queue, IHostApplicationLifetime lifetime, IConfiguration configuration,
    ILogger<MailQueueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Mail:Queue:Send", true))
        {
            return; // an instance that only serves pages: another one sends
        }

        var poll = TimeSpan.FromSeconds(Math.Max(0.2, configuration.GetValue("Mail:Queue:PollSeconds", 5.0)));
        // Not before the database is migrated and the host is up.
        await lifetime.StartedAsync(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queue.SendDueAsync(stoppingToken);
                await queue.WaitAsync(poll, stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                Failed(failure);
                await Task.Delay(poll, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail queue could not be read; it is tried again")]
    private partial void Failed(Exception failure);
}

internal sealed class QueuedMailConfiguration : IEntityTypeConfiguration<QueuedMail>
{
    public void Configure(EntityTypeBuilder<QueuedMail> e)
    {
        e.ToTable("QueuedMails");
        e.HasKey(m => m.Id);
        e.Property(m => m.Purpose).HasMaxLength(64);
        e.Property(m => m.To).HasMaxLength(320);
        e.Property(m => m.Subject).HasMaxLength(300);
        e.Property(m => m.Culture).HasMaxLength(16);
        e.Property(m => m.Site).HasMaxLength(500);
        e.Property(m => m.LastFailure).HasMaxLength(200);
        e.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(m => new { m.State, m.NextAttemptAtUtc });
    }
}
