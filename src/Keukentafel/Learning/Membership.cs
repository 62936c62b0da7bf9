using Keukentafel.Accounts;
using Keukentafel.Budget;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Learning;

/// <summary>
/// Who may do what in a neighbourhood's learning: everyone who works there sees it; its coordinator plans. Someone from
/// elsewhere gets "not found" (<see cref="NotYoursException"/>), and the attempt is logged with what he tried to reach.
/// </summary>
public sealed class Membership(CurrentUser asking, KeukentafelDbContext db, CaseAccess access)
{
    public async Task RequireWorksInAsync(Guid neighbourhoodId, string part, CancellationToken ct)
    {
        var staffId = asking.StaffId;
        if (!await db.StaffNeighbourhoods.AnyAsync(w => w.StaffMemberId == staffId && w.NeighbourhoodId == neighbourhoodId, ct))
        {
            await access.LogAsync(null, null, AuditAction.Read, $"{part} van een andere wijk", ct, allowed: false);
            throw new NotYoursException();
        }
    }

    public async Task RequireCoordinatorAsync(Guid neighbourhoodId, string part, CancellationToken ct)
    {
        if (!await CoordinatesAsync(neighbourhoodId, ct))
        {
            await access.LogAsync(null, null, AuditAction.Change, $"{part} van een andere wijk", ct, allowed: false);
            throw new NotYoursException();
        }
    }

    public async Task<bool> CoordinatesAsync(Guid neighbourhoodId, CancellationToken ct)
    {
        var staffId = asking.StaffId;
        return asking.IsInRole(Roles.Coordinator) && await db.Neighbourhoods.AnyAsync(n => n.Id == neighbourhoodId && n.CoordinatorId == staffId, ct);
    }
}
