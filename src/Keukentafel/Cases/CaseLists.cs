using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Cases;

/// <summary>What a professional narrows his list to.</summary>
public sealed record CaseFilter(bool Closed = false, CaseStatus? Status = null, LifeDomains? Domain = null, string? Search = null);

public sealed record CaseListItem(
    Guid Id, string Number, string Resident, CaseStatus Status, string StatusText, DateOnly Deadline, int? DaysLeft, bool Overdue,
    string SixWeeksText, LifeDomains LifeDomains, CaseRole Role,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid ResidentId);

/// <summary>A case as the coordinator's overview shows it: no resident's name, no file, only where it stands.</summary>
public sealed record NeighbourhoodCaseItem(
    Guid Id, string Number, string Neighbourhood, CaseStatus Status, string StatusText, DateOnly Deadline, bool Overdue, string SixWeeksText,
    LifeDomains LifeDomains, string CaseBringer);

/// <summary>
/// "My cases": the cases a professional brings or sits at the table of, the work still to do first, overdue on top (by
/// deadline), then those carried out, a page at a time. Keyset pagination on (carried out, deadline, case id) over the
/// member index, so page 1,000 costs what page 1 costs.
/// </summary>
public sealed class CaseLists(KeukentafelDbContext db, TimeProvider time)
{
    public const int PageSize = 25;

    /// <summary>The most cases a page holds: every case shown is a read of a resident's file in the audit log.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// The professional's places at tables of open (or closed) cases that she may open today: as in the access check, at
    /// the table only while the resident's consent for her organisation holds.
    /// </summary>
    public async Task<IQueryable<CaseMember>> MembershipsAsync(Guid staffMemberId, bool open, DateOnly today, CancellationToken ct)
    {
        var organisationId = await db.StaffMembers.Where(s => s.Id == staffMemberId).Select(s => s.OrganisationId).SingleOrDefaultAsync(ct);
        return MayOpen(db.CaseMembers.AsNoTracking().Where(m => m.StaffMemberId == staffMemberId && m.IsOpen == open), db, organisationId, today);
    }

    public async Task<Page<CaseListItem>> MineAsync(Guid staffMemberId, CaseFilter filter, string? cursor, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var today = DutchTime.Today(time);
        var query = await MembershipsAsync(staffMemberId, !filter.Closed, today, ct);
        if (Cursor.Read(cursor) is var (carriedOut, deadline, id))
        {
            query = query.Where(m => (m.CarriedOut && !carriedOut)
                || (m.CarriedOut == carriedOut && (m.Deadline > deadline || (m.Deadline == deadline && m.CaseId.CompareTo(id) > 0))));
        }

        var rows = query
            .Join(db.Cases, m => m.CaseId, c => c.Id, (m, c) => new { m, c })
            .Join(db.Residents, x => x.c.ResidentId, r => r.Id, (x, r) => new { x.m, x.c, r });
        if (filter.Status is { } status)
        {
            rows = rows.Where(x => x.c.Status == status);
        }

        if (filter.Domain is { } domain && domain != LifeDomains.None)
        {
            rows = rows.Where(x => (x.c.LifeDomains & domain) != 0);
        }

        if (Text.Optional(filter.Search) is { } search)
        {
            // Folded as the stored key is: "ozdemir" finds Özdemir on SQLite and PostgreSQL alike.
            var term = NameSearch.Fold(search);
            rows = rows.Where(x => x.c.Number == search || (term.Length > 0 && x.r.SearchKey.Contains(term)));
        }

        var found = await rows
            .OrderBy(x => x.m.CarriedOut).ThenBy(x => x.m.Deadline).ThenBy(x => x.m.CaseId)
            .Take(limit + 1)
            .Select(x => new
            {
                x.c.Id,
                x.c.Number,
                x.c.ResidentId,
                x.r.Name,
                x.c.Status,
                x.c.Deadline,
                x.c.SolutionCarriedOutAtUtc,
                x.c.ClosedAtUtc,
                x.c.LifeDomains,
                x.m.Role,
                x.m.CarriedOut,
            })
            .ToListAsync(ct);
        var items = found.Take(limit).Select(x =>
        {
            var daysLeft = x.SolutionCarriedOutAtUtc is null && x.Status != CaseStatus.Closed ? x.Deadline.DayNumber - today.DayNumber : (int?)null;
            return new CaseListItem(x.Id, x.Number, x.Name.Display, x.Status, x.Status.Dutch(), x.Deadline, daysLeft, daysLeft < 0,
                SixWeeks.Text(x.Deadline, x.SolutionCarriedOutAtUtc, x.Status != CaseStatus.Closed, today), x.LifeDomains, x.Role, x.ResidentId);
        }).ToList();
        var last = found.Count > limit ? found[limit - 1] : null;
        return new Page<CaseListItem>(items, last is null ? null : Cursor.Write(last.CarriedOut, last.Deadline, last.Id));
    }

    /// <summary>
    /// The coordinator's overview of the open cases in the neighbourhoods he coordinates: the work still to do first,
    /// late on top, then the cases whose solution is carried out. It shows no names: to open a file he is not on, he
    /// records a reason first.
    /// </summary>
    public async Task<Page<NeighbourhoodCaseItem>> InMyNeighbourhoodsAsync(Guid coordinatorId, string? cursor, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var (neighbourhoods, query) = await CoordinatedAsync(coordinatorId, ct);
        if (Cursor.Read(cursor) is var (carriedOut, deadline, id))
        {
            query = query.Where(c => (c.SolutionCarriedOutAtUtc != null && !carriedOut)
                || ((c.SolutionCarriedOutAtUtc != null) == carriedOut && (c.Deadline > deadline || (c.Deadline == deadline && c.Id.CompareTo(id) > 0))));
        }

        var found = await query.OrderBy(c => c.SolutionCarriedOutAtUtc != null).ThenBy(c => c.Deadline).ThenBy(c => c.Id).Take(limit + 1)
            .Join(db.StaffMembers, c => c.CaseBringerId, s => s.Id, (c, s) => new
            {
                c.Id,
                c.Number,
                c.NeighbourhoodId,
                c.Status,
                c.Deadline,
                c.SolutionCarriedOutAtUtc,
                c.LifeDomains,
                Bringer = s.Name,
                Organisation = s.Organisation == null ? null : s.Organisation.Name,
            })
            .ToListAsync(ct);
        var today = DutchTime.Today(time);
        var ordered = found.OrderBy(x => x.SolutionCarriedOutAtUtc != null).ThenBy(x => x.Deadline).ThenBy(x => x.Id).ToList();
        var items = ordered.Take(limit).Select(x => new NeighbourhoodCaseItem(
            x.Id, x.Number, neighbourhoods[x.NeighbourhoodId], x.Status, x.Status.Dutch(), x.Deadline,
            x.SolutionCarriedOutAtUtc is null && x.Deadline < today, SixWeeks.Text(x.Deadline, x.SolutionCarriedOutAtUtc, true, today), x.LifeDomains,
            x.Organisation is null ? x.Bringer.Display : $"{x.Bringer.Display} ({x.Organisation})")).ToList();
        var last = found.Count > limit ? ordered[limit - 1] : null;
        return new Page<NeighbourhoodCaseItem>(items, last is null ? null : Cursor.Write(last.SolutionCarriedOutAtUtc != null, last.Deadline, last.Id));
    }

    /// <summary>
    /// The neighbourhoods the coordinator coordinates (by id, with their names) and their open cases: the cases of his
    /// overview, and of the late count on his start page.
    /// </summary>
    public async Task<(IReadOnlyDictionary<Guid, string> Neighbourhoods, IQueryable<Case> Open)> CoordinatedAsync(Guid coordinatorId,
        CancellationToken ct)
    {
        var neighbourhoods = await db.Neighbourhoods.Where(n => n.CoordinatorId == coordinatorId).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        var ids = neighbourhoods.Keys.ToList();
        return (neighbourhoods, db.Cases.AsNoTracking().Where(c => ids.Contains(c.NeighbourhoodId) && c.Status != CaseStatus.Closed));
    }

    /// <summary>
    /// The memberships through which the staff member may open the file: he brought the case, or sits at the table while
    /// the resident's consent for his organisation (none: he needs none) holds. The case access rule, as a query.
    /// </summary>
    public static IQueryable<CaseMember> MayOpen(IQueryable<CaseMember> members, KeukentafelDbContext db, Guid? organisationId, DateOnly today)
    {
        var active = Consent.ActiveOn(today);
        return members.Where(m => m.Role == CaseRole.Bringer || organisationId == null
            || db.Consents.Where(active).Any(k => k.CaseId == m.CaseId && k.OrganisationId == organisationId));
    }

    /// <summary>
    /// An opaque position in the list: whether the last case shown was carried out, its deadline and its id. A cursor
    /// of the form before (deadline and id) reads as a case still to do.
    /// </summary>
    internal static class Cursor
    {
        public static string Write(bool carriedOut, DateOnly deadline, Guid id) =>
            Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{(carriedOut ? "1" : "0")}|{deadline:yyyy-MM-dd}|{id}"));

        public static (bool CarriedOut, DateOnly Deadline, Guid Id)? Read(string? cursor)
        {
            if (string.IsNullOrEmpty(cursor))
            {
                return null;
            }

            try
            {
                var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|');
                if (parts.Length == 2)
                {
                    parts = ["0", .. parts];
                }

                return parts.Length == 3 && parts[0] is "0" or "1"
                    && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline)
                    && Guid.TryParse(parts[2], out var id)
                        ? (parts[0] == "1", deadline, id)
                        : throw Pages.UnknownCursor();
            }
            catch (FormatException)
            {
                throw Pages.UnknownCursor();
            }
        }
    }
}
