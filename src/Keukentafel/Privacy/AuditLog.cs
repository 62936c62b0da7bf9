using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Privacy;

public sealed record AuditVerification(bool Intact, long Checked, long? FirstSequence, long? LastSequence, string? LastHash, long? BrokenAt, string? Problem);

/// <summary>
/// The NEN 7513 log: appends events to a hash chain in a unit of work of its own (so an event is kept even when
/// the request it belongs to fails), verifies the chain, and removes events after their retention period.
/// </summary>
public sealed class AuditLog(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration)
{
    public int RetentionYears => configuration.GetValue("Privacy:AuditRetentionYears", 5);

    public Task AppendAsync(AuditEvent audit, CancellationToken ct) => AppendManyAsync([audit], ct);

    /// <summary>Several events at once (a list that shows several residents): one place in the chain each, one save.</summary>
    public async Task AppendManyAsync(IReadOnlyList<AuditEvent> audits, CancellationToken ct)
    {
        if (audits.Count == 0)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            var last = await db.AuditEvents.AsNoTracking().OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
            var (sequence, hash) = (last?.Sequence ?? 0, last?.Hash ?? "");
            foreach (var audit in audits)
            {
                audit.Chain(++sequence, hash);
                hash = audit.Hash;
            }

            db.AuditEvents.AddRange(audits);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 20)
            {
                // Another event took this place in the chain first: continue from it.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct);
            }
        }
    }

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
                    return Broken(audit, audit.Sequence != previous.Sequence + 1 ? $"events {previous.Sequence + 1} tot {audit.Sequence} ontbreken" : "de keten is onderbroken");
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
}
