using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Plans;

/// <summary>A deviation as the manager asked to back it sees it: what and why, not the resident's file.</summary>
public sealed record DeviationToBack(
    Guid Id, Guid CaseId, string CaseNumber, string Neighbourhood, string Rule, string Reason, string Otherwise, decimal? OtherwiseCost,
    string RecordedBy, DateTime RecordedAtUtc, DateTime? BackedAtUtc,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid ResidentId);

/// <summary>How many things wait for someone's decision, and since when the oldest (null when none).</summary>
public sealed record Waiting(int Count, DateTime? OldestUtc);

/// <summary>
/// A backing as it was recorded: the case's version goes up with it, so the case bringer's next save on the version he
/// read is refused as stale, and that refusal's <c>changesSince</c> names this backing.
/// </summary>
public sealed record Backed(Guid DeviationId, Guid CaseId, int CaseVersion, DateTime BackedAtUtc);

/// <summary>
/// Managers back the deviations professionals put to them (seeds: "managers back them"). A manager sees only
/// the deviations addressed to him, never the rest of the case; each look and each backing is in the audit log.
/// </summary>
public sealed class DeviationBacking(CurrentUser asking, KeukentafelDbContext db, CaseAccess access, TimeProvider time)
{
    /// <summary>
    /// How many deviations wait for this manager's backing, and when the oldest was asked: for his start page. A count
    /// names no resident, so it is no look at a file.
    /// </summary>
    public async Task<Waiting> WaitingAsync(CancellationToken ct)
    {
        var me = asking.StaffId;
        var open = db.RuleDeviations.AsNoTracking().Where(d => d.ManagerId == me && d.BackedAtUtc == null);
        return new Waiting(await open.CountAsync(ct), await open.MinAsync(d => (DateTime?)d.RecordedAtUtc, ct));
    }

    public async Task<IReadOnlyList<DeviationToBack>> MineAsync(CancellationToken ct)
    {
        var me = asking.StaffId;
        var deviations = await db.RuleDeviations.AsNoTracking()
            .Where(d => d.ManagerId == me)
            .Join(db.Cases, d => d.CaseId, c => c.Id, (d, c) => new { d, c })
            .Join(db.Neighbourhoods, x => x.c.NeighbourhoodId, n => n.Id, (x, n) => new { x.d, x.c, Neighbourhood = n.Name })
            .OrderBy(x => x.d.BackedAtUtc != null).ThenBy(x => x.d.RecordedAtUtc)
            .Select(x => new DeviationToBack(x.d.Id, x.c.Id, x.c.Number, x.Neighbourhood, x.d.Rule, x.d.Reason, x.d.Otherwise, x.d.OtherwiseCost,
                x.d.RecordedByName, x.d.RecordedAtUtc, x.d.BackedAtUtc, x.c.ResidentId))
            .Take(200)
            .ToListAsync(ct);
        await access.LogListAsync([.. deviations.Select(d => (d.CaseId, d.ResidentId)).Distinct()], "afwijking", "afwijkingen om te steunen (0)", ct);
        return deviations;
    }

    public async Task<Backed> BackAsync(Guid deviationId, CancellationToken ct)
    {
        var me = asking.StaffId;
        var target = await db.RuleDeviations.AsNoTracking().Where(d => d.Id == deviationId)
            .Join(db.Cases, d => d.CaseId, c => c.Id, (d, c) => new { d.ManagerId, c.Id, c.ResidentId })
            .SingleOrDefaultAsync(ct);
        if (target is null || target.ManagerId != me)
        {
            await access.LogAsync(target?.Id, target?.ResidentId, AuditAction.Change, "afwijking", ct, allowed: false);
            throw new NotYoursException("deviation.not_yours", "Deze afwijking is niet aan u voorgelegd, of bestaat niet.");
        }

        var @case = await db.Cases.Include(c => c.Deviations).SingleAsync(c => c.Id == target.Id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        @case.BackDeviation(deviationId, me!.Value, await access.ActorAsync(ct), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("deviation.case_changed", "De casus werd op hetzelfde moment gewijzigd. Probeer het nog eens.");
        }

        await access.LogAsync(target.Id, target.ResidentId, AuditAction.Change, "afwijking", ct);
        return new Backed(deviationId, @case.Id, @case.Version, @case.Deviations.Single(d => d.Id == deviationId).BackedAtUtc ?? now);
    }
}
