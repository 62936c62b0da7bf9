using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Neighbourhoods;

/// <summary>The neighbourhood a report shows, one of those the user works in, with the others to choose from.</summary>
public sealed record WorkAreaChoice(IReadOnlyList<SelectListItem> Options, Guid Id, string Name, Guid? CoordinatorId);

/// <summary>A neighbourhood the user works in, and whether he coordinates it.</summary>
public sealed record WorkArea(Guid Id, string Name, Guid? CoordinatorId, bool Coordinates);

/// <summary>
/// The neighbourhoods a staff member works in, for the pages that show one of them at a time (the effect report, the
/// bottleneck report). Another neighbourhood is not his: "not found", and the attempt is in the audit log.
/// </summary>
public sealed class WorkAreas(CurrentUser asking, KeukentafelDbContext db, CaseAccess access)
{
    /// <summary>Whether the user works in this neighbourhood, so that its reports open for him.</summary>
    public Task<bool> WorksInAsync(Guid neighbourhoodId, CancellationToken ct)
    {
        var staffId = asking.StaffId;
        return db.StaffNeighbourhoods.AnyAsync(w => w.StaffMemberId == staffId && w.NeighbourhoodId == neighbourhoodId, ct);
    }

    /// <summary>
    /// The wanted neighbourhood, or (none wanted) the one where the user's work is (<see cref="WhereWorkIsAsync"/>);
    /// <paramref name="part"/> names the report in the log.
    /// </summary>
    public async Task<WorkAreaChoice> ChooseAsync(Guid? wanted, AuditAction action, string part, CancellationToken ct)
    {
        var areas = await WhereWorkIsAsync(rank: wanted is null, ct);
        var chosen = wanted is { } id ? areas.FirstOrDefault(n => n.Id == id) : areas.Count > 0 ? areas[0] : null;
        if (chosen is null)
        {
            await access.LogAsync(null, null, action, $"{part} van een andere wijk", ct, allowed: false);
            throw new NotYoursException();
        }

        var options = areas.OrderBy(n => n.Name, StringComparer.CurrentCulture)
            .Select(n => new SelectListItem(n.Name, n.Id.ToString(), n.Id == chosen.Id)).ToList();
        return new WorkAreaChoice(options, chosen.Id, chosen.Name, chosen.CoordinatorId);
    }

    /// <summary>
    /// The neighbourhoods the user works in. Ranked (<paramref name="rank"/>), where his work is first: the ones he
    /// coordinates, then by how many of his open cases lie there, then those with results to report (a closed case
    /// with its closing mark: what a manager or director, who has no cases, looks for), then by name; a page that
    /// shows one neighbourhood opens on the first, so it opens where there is something for him to see. Not ranked
    /// (a neighbourhood was asked for): by name, without the counting.
    /// </summary>
    public async Task<IReadOnlyList<WorkArea>> WhereWorkIsAsync(bool rank, CancellationToken ct)
    {
        var staffId = asking.StaffId;
        var coordinator = asking.IsInRole(Roles.Coordinator);
        var mine = db.StaffNeighbourhoods.AsNoTracking().Where(w => w.StaffMemberId == staffId)
            .Join(db.Neighbourhoods, w => w.NeighbourhoodId, n => n.Id, (w, n) => n);
        if (!rank)
        {
            return [.. (await mine.Select(n => new { n.Id, n.Name, n.CoordinatorId }).ToListAsync(ct))
                .OrderBy(r => r.Name, StringComparer.CurrentCulture)
                .Select(r => new WorkArea(r.Id, r.Name, r.CoordinatorId, coordinator && r.CoordinatorId == staffId))];
        }

        var rows = await mine.Select(n => new
        {
            n.Id,
            n.Name,
            n.CoordinatorId,
            Cases = db.CaseMembers.Count(m => m.StaffMemberId == staffId && m.IsOpen && db.Cases.Any(c => c.Id == m.CaseId && c.NeighbourhoodId == n.Id)),
            Results = db.Cases.Any(c => c.NeighbourhoodId == n.Id && c.Status == Cases.CaseStatus.Closed
                && db.WellbeingMeasurements.Any(w => w.CaseId == c.Id && w.Moment == Effects.MeasurementMoment.Closure)),
        })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => coordinator && r.CoordinatorId == staffId).ThenByDescending(r => r.Cases)
            .ThenByDescending(r => r.Results).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .Select(r => new WorkArea(r.Id, r.Name, r.CoordinatorId, coordinator && r.CoordinatorId == staffId))];
    }
}
