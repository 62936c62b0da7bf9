using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Privacy;

/// <summary>One case a list showed, with its resident, and why where the list says so (a learning session's agenda).</summary>
public sealed record ShownCase(
    [property: JsonPropertyName("r")] Guid ResidentId,
    [property: JsonPropertyName("c")] Guid CaseId,
    [property: JsonPropertyName("why"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason)
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The fixed text form an event stores and hashes.</summary>
    public static string Write(IReadOnlyList<ShownCase> shown) => JsonSerializer.Serialize(shown, Options);

    public static IReadOnlyList<ShownCase> Read(string shown) => JsonSerializer.Deserialize<List<ShownCase>>(shown, Options) ?? [];
}

/// <summary>
/// The per-resident index of list events: one row for every case a list showed, so a resident finds every list that
/// showed his name in "who looked at my file". Derived from the events (<see cref="AuditEvent.Shown"/>, which the chain
/// covers) by <see cref="AuditIndexer"/> in large batches sorted by resident, instead of one random insert per resident
/// per request; the database keeps it like the events (no change, a removal only with a recorded purge).
/// </summary>
public sealed class AuditShown
{
    private AuditShown() { }

    public AuditShown(Guid residentId, DateTime atUtc, Guid eventId, Guid caseId, string? reason)
    {
        (ResidentId, AtUtc, EventId, CaseId, Reason) = (residentId, atUtc, eventId, caseId, reason);
    }

    /// <summary>
    /// The rows a list event stands for in the index: one per resident and case it names. The indexer writes them, the
    /// reader of the newest lists reads them, and the verification counts them, all through here.
    /// </summary>
    public static IEnumerable<AuditShown> RowsOf(Guid eventId, DateTime atUtc, string shown) =>
        ShownCase.Read(shown).DistinctBy(s => (s.ResidentId, s.CaseId)).Select(s => new AuditShown(s.ResidentId, atUtc, eventId, s.CaseId, s.Reason));

    public Guid ResidentId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public Guid EventId { get; private set; }
    public Guid CaseId { get; private set; }
    public string? Reason { get; private set; }
}

/// <summary>How far <see cref="AuditIndexer"/> has come in one chain: every event up to this place is in the index.</summary>
public sealed class AuditIndexMark
{
    private AuditIndexMark() { }

    public AuditIndexMark(Guid chainId, long sequence) => (ChainId, Sequence) = (chainId, sequence);

    public Guid ChainId { get; private set; }
    public long Sequence { get; private set; }
}

/// <summary>
/// Fills <see cref="AuditShown"/> from the chains, in order, from each chain's mark on: the rows of up to
/// <see cref="EventsPerBatch"/> events at once, sorted by resident, with the chain's new mark in the same transaction, so
/// an event is indexed exactly once even when two runs meet (the second finds the mark moved and stops). The batch is
/// small because on SQLite its transaction holds the one write lock that every request's audit events wait for.
/// </summary>
public static class AuditIndexer
{
    internal const int EventsPerBatch = 250;

    /// <summary>Indexes every event that is not indexed yet; returns how many rows it added.</summary>
    public static async Task<int> IndexAsync(KeukentafelDbContext db, CancellationToken ct)
    {
        var rows = 0;
        foreach (var chain in await BehindAsync(db, ct))
        {
            var mark = chain.Mark;
            while (true)
            {
                var from = mark ?? 0;
                var events = await db.AuditEvents.AsNoTracking().Where(e => e.ChainId == chain.Id && e.Sequence > from)
                    .OrderBy(e => e.Sequence).Take(EventsPerBatch).Select(e => new { e.Id, e.Sequence, e.AtUtc, e.Shown }).ToListAsync(ct);
                if (events.Count == 0)
                {
                    break;
                }

                var to = events[^1].Sequence;
                var shown = events.Where(e => e.Shown is not null)
                    .SelectMany(e => AuditShown.RowsOf(e.Id, e.AtUtc, e.Shown!))
                    .OrderBy(s => s.ResidentId).ThenBy(s => s.AtUtc).ThenBy(s => s.EventId)
                    .ToList();
                if (!await StoreAsync(db, chain.Id, mark, to, shown, ct))
                {
                    break; // another run moved the mark first: it goes on from there
                }

                rows += shown.Count;
                mark = to;
                if (events.Count < EventsPerBatch)
                {
                    break;
                }
            }
        }

        return rows;
    }

    private static async Task<bool> StoreAsync(KeukentafelDbContext db, Guid chain, long? mark, long to, List<AuditShown> shown, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (mark is { } from)
            {
                var moved = await db.AuditIndexMarks.Where(m => m.ChainId == chain && m.Sequence == from)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Sequence, to), ct);
                if (moved == 0)
                {
                    return false;
                }
            }
            else
            {
                db.AuditIndexMarks.Add(new AuditIndexMark(chain, to));
            }

            db.AuditShown.AddRange(shown);
            await new BulkWriter(db).FlushAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (DbException) when (mark is null)
        {
            // Two runs started the same chain's mark at once: the other's stands.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>How far one chain is indexed (<see cref="Mark"/>, null before its first run) and where it ends.</summary>
    internal sealed record Progress(Guid Id, long? Mark, long Head);

    /// <summary>
    /// Each chain's mark and head, both found through an index (one probe each per chain, never a scan of the events):
    /// also the benchmark's bare statement for the part of "who looked" that is not indexed yet.
    /// </summary>
    internal static IQueryable<Progress> ProgressQuery(KeukentafelDbContext db) =>
        db.AuditChains.AsNoTracking().Select(c => new Progress(c.Id,
            db.AuditIndexMarks.Where(m => m.ChainId == c.Id).Select(m => (long?)m.Sequence).FirstOrDefault(),
            db.AuditEvents.Where(e => e.ChainId == c.Id).Max(e => (long?)e.Sequence) ?? 0));

    /// <summary>The chains with events after their mark: usually only those of the writers busy in the last seconds.</summary>
    private static async Task<List<Progress>> BehindAsync(KeukentafelDbContext db, CancellationToken ct) =>
        [.. (await ProgressQuery(db).ToListAsync(ct)).Where(p => p.Head > (p.Mark ?? 0))];

    /// <summary>
    /// The list events naming this resident that the index does not hold yet: those after each chain's mark, read per
    /// chain through the chain's own index. Few: the indexer runs every few seconds.
    /// </summary>
    internal static async Task<List<AuditEvent>> NotYetIndexedAsync(KeukentafelDbContext db, Guid residentId, CancellationToken ct)
    {
        var key = residentId.ToString();
        var events = new List<AuditEvent>();
        foreach (var chain in await BehindAsync(db, ct))
        {
            var mark = chain.Mark ?? 0;
            events.AddRange(await db.AuditEvents.AsNoTracking()
                .Where(e => e.ChainId == chain.Id && e.Sequence > mark && e.Shown != null && e.Shown.Contains(key)).ToListAsync(ct));
        }

        return events;
    }
}

/// <summary>Keeps the per-resident index of list events filled, at one instance at a time (a lease).</summary>
public sealed class AuditIndexJob(JobLeases leases, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<AuditIndexJob> logger)
    : PeriodicJob(lifetime, logger)
{
    public const string Name = "audit-index";

    protected override string Description => "Indexing list events per resident";

    /// <summary><c>Privacy:AuditIndexSeconds</c>, default 10: a resident finds a list in his log at once either way.</summary>
    protected override TimeSpan LookEvery => TimeSpan.FromSeconds(configuration.GetValue("Privacy:AuditIndexSeconds", 10.0));

    protected override Task RunAsync(CancellationToken ct) =>
        leases.RunIfDueAsync(Name, LookEvery / 2, TimeSpan.FromMinutes(5),
            async (services, token) => await AuditIndexer.IndexAsync(services.GetRequiredService<KeukentafelDbContext>(), token), ct);
}
