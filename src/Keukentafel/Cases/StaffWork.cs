using Keukentafel.Data;
using Keukentafel.Effects;
using Keukentafel.Meetings;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Cases;

/// <summary>A meeting at a kitchen table soon, on a case the professional works on.</summary>
public sealed record MeetingSoon(Guid CaseId, string Number, string Resident, Guid ResidentId, DateTime PlannedAtUtc, bool AtHome, string Place);

/// <summary>
/// What a professional's start page shows first: how many of her cases are late, the cases to do first, the meetings
/// of this week and the follow-up marks that are due.
/// </summary>
public sealed record WorkFirst(int Overdue, IReadOnlyList<CaseListItem> First, IReadOnlyList<MeetingSoon> Meetings, IReadOnlyList<FollowUpDue> FollowUps);

/// <summary>The late cases of the neighbourhoods a coordinator coordinates, for her start page: how many, and the first, without names.</summary>
public sealed record NeighbourhoodWork(int Overdue, IReadOnlyList<NeighbourhoodCaseItem> Late);

/// <summary>
/// The professional's work, for her start page (issue 23, point 6): the first cases of "Mijn casussen" (the work still
/// to do, late on top), her meetings of the coming seven days and the follow-up marks due. The cases shown are one
/// list look in the audit log, as on "Mijn casussen"; the late count names no one.
/// </summary>
public sealed class StaffWork(KeukentafelDbContext db, CaseLists lists, Wellbeing wellbeing, CaseAccess access, TimeProvider time)
{
    /// <summary>How many cases the start page shows before "Alle casussen".</summary>
    public const int FirstCases = 5;

    public async Task<WorkFirst> ForAsync(Guid staffMemberId, CancellationToken ct)
    {
        var today = DutchTime.Today(time);
        var mine = await lists.MembershipsAsync(staffMemberId, open: true, today, ct);
        var overdue = await mine.CountAsync(m => !m.CarriedOut && m.Deadline < today, ct);
        var first = (await lists.MineAsync(staffMemberId, new CaseFilter(), null, FirstCases, ct)).Items;

        var from = DutchTime.ToUtc(today.ToDateTime(TimeOnly.MinValue));
        var until = DutchTime.ToUtc(today.AddDays(7).ToDateTime(TimeOnly.MinValue));
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Planned && m.PlannedAtUtc >= from && m.PlannedAtUtc < until && mine.Any(cm => cm.CaseId == m.CaseId))
            .Join(db.Cases, m => m.CaseId, c => c.Id, (m, c) => new { m, c })
            .Join(db.Residents, x => x.c.ResidentId, r => r.Id, (x, r) => new { x.m, x.c, r })
            .OrderBy(x => x.m.PlannedAtUtc).Take(10)
            .Select(x => new { x.c.Id, x.c.Number, x.r.Name, x.c.ResidentId, x.m.PlannedAtUtc, x.m.AtHome, x.m.Place })
            .ToListAsync(ct);
        var soon = meetings.Select(m => new MeetingSoon(m.Id, m.Number, m.Name.Display, m.ResidentId, m.PlannedAtUtc, m.AtHome, m.Place)).ToList();
        var followUps = await wellbeing.DueForAsync(staffMemberId, ct);

        await access.LogListAsync(
            [.. first.Select(c => (c.Id, c.ResidentId)), .. soon.Select(m => (m.CaseId, m.ResidentId)), .. followUps.Select(f => (f.CaseId, f.ResidentId))],
            "casuslijst", "startpagina (0)", ct);
        return new WorkFirst(overdue, first, soon, followUps);
    }

    /// <summary>
    /// The coordinator's neighbourhoods: how many open cases are late there, and the first of them as her overview of
    /// the neighbourhood's cases shows them (no names, one list look in the audit log as on that page).
    /// </summary>
    public async Task<NeighbourhoodWork> CoordinationAsync(Guid coordinatorId, CancellationToken ct)
    {
        var today = DutchTime.Today(time);
        var (_, open) = await lists.CoordinatedAsync(coordinatorId, ct);
        var overdue = await open.CountAsync(c => c.SolutionCarriedOutAtUtc == null && c.Deadline < today, ct);
        if (overdue == 0)
        {
            return new NeighbourhoodWork(0, []);
        }

        var late = (await lists.InMyNeighbourhoodsAsync(coordinatorId, null, FirstCases, ct)).Items.Where(c => c.Overdue).ToList();
        await access.LogAsync(null, null, AuditAction.List, $"casussen in de wijk, startpagina ({late.Count})", ct);
        return new NeighbourhoodWork(overdue, late);
    }
}
