using System.Data.Common;
using System.Threading.Channels;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Privacy;

/// <summary>What <see cref="AuditLog.VerifyAsync"/> found: intact, or where the first problem is.</summary>
public sealed record AuditVerification(bool Intact, long Checked, int Chains, int Checkpoints, Guid? BrokenChain, long? BrokenAt, string? Problem);

/// <summary>
/// The NEN 7513 log: appends events to hash chains in a unit of work of their own (so an event is kept even when the
/// request it belongs to fails), anchors the chains' heads in signed checkpoints, verifies, and removes events after
/// their retention period.
/// </summary>
/// <remarks>
/// One writer per process appends to a chain of its own (<see cref="AuditChain"/>): requests hand their events to a
/// queue and wait until they are stored, and the writer stores everything that queued up meanwhile in one save (group
/// commit). So neither the requests of one instance nor several instances ever compete for a place. Every minute that
/// the chain moved, and when the application stops, the writer records its head in a checkpoint
/// (<see cref="AuditCheckpoint"/>) in the database, in the operator's log and, where configured, in a file store.
/// </remarks>
public sealed partial class AuditLog : IAsyncDisposable, IDisposable
{
    /// <summary>At most this many events in one save; more waiting go in the next.</summary>
    internal const int MaxBatch = 2_000;

    /// <summary>At most this many requests wait for the writer; more wait to be let in (back-pressure when the database is slow).</summary>
    internal const int MaxWaiting = 10_000;

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider time;
    private readonly IConfiguration configuration;
    private readonly ILogger logger;
    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(MaxWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Lazy<Task> writer;
    private readonly AuditChainWriter chain;
    private readonly SemaphoreSlim fileStore = new(1, 1);

    public AuditLog(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<AuditLog>? logger = null)
    {
        (this.scopes, this.time, this.configuration) = (scopes, time, configuration);
        this.logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        chain = new AuditChainWriter(AuditChain.WriterName("web"), time);
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

    /// <summary>How often a moving chain's head is anchored (<c>Privacy:AuditCheckpointSeconds</c>, default 60).</summary>
    private TimeSpan CheckpointEvery => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Privacy:AuditCheckpointSeconds", 60)));

    /// <summary>The key that signs checkpoints (<c>Privacy:AuditCheckpointKey</c>, best from a mounted secret file).</summary>
    private string? CheckpointKey => configuration["Privacy:AuditCheckpointKey"] is { Length: > 0 } key ? key : null;

    public Task AppendAsync(AuditEvent audit, CancellationToken ct) => AppendManyAsync([audit], ct);

    /// <summary>
    /// Several events at once: one place in the chain each, stored together. Returns when they are stored; a cancelled
    /// request stops waiting, but its events are still stored.
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
    /// A chain for events that must commit together with other changes (an anonymisation and its event): the caller
    /// stages events into its own unit of work, commits, and anchors the chain with <see cref="CheckpointAsync"/>.
    /// </summary>
    internal AuditChainWriter OpenChain(string purpose) => new(AuditChain.WriterName(purpose), time);

    /// <summary>
    /// Stops taking events and waits until what is queued is stored and the chain's head is anchored. Called when the
    /// application stops (by <see cref="AuditLogShutdown"/>), while the database services can still be used.
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
        var lastCheckpoint = time.GetUtcNow();
        Task<bool>? waiting = null;
        while (true)
        {
            waiting ??= queue.Reader.WaitToReadAsync().AsTask();
            if (!waiting.IsCompleted && chain.Moved)
            {
                // Nothing queued and the head moved: wait until its checkpoint is due, unless events arrive first.
                var due = lastCheckpoint + CheckpointEvery - time.GetUtcNow();
                if (due > TimeSpan.Zero)
                {
                    using var stop = new CancellationTokenSource();
                    await Task.WhenAny(waiting, Task.Delay(due, time, stop.Token));
                    await stop.CancelAsync();
                }

                if (!waiting.IsCompleted)
                {
                    await CheckpointAsync(chain);
                    lastCheckpoint = time.GetUtcNow();
                    continue;
                }
            }

            if (!await waiting)
            {
                break;
            }

            waiting = null;
            batch.Clear();
            var events = 0;
            while (events < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                events += next.Events.Count;
            }

            await StoreAsync(batch);
            if (chain.Moved && time.GetUtcNow() - lastCheckpoint >= CheckpointEvery)
            {
                await CheckpointAsync(chain);
                lastCheckpoint = time.GetUtcNow();
            }
        }

        await CheckpointAsync(chain);
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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var staged = chain.Stage(db, audits);
        try
        {
            // Straight inserts (COPY on PostgreSQL): a list of 25 residents is 25 events, and the change tracker's
            // SaveChanges made this single writer the slowest part of a busy server.
            await new BulkWriter(db).FlushAsync(CancellationToken.None);
            chain.Commit(staged);
        }
        catch (Exception)
        {
            if (await AlreadyStoredAsync(audits) is true)
            {
                chain.Commit(staged); // the commit went through; only the answer failed
                return;
            }

            // Not stored, or not known: the next events go to a new chain, so no place can ever be taken twice.
            chain.Restart();
            throw;
        }
    }

    /// <summary>The events go in together or not at all, so the first one's id tells; null when the database cannot say.</summary>
    private async Task<bool?> AlreadyStoredAsync(IReadOnlyList<AuditEvent> audits)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var id = audits[0].Id;
            return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().AuditEvents.AsNoTracking().AnyAsync(a => a.Id == id);
        }
        catch (DbException)
        {
            return null;
        }
    }

    /// <summary>
    /// Anchors a chain's head if it moved since its last checkpoint: in the operator's log first (outside the database,
    /// where the database's owner cannot reach it), in the file store when configured, and in the database. A failure is
    /// logged, never thrown: the next checkpoint anchors a later head, which covers this one.
    /// </summary>
    internal async Task CheckpointAsync(AuditChainWriter writer)
    {
        if (!writer.Moved || writer.Committed is not { } head)
        {
            return;
        }

        var checkpoint = new AuditCheckpoint(time.GetUtcNow().UtcDateTime, head.Chain, head.Sequence, head.Hash, head.AtUtc, CheckpointKey);
        var line = checkpoint.ToLine();
        Anchored(line);
        try
        {
            if (configuration["Privacy:AuditCheckpointFolder"] is { Length: > 0 } folder)
            {
                await AppendToFileStoreAsync(folder, checkpoint, line);
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            db.AuditCheckpoints.Add(checkpoint);
            await db.SaveChangesAsync(CancellationToken.None);
            writer.Anchored = head;
        }
        catch (Exception failure) when (failure is DbException or DbUpdateException or IOException or UnauthorizedAccessException
            or InvalidOperationException)
        {
            AnchorFailed(failure);
        }
    }

    /// <summary>
    /// One file per month, shared by every instance: each line is one append of a whole line (O_APPEND), so lines of
    /// several instances do not interleave on a local or block-storage volume.
    /// </summary>
    private async Task AppendToFileStoreAsync(string folder, AuditCheckpoint checkpoint, string line)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"audit-checkpoints-{checkpoint.AtUtc:yyyy-MM}.jsonl");
        var bytes = System.Text.Encoding.UTF8.GetBytes(line + "\n");
        await fileStore.WaitAsync();
        try
        {
            await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 4096,
                FileOptions.WriteThrough);
            await file.WriteAsync(bytes);
        }
        finally
        {
            fileStore.Release();
        }
    }

    [LoggerMessage(EventId = 7513, Level = LogLevel.Information, Message = "Audit checkpoint {Checkpoint}")]
    private partial void Anchored(string checkpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An audit checkpoint could not be stored; the next one anchors a later head")]
    private partial void AnchorFailed(Exception failure);

    /// <summary>Verifies against the checkpoints in the database only.</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken ct) => VerifyAsync(null, ct);

    /// <summary>
    /// Walks every chain in order (every hash must match its event and link to the one before; a chain starts at its
    /// start hash unless a purge removed its beginning) and compares each chain's newest checkpoint, from the database
    /// and from <paramref name="anchors"/> (the operator's log or file store), with the chain: a head that is gone
    /// means the newest events were removed. With a key configured, every checkpoint used must carry its signature.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(IEnumerable<AuditCheckpoint>? anchors, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var chains = await db.AuditChains.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var purgedBefore = await db.AuditPurges.AsNoTracking().Select(p => (DateTime?)p.BeforeUtc).MaxAsync(ct);
        var marks = await db.AuditIndexMarks.AsNoTracking().ToDictionaryAsync(m => m.ChainId, m => m.Sequence, ct);
        var key = CheckpointKey;
        var newest = new Dictionary<Guid, AuditCheckpoint>();
        await foreach (var checkpoint in db.AuditCheckpoints.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            Keep(checkpoint);
        }

        foreach (var checkpoint in anchors ?? [])
        {
            Keep(checkpoint);
        }

        if (key is not null && newest.Values.FirstOrDefault(c => !c.SignedWith(key)) is { } forged)
        {
            return new(false, 0, chains.Count, newest.Count, forged.ChainId, forged.Sequence, "een vastgelegde stand is niet met de sleutel ondertekend");
        }

        // Counted before the walk: events only ever join during it, so a walk that met fewer left some out.
        var stored = await db.AuditEvents.LongCountAsync(ct);
        long checkedCount = 0, indexable = 0;
        foreach (var id in chains.Keys.Concat(newest.Keys).Distinct().Order())
        {
            var problem = await VerifyChainAsync(db, id, chains.GetValueOrDefault(id), newest.GetValueOrDefault(id), purgedBefore,
                marks.GetValueOrDefault(id), ct);
            checkedCount += problem.Checked;
            indexable += problem.Shown;
            if (problem.Problem is not null)
            {
                return new(false, checkedCount, chains.Count, newest.Count, id, problem.At, problem.Problem);
            }
        }

        if (checkedCount < stored)
        {
            var known = await db.AuditChains.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
            var stray = await db.AuditEvents.AsNoTracking().Where(a => !known.Contains(a.ChainId)).Select(a => (Guid?)a.ChainId).FirstOrDefaultAsync(ct);
            if (stray is not null)
            {
                return new(false, checkedCount, chains.Count, newest.Count, stray, null, "events in een onbekende keten");
            }
        }

        // Every case a list showed, up to the marks read before the walk, has its row in the resident's index (the
        // indexer only adds rows meanwhile): a removed row would hide a look from the resident.
        var indexed = await db.AuditShown.LongCountAsync(ct);
        if (indexed < indexable)
        {
            return new(false, checkedCount, chains.Count, newest.Count, null, null,
                $"de index van lijsten per bewoner mist {indexable - indexed} van de {indexable} regels");
        }

        return new(true, checkedCount, chains.Count, newest.Count, null, null, null);

        void Keep(AuditCheckpoint checkpoint)
        {
            // Unsigned checkpoints (from before a key was set) anchor nothing once there is a key: anyone could write one.
            if (key is not null && checkpoint.Signature is null)
            {
                return;
            }

            if (!newest.TryGetValue(checkpoint.ChainId, out var known) || known.Sequence < checkpoint.Sequence)
            {
                newest[checkpoint.ChainId] = checkpoint;
            }
        }
    }

    private static async Task<(long Checked, long Shown, long? At, string? Problem)> VerifyChainAsync(KeukentafelDbContext db, Guid id,
        AuditChain? chain, AuditCheckpoint? anchored, DateTime? purgedBefore, long indexedTo, CancellationToken ct)
    {
        long checkedCount = 0, shown = 0;
        AuditEvent? previous = null;
        var after = 0L;
        var anchorSeen = false;
        while (true)
        {
            var batch = await db.AuditEvents.AsNoTracking().Where(a => a.ChainId == id && a.Sequence > after).OrderBy(a => a.Sequence).Take(5_000)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var audit in batch)
            {
                if (audit.ComputeHash() != audit.Hash)
                {
                    return (checkedCount, shown, audit.Sequence, "het event is gewijzigd");
                }

                if (previous is null && audit.Sequence == 1 && audit.PreviousHash != AuditChain.StartHash(id))
                {
                    return (checkedCount, shown, audit.Sequence, "de keten begint niet bij haar begin");
                }

                if (previous is null && audit.Sequence > 1 && purgedBefore is null)
                {
                    return (checkedCount, shown, audit.Sequence, $"events 1 tot {audit.Sequence} ontbreken");
                }

                if (previous is not null && (audit.Sequence != previous.Sequence + 1 || audit.PreviousHash != previous.Hash))
                {
                    return (checkedCount, shown, audit.Sequence, audit.Sequence != previous.Sequence + 1
                        ? $"events {previous.Sequence + 1} tot {audit.Sequence} ontbreken"
                        : "de keten is onderbroken");
                }

                if (anchored is not null && audit.Sequence == anchored.Sequence)
                {
                    if (audit.Hash != anchored.Hash)
                    {
                        return (checkedCount, shown, audit.Sequence, "de keten wijkt af van de vastgelegde stand");
                    }

                    anchorSeen = true;
                }

                if (audit.Shown is not null && audit.Sequence <= indexedTo)
                {
                    shown += AuditShown.RowsOf(audit.Id, audit.AtUtc, audit.Shown).Count();
                }

                previous = audit;
                checkedCount++;
            }

            after = batch[^1].Sequence;
        }

        // The newest anchored event is gone, and no purge explains it: the end of the chain was cut off.
        if (anchored is not null && !anchorSeen && !(purgedBefore > anchored.HeadAtUtc))
        {
            return (checkedCount, shown, anchored.Sequence, previous is null
                ? "de keten ontbreekt, maar is eerder vastgelegd"
                : $"events {previous.Sequence + 1} tot en met {anchored.Sequence} ontbreken (na de vastgelegde stand)");
        }

        if (chain is not null && previous is null && anchored is null && purgedBefore is null)
        {
            return (checkedCount, shown, null, "de keten heeft geen events meer");
        }

        return (checkedCount, shown, null, null);
    }

    /// <summary>
    /// Removes the events older than the retention period (default 5 years), and their checkpoints, and records that
    /// it did.
    /// </summary>
    public async Task<int> PurgeAsync(string byName, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var purge = new AuditPurge(now.AddYears(-RetentionYears), now, byName);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AuditPurges.Add(purge);
        await db.SaveChangesAsync(ct);
        await db.AuditShown.Where(s => s.AtUtc < purge.BeforeUtc).ExecuteDeleteAsync(ct);
        var removed = await db.AuditEvents.Where(a => a.AtUtc < purge.BeforeUtc).ExecuteDeleteAsync(ct);
        await db.AuditCheckpoints.Where(c => c.HeadAtUtc < purge.BeforeUtc).ExecuteDeleteAsync(ct);
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
