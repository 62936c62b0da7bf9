using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Budget;

/// <summary>An organisation the managers may take room from, with what it has left.</summary>
public sealed record RoomSource(Guid OrganisationId, string Name, decimal Remaining);

/// <summary>
/// A request as the manager sees it: the action and its cost, the room that was left, who asked; the case number, not
/// the resident's file. <see cref="RoomAsk"/> is the open question for room of another organisation; when
/// <see cref="RoomAsk"/>.<see cref="RoomAskView.OfYou"/> is true, this manager's organisation is asked and answers.
/// </summary>
public sealed record RequestToDecide(
    Guid Id, Guid CaseId, string CaseNumber, string Neighbourhood, string Organisation, string What, Services Service, decimal Amount, decimal RoomLeft,
    int Year, string RequestedBy, DateTime RequestedAtUtc, RequestStatus Status, string? DecidedBy, DateTime? DecidedAtUtc, string? Reason,
    IReadOnlyList<RoomSource> RoomSources, RoomAskView? RoomAsk,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid ResidentId);

/// <summary>Room asked of another organisation for a request, waiting for its manager's answer.</summary>
public sealed record RoomAskView(string From, decimal Amount, string AskedBy, DateTime AskedAtUtc, string Reason, bool OfYou);

/// <summary>
/// The managers' side of allocation: the requests for their organisation (open ones first), and their decisions. Every
/// look and every decision is in the audit log of the resident concerned.
/// </summary>
public sealed class Decisions(CurrentUser asking, KeukentafelDbContext db, Allocation allocation, Financing financing, CaseAccess access)
{
    /// <summary>
    /// The requests that wait for this manager: open ones of his organisation (waiting since they were made), and room
    /// asked of it (waiting since it was asked). A count for his start page; it names no resident.
    /// </summary>
    public async Task<Plans.Waiting> WaitingAsync(CancellationToken ct)
    {
        var managed = Managed();
        var open = db.FinancingRequests.AsNoTracking().Where(r => r.Status == RequestStatus.Open && managed.Contains(r.OrganisationId));
        var asked = db.RoomShiftAsks.AsNoTracking().Where(a => a.Agreed == null && managed.Contains(a.FromOrganisationId)
            && db.FinancingRequests.Any(r => r.Id == a.RequestId && r.Status == RequestStatus.AwaitingRoom));
        var count = await open.CountAsync(ct) + await asked.Select(a => a.RequestId).Distinct().CountAsync(ct);
        DateTime?[] since = [await open.MinAsync(r => (DateTime?)r.RequestedAtUtc, ct), await asked.MinAsync(a => (DateTime?)a.AskedAtUtc, ct)];
        return new Plans.Waiting(count, since.Min());
    }

    public async Task<IReadOnlyList<RequestToDecide>> MineAsync(CancellationToken ct)
    {
        var managed = Managed();
        var rows = await db.FinancingRequests.AsNoTracking()
            .Where(r => managed.Contains(r.OrganisationId)
                || db.RoomShiftAsks.Any(a => a.RequestId == r.Id && a.Agreed == null && managed.Contains(a.FromOrganisationId)))
            .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { r, c.Number, c.ResidentId, c.NeighbourhoodId })
            .Join(db.PlanActions, x => x.r.PlanActionId, a => a.Id, (x, a) => new { x.r, x.Number, x.ResidentId, x.NeighbourhoodId, a.What, a.Service })
            .Join(db.Neighbourhoods, x => x.NeighbourhoodId, n => n.Id,
                (x, n) => new { x.r, x.Number, x.ResidentId, x.What, x.Service, Neighbourhood = n.Name })
            .Join(db.Organisations, x => x.r.OrganisationId, o => o.Id,
                (x, o) => new { x.r, x.Number, x.ResidentId, x.What, x.Service, x.Neighbourhood, Organisation = o.Name })
            .OrderBy(x => x.r.Status != RequestStatus.Open && x.r.Status != RequestStatus.AwaitingRoom).ThenByDescending(x => x.r.RequestedAtUtc)
            .Take(100)
            .ToListAsync(ct);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var mine = await managed.ToListAsync(ct);
        var awaiting = rows.Where(x => x.r.Status == RequestStatus.AwaitingRoom).Select(x => x.r.Id).ToList();
        var asks = await db.RoomShiftAsks.AsNoTracking().Where(a => awaiting.Contains(a.RequestId) && a.Agreed == null).ToDictionaryAsync(a => a.RequestId, ct);
        var books = new Dictionary<Guid, LedgerBook>();
        var result = new List<RequestToDecide>();
        foreach (var x in rows)
        {
            IReadOnlyList<RoomSource> sources = [];
            if (x.r.Status == RequestStatus.Open)
            {
                if (!books.TryGetValue(x.r.BudgetId, out var book))
                {
                    books[x.r.BudgetId] = book = await financing.BookAsync(x.r.BudgetId, ct);
                }

                var shortfall = x.r.Amount - book.BalanceOf(x.r.OrganisationId, x.r.Year).Remaining;
                sources = [.. book.Entries.Where(e => e.Year == x.r.Year && e.OrganisationId != x.r.OrganisationId).Select(e => e.OrganisationId).Distinct()
                    .Select(o => new RoomSource(o, names.GetValueOrDefault(o, "?"), book.BalanceOf(o, x.r.Year).Remaining))
                    .Where(s => s.Remaining >= shortfall)
                    .OrderByDescending(s => s.Remaining)];
            }

            var ask = asks.GetValueOrDefault(x.r.Id) is { } a
                ? new RoomAskView(names.GetValueOrDefault(a.FromOrganisationId, "?"), a.Amount, a.AskedByName, a.AskedAtUtc, a.AskedReason,
                    mine.Contains(a.FromOrganisationId))
                : null;
            result.Add(new RequestToDecide(x.r.Id, x.r.CaseId, x.Number, x.Neighbourhood, x.Organisation, x.What, x.Service, x.r.Amount, x.r.RoomLeft, x.r.Year,
                x.r.RequestedByName, x.r.RequestedAtUtc, x.r.Status, x.r.DecidedByName, x.r.DecidedAtUtc, x.r.DecisionReason, sources, ask, x.ResidentId));
        }

        await access.LogListAsync([.. result.Select(r => (r.CaseId, r.ResidentId)).Distinct()], "financiering", "aanvragen wijkbudget (0)", ct);
        return result;
    }

    /// <summary>A manager decides; someone else is refused (and that refusal is logged).</summary>
    /// <summary>The organisation the asking staff member manages (none when he is no manager), as a query to filter by.</summary>
    private IQueryable<Guid?> Managed()
    {
        var me = asking.StaffId;
        return db.StaffMembers.Where(s => s.Id == me && s.Function == StaffFunction.Manager).Select(s => s.OrganisationId);
    }

    public async Task<FinancingRequest> DecideAsync(Guid requestId, RequestStatus decision, Guid? shiftFrom, string? reason, CancellationToken ct)
    {
        var target = await db.FinancingRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { c.Id, c.ResidentId, r.OrganisationId }).SingleOrDefaultAsync(ct);
        var by = await access.ActorAsync(ct);
        if (target is not null && !await allocation.IsManagerOfAsync(by.StaffMemberId, target.OrganisationId, ct))
        {
            await access.LogAsync(target?.Id, target?.ResidentId, AuditAction.Change, "financiering", ct, allowed: false);
            throw Allocation.NotTheirs();
        }

        var decided = await allocation.DecideAsync(requestId, decision, shiftFrom, reason, by, ct);
        await access.LogAsync(target?.Id, target?.ResidentId, AuditAction.Change, "financiering", ct);
        return decided;
    }

    /// <summary>A manager of the organisation asked for room answers; someone else is refused (and that refusal is logged).</summary>
    public async Task<FinancingRequest> AnswerRoomAsync(Guid requestId, bool agree, string? reason, CancellationToken ct)
    {
        var target = await db.FinancingRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { c.Id, c.ResidentId }).SingleOrDefaultAsync(ct);
        var by = await access.ActorAsync(ct);
        var from = await db.RoomShiftAsks.AsNoTracking().Where(a => a.RequestId == requestId && a.Agreed == null).Select(a => (Guid?)a.FromOrganisationId)
            .SingleOrDefaultAsync(ct);
        if (target is not null && from is { } organisation && !await allocation.IsManagerOfAsync(by.StaffMemberId, organisation, ct))
        {
            await access.LogAsync(target.Id, target.ResidentId, AuditAction.Change, "financiering", ct, allowed: false);
            throw Allocation.NotTheirs();
        }

        await allocation.AnswerRoomAsync(requestId, agree, reason, by, ct);
        await access.LogAsync(target?.Id, target?.ResidentId, AuditAction.Change, "financiering", ct);
        return await db.FinancingRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, ct);
    }
}
