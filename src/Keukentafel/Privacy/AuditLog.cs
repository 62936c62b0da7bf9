using System.Data.Common;
using System.Threading.Channels;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Privacy;

public sealed record AuditVerification(bool Intact, long Checked, long? FirstSequence, long? LastSequence, string? LastHash, long? BrokenAt, string? Problem);

/// <summary>
/// The NEN 7513 log: appends events to a hash chain in a unit of work of its own (so an event is kept even when
/// the request it belongs to fails), verifies the chain, and removes events after their retention period.
/// </summary>
/// <remarks>
/// One writer per process appends: requests hand their events to a queue and wait until they are stored, and the
/// writer stores everything that queued up meanwhile in one save (group commit). Concurrent requests of this process
/// therefore never compete for the same place in the chain. Another process (a second server, an operator command)
/// still can: the unique sequence number refuses the second writer, which continues from the new end of the chain.
/// </remarks>
public sealed class AuditLog : IAsyncDisposable, IDisposable
{
    /// <summary>At most this many events in one save; more waiting go in the next.</summary>
    internal const int MaxBatch = 2_000;

    /// <summary>At most this many requests wait for the writer; more wait to be let in (back-pressure when the database is slow).</summary>
    internal const int MaxWaiting = 10_000;

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider time;
    private readonly IConfiguration configuration;
    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(MaxWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Lazy<Task> writer;

    public AuditLog(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration)
    {
        (this.scopes, this.time, this.configuration) = (scopes, time, configuration);
        writer = new Lazy<Task>(
            () =>
            {
                // The writer outlives the request that starts it: it must not carry that request's context along.
                using (ExecutionContext.SuppressFlow())
                {
                    return Task.Run(WriteQueuedAsync);
                }
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Where the queue's depth and the append time go (set by the host; a log made by hand has none).</summary>
    public Web.KeukentafelMetrics? Metrics
    {
        get;
        set
        {
            field = value;
            value?.AuditWaiting = () => queue.Reader.Count;
        }
    }

    public int RetentionYears => configuration.GetValue("Privacy:AuditRetentionYears", 5);

    public Task AppendAsync(AuditEvent audit, CancellationToken ct) => AppendManyAsync([audit], ct);

    /// <summary>
    /// Several events at once (a list that shows several residents): one place in the chain each, stored together.
    /// Returns when they are stored; a cancelled request stops waiting, but its events are still stored.
    /// </summary>
    public async Task AppendManyAsync(IReadOnlyList<AuditEvent> audits, CancellationToken ct)
    {
        if (audits.Count == 0)
        {
            return;
        }

        var pending = new Pending(audits, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await queue.Writer.WriteAsync(pending, ct);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(AuditLog), "The audit log is shutting down.");
        }

        _ = writer.Value;
        await pending.Stored.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Stops taking events and waits until what is queued is stored. Called when the application stops (by
    /// <see cref="AuditLogShutdown"/>), while the database services can still be used.
    /// </summary>
    public async Task DrainAsync()
    {
        queue.Writer.TryComplete();
        await writer.Value;
    }

    public void Dispose() => queue.Writer.TryComplete();

    public ValueTask DisposeAsync() => new(DrainAsync());

    private async Task WriteQueuedAsync()
    {
        var batch = new List<Pending>();
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var events = 0;
            while (events < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                events += next.Events.Count;
            }

            await StoreAsync(batch);
        }
    }

    /// <summary>
    /// Stores the queued requests' events in one save. When that fails because of the data (a bad event), the bad event
    /// must not take the others with it: each request's events are then stored on their own and only its own fails.
    /// When the database cannot be reached, all fail at once, without trying each in turn.
    /// </summary>
    private async Task StoreAsync(IReadOnlyList<Pending> batch)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await AppendToChainAsync([.. batch.SelectMany(p => p.Events)]);
            Metrics?.AuditAppended(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            foreach (var p in batch)
            {
                p.Stored.TrySetResult();
            }
        }
        catch (Exception e) when (batch.Count > 1 && IsAboutTheData(e))
        {
            foreach (var p in batch)
            {
                await StoreAsync([p]);
            }
        }
        catch (Exception e)
        {
            foreach (var p in batch)
            {
                p.Stored.TrySetException(e);
            }
        }
    }

    /// <summary>A constraint or a value the database refused, as opposed to a connection or a time-out.</summary>
    private static bool IsAboutTheData(Exception e) => e switch
    {
        Npgsql.PostgresException pg => pg.SqlState.StartsWith("22", StringComparison.Ordinal) || pg.SqlState.StartsWith("23", StringComparison.Ordinal),
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is 18 or 19 or 20 or 25, // too big, constraint, mismatch, range
        _ => false,
    };

    private async Task AppendToChainAsync(IReadOnlyList<AuditEvent> audits)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            if (audits[0].Sequence != 0 && await AlreadyStoredAsync(db, audits))
            {
                return; // an earlier attempt was stored after all (its answer got lost): not again
            }

            var (sequence, hash) = await EndOfChainAsync(db);
            var first = sequence;
            foreach (var audit in audits)
            {
                audit.Chain(++sequence, hash);
                hash = audit.Hash;
            }

            db.AuditEvents.AddRange(audits);
            try
            {
                // Straight inserts (COPY on PostgreSQL): a list of 25 residents is 25 events, and the change tracker's
                // SaveChanges made this single writer the slowest part of a busy server.
                await new BulkWriter(db).FlushAsync(CancellationToken.None);
                return;
            }
            catch (DbException) when (attempt < 20)
            {
                await using var check = scopes.CreateAsyncScope();
                var fresh = check.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
                if (await AlreadyStoredAsync(fresh, audits))
                {
                    return; // the commit went through; only the answer failed
                }

                if ((await EndOfChainAsync(fresh)).Sequence == first)
                {
                    throw; // Not a clash: the chain did not move.
                }

                // Another process took this place in the chain first: continue from the new end.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt));
            }
        }
    }

    /// <summary>The events go in together or not at all, so the first one's id tells.</summary>
    private static Task<bool> AlreadyStoredAsync(KeukentafelDbContext db, IReadOnlyList<AuditEvent> audits)
    {
        var id = audits[0].Id;
        return db.AuditEvents.AsNoTracking().AnyAsync(a => a.Id == id);
    }

    private static async Task<(long Sequence, string Hash)> EndOfChainAsync(KeukentafelDbContext db) =>
        await db.AuditEvents.AsNoTracking().OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync() is { } last
            ? (last.Sequence, last.Hash)
            : (0, "");

    /// <summary>Walks the chain in order: every hash must match its event and link to the one before.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        long checkedCount = 0;
        long? first = null;
        AuditEvent? previous = null;
        long after = long.MinValue;
        while (true)
        {
            var batch = await db.AuditEvents.AsNoTracking().Where(a => a.Sequence > after).OrderBy(a => a.Sequence).Take(5_000).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return new AuditVerification(true, checkedCount, first, previous?.Sequence, previous?.Hash, null, null);
            }

            foreach (var audit in batch)
            {
                first ??= audit.Sequence;
                if (audit.ComputeHash() != audit.Hash)
                {
                    return Broken(audit, "het event is gewijzigd");
                }

                if (previous is not null && (audit.Sequence != previous.Sequence + 1 || audit.PreviousHash != previous.Hash))
                {
                    return Broken(audit, audit.Sequence != previous.Sequence + 1
                        ? $"events {previous.Sequence + 1} tot {audit.Sequence} ontbreken"
                        : "de keten is onderbroken");
                }

                previous = audit;
                checkedCount++;
            }

            after = batch[^1].Sequence;
        }

        AuditVerification Broken(AuditEvent at, string problem) => new(false, checkedCount, first, previous?.Sequence, previous?.Hash, at.Sequence, problem);
    }

    /// <summary>Removes the events older than the retention period (default 5 years), and records that it did.</summary>
    public async Task<int> PurgeAsync(string byName, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var purge = new AuditPurge(now.AddYears(-RetentionYears), now, byName);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AuditPurges.Add(purge);
        await db.SaveChangesAsync(ct);
        var removed = await db.AuditEvents.Where(a => a.AtUtc < purge.BeforeUtc).ExecuteDeleteAsync(ct);
        purge.Done(removed);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return removed;
    }

    private sealed record Pending(IReadOnlyList<AuditEvent> Events, TaskCompletionSource Stored);
}

/// <summary>Stores what the audit log still has queued when the application stops, before its services are gone.</summary>
public sealed class AuditLogShutdown(AuditLog log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => log.DrainAsync().WaitAsync(cancellationToken);
}
