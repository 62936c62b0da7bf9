using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Neighbourhoods;

/// <summary>The neighbourhood a report shows, one of those the user works in, with the others to choose from.</summary>
public sealed record WorkAreaChoice(IReadOnlyList<SelectListItem> Options, Guid Id, string Name, Guid? CoordinatorId);

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

    /// <summary>The wanted neighbourhood, or (none wanted) the first by name; <paramref name="part"/> names the report in the log.</summary>
    public async Task<WorkAreaChoice> ChooseAsync(Guid? wanted, AuditAction action, string part, CancellationToken ct)
    {
        var staffId = asking.StaffId;
        var mine = (await db.StaffNeighbourhoods.AsNoTracking().Where(w => w.StaffMemberId == staffId)
                .Select(w => new { w.NeighbourhoodId, w.Neighbourhood!.Name, w.Neighbourhood.CoordinatorId }).ToListAsync(ct))
            .OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        var chosen = wanted is { } id ? mine.FirstOrDefault(n => n.NeighbourhoodId == id) : mine.FirstOrDefault();
        if (chosen is null)
        {
            await access.LogAsync(null, null, action, $"{part} van een andere wijk", ct, allowed: false);
            throw new NotYoursException();
        }

        var options = mine.Select(n => new SelectListItem(n.Name, n.NeighbourhoodId.ToString(), n.NeighbourhoodId == chosen.NeighbourhoodId)).ToList();
        return new WorkAreaChoice(options, chosen.NeighbourhoodId, chosen.Name, chosen.CoordinatorId);
    }
}
