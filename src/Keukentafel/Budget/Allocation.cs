using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Effects;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Budget;

/// <summary>An organisation that can deliver an action, with the room it has left in the year.</summary>
public sealed record Candidate(Guid OrganisationId, string Name, decimal Remaining, bool Fits);

/// <summary>A request to the managers as the case shows it.</summary>
public sealed record RequestView(Guid Id, RequestStatus Status, Guid OrganisationId, string Organisation, decimal Amount, decimal RoomLeft,
    string RequestedBy, DateTime RequestedAtUtc, string? DecidedBy, DateTime? DecidedAtUtc, string? Reason)
{
    /// <summary>Still waiting: for its own managers, or for the organisation they asked for room.</summary>
    public bool IsWaiting => Status is RequestStatus.Open or RequestStatus.AwaitingRoom;
}

/// <summary>
/// White-label allocation of one plan action: the organisations in the neighbourhood that offer its kind of help (or the
/// one named for it), their room left in the year, the one proposed (the most room), and any request to the managers.
/// </summary>
public sealed record AllocationView(Guid ActionId, string What, Services Service, decimal Amount, int Year, Guid BudgetId, string Budget,
    IReadOnlyList<Candidate> Candidates, Guid? Proposed, RequestView? Request)
{
    /// <summary>Only one organisation can deliver it: when its room is too small, its managers decide.</summary>
    public bool SingleSupplier => Candidates.Count == 1;
}

/// <summary>What financing an action came to: financed from an organisation's room, or put to its managers.</summary>
public sealed record AllocationOutcome(LedgerEntry? Commitment, Guid? OrganisationId, string Organisation, FinancingRequest? Request, int? CaseVersion = null);

/// <summary>
/// White-label allocation (seeds: "it does not matter which organisation delivers"): finance a plan action from the room
/// of an organisation that can deliver it, proposing the one with the most room; when only one can and its room is too
/// small, the request goes to that organisation's managers. The commitment, the case's record of who delivers, and a
/// pre-financing are saved in one transaction.
/// </summary>
public sealed class Allocation(KeukentafelDbContext db, Financing financing, CaseWork work, TimeProvider time)
{
    /// <summary>
    /// For the plan page: the allocation of each of the case's actions the budget can pay; where the neighbourhood has no
    /// budget for an action's year, that is said instead.
    /// </summary>
    public async Task<(IReadOnlyDictionary<Guid, AllocationView> Views, string? NoBudget)> ForPlanAsync(Guid caseId, IEnumerable<Guid> actionIds,
        CancellationToken ct)
    {
        var ids = actionIds.ToList();
        var neighbourhoodId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.NeighbourhoodId).SingleAsync(ct);
        var planned = await db.PlanActions.AsNoTracking().Where(a => a.CaseId == caseId && ids.Contains(a.Id))
            .Select(a => new { a.Id, a.CreatedAtUtc }).ToListAsync(ct);
        var views = new Dictionary<Guid, AllocationView>();
        var books = new Dictionary<int, LedgerBook?>(); // one book per budget year, for every action of the page
        string? noBudget = null;
        foreach (var action in planned.OrderBy(a => ids.IndexOf(a.Id)))
        {
            var year = DutchTime.Date(action.CreatedAtUtc).Year;
            if (!books.TryGetValue(year, out var book))
            {
                book = await financing.BudgetOfYearAsync(neighbourhoodId, year, ct) is { } budgetId ? await financing.BookAsync(budgetId, ct, year) : null;
                books[year] = book;
            }

            if (book is null)
            {
                noBudget = NoBudget(year).Message;
                continue;
            }

            views[action.Id] = await ViewAsync(caseId, action.Id, ct, book);
        }

        return (views, noBudget);
    }

    /// <param name="yearBook">The book of the action's budget year, when the caller read it already for other actions.</param>
    public async Task<AllocationView> ViewAsync(Guid caseId, Guid actionId, CancellationToken ct, LedgerBook? yearBook = null)
    {
        var (action, budget, book) = await LoadAsync(caseId, actionId, ct, yearBook);
        var year = YearOf(action);
        var offering = await db.Organisations.AsNoTracking()
            .Where(o => o.Neighbourhoods.Any(n => n.NeighbourhoodId == budget.NeighbourhoodId))
            .Where(o => action.Service == Services.None ? o.Id == action.CarrierOrganisationId : (o.Offers & action.Service) == action.Service)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var amount = action.ExpectedCost!.Value;
        var candidates = offering
            .Select(o => new Candidate(o.Id, o.Name, book.BalanceOf(o.Id, year).Remaining, book.BalanceOf(o.Id, year).Remaining >= amount))
            .OrderByDescending(c => c.Remaining).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var request = await db.FinancingRequests.AsNoTracking().Where(r => r.PlanActionId == actionId).OrderByDescending(r => r.RequestedAtUtc)
            .Join(db.Organisations, r => r.OrganisationId, o => o.Id, (r, o) => new RequestView(r.Id, r.Status, r.OrganisationId, o.Name, r.Amount, r.RoomLeft,
                r.RequestedByName, r.RequestedAtUtc, r.DecidedByName, r.DecidedAtUtc, r.DecisionReason))
            .FirstOrDefaultAsync(ct);
        // The organisation the professional named, if it can deliver and has the room; otherwise the one with the most room.
        var proposed = candidates.FirstOrDefault(c => c.Fits && c.OrganisationId == action.CarrierOrganisationId) ?? candidates.FirstOrDefault(c => c.Fits);
        return new AllocationView(actionId, action.What, action.Service, amount, year, budget.Id, budget.Name, candidates, proposed?.OrganisationId, request);
    }

    /// <summary>
    /// Finances the action from the chosen organisation's room (none chosen: the one proposed). Refused with the reason when
    /// it does not fit, except for a single supplier: then the managers of that organisation are asked.
    /// </summary>
    public async Task<AllocationOutcome> AllocateAsync(Guid caseId, Guid actionId, Guid? organisationId, Payer? preFinancedFor, Actor by, CancellationToken ct)
    {
        if (await db.LedgerEntries.AnyAsync(l => l.PlanActionId == actionId && l.Kind == EntryKind.Commitment, ct))
        {
            // Once per action (a dropped action, whose reservation came back, is not financed again either).
            throw DomainException.Conflict("budget.already_committed", "Voor deze actie is al geld vastgelegd.");
        }

        var view = await ViewAsync(caseId, actionId, ct);
        if (view.Request is { IsWaiting: true } open)
        {
            throw DomainException.Conflict("budget.request_open", $"De vraag ligt al bij de managers van {open.Organisation}.");
        }

        if (view.Candidates.Count == 0)
        {
            throw DomainException.Conflict("budget.no_supplier",
                "Geen organisatie in deze wijk levert deze hulp. Vraag de beheerder welke organisaties dit aanbieden.");
        }

        var chosen = organisationId is { } id
            ? view.Candidates.SingleOrDefault(c => c.OrganisationId == id)
                ?? throw DomainException.About("OrganisationId", "budget.not_a_candidate", "Deze organisatie levert deze hulp niet in deze wijk.")
            : view.Candidates.FirstOrDefault(c => c.OrganisationId == view.Proposed);
        if (chosen is null or { Fits: false })
        {
            if (view.SingleSupplier)
            {
                return await RequestAsync(caseId, view, view.Candidates[0], preFinancedFor, by, ct);
            }

            throw DomainException.Conflict("budget.room_exceeded", chosen is null
                ? $"Geen van de organisaties die dit leveren heeft nog {DutchNumber.Euro(view.Amount)} ruimte in {view.Year}. "
                    + $"De meeste ruimte heeft {view.Candidates[0].Name}: {DutchNumber.Euro(view.Candidates[0].Remaining)}."
                : $"{chosen.Name} heeft nog {DutchNumber.Euro(chosen.Remaining)} ruimte in {view.Year}; deze actie kost {DutchNumber.Euro(view.Amount)}. "
                    + "Kies een organisatie met meer ruimte.");
        }

        var entries = await financing.ChangeAsync(view.BudgetId, [(chosen.OrganisationId, view.Year)], async (book, now) =>
        {
            var entry = book.Commit(chosen.OrganisationId, view.Year, caseId, actionId, view.Amount, await LawDomainAsync(actionId, ct), by, now);
            await AssignAsync(caseId, actionId, chosen.OrganisationId, preFinancedFor, view.BudgetId, by, now, ct);
            return [entry];
        }, ct);
        // The case has a new version (the allocation is in its history): an API client goes on from there.
        var version = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync(ct);
        return new AllocationOutcome(entries[0], chosen.OrganisationId, chosen.Name, null, version);
    }

    /// <summary>
    /// Drops a plan action, and in the same transaction gives back what the budget reserved for it (if anything was) and
    /// withdraws a request still waiting for the managers: the money is never left reserved for an action that is gone.
    /// </summary>
    public async Task<Case> DropAsync(CaseAccessDecision decision, int expectedVersion, Guid planActionId, string? reason,
        CancellationToken ct)
    {
        var committed = await db.LedgerEntries.AsNoTracking()
            .Where(l => l.PlanActionId == planActionId && l.CaseId == decision.CaseId && l.Kind == EntryKind.Commitment)
            .OrderByDescending(l => l.AtUtc).Select(l => new { l.BudgetId, l.OrganisationId, l.Year }).FirstOrDefaultAsync(ct);
        if (committed is null)
        {
            return await work.ChangeAsync(decision, expectedVersion, async (c, by, now) =>
            {
                c.ChangeActionStatus(planActionId, ActionStatus.Dropped, reason, by, now);
                await WithdrawWaitingAsync(planActionId, now, ct);
            }, ct);
        }

        Case dropped = null!;
        await financing.ChangeAsync(committed.BudgetId, [(committed.OrganisationId, committed.Year)], async (book, now) =>
        {
            dropped = await work.TrackedAsync(decision.CaseId, ct);
            dropped.CheckVersion(expectedVersion);
            dropped.ChangeActionStatus(planActionId, ActionStatus.Dropped, reason, decision.Actor, now);
            await WithdrawWaitingAsync(planActionId, now, ct);
            // Not the drop reason itself: it may say something about the resident, and the ledger is kept for ever.
            return book.Open(planActionId) > 0 ? [book.Release(planActionId, "Actie vervallen", decision.Actor, now)] : [];
        }, ct);
        return dropped;
    }

    private async Task WithdrawWaitingAsync(Guid planActionId, DateTime now, CancellationToken ct)
    {
        foreach (var waiting in await db.FinancingRequests
                     .Where(r => r.PlanActionId == planActionId && (r.Status == RequestStatus.Open || r.Status == RequestStatus.AwaitingRoom)).ToListAsync(ct))
        {
            waiting.Withdraw(now);
        }

        // An organisation asked for room for it need not answer any more.
        var asks = db.RoomShiftAsks.Where(a => a.Agreed == null && db.FinancingRequests.Any(r => r.Id == a.RequestId && r.PlanActionId == planActionId));
        foreach (var ask in await asks.ToListAsync(ct))
        {
            ask.Answer(false, "De actie is vervallen.", new Actor(Guid.Empty, null, "Keukentafel", null), now);
        }
    }

    /// <summary>
    /// The managers' decision on a request, saved with what it does to the ledger: beyond the room (a commitment the
    /// decision allows) or refused. Room from another organisation is asked of that organisation's managers
    /// (<see cref="AnswerRoomAsync"/>): nothing moves before one of them agrees.
    /// </summary>
    public async Task<FinancingRequest> DecideAsync(Guid requestId, RequestStatus decision, Guid? shiftFrom, string? reason, Actor by, CancellationToken ct)
    {
        var request = await db.FinancingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new DomainException("budget.request_unknown", "Deze aanvraag bestaat niet.");
        if (!await IsManagerOfAsync(by.StaffMemberId, request.OrganisationId, ct))
        {
            throw NotTheirs();
        }

        List<(Guid, int)> locks = [(request.OrganisationId, request.Year)];
        if (decision == RequestStatus.RoomShifted)
        {
            var from = shiftFrom ?? throw DomainException.About("FromOrganisationId", "budget.shift_from_required",
                "Kies de organisatie waarvan ruimte naar deze organisatie gaat.");
            if (from == request.OrganisationId)
            {
                throw DomainException.About("FromOrganisationId", "budget.shift_same", "Kies een andere organisatie om ruimte van te nemen.");
            }

            locks.Add((from, request.Year));
        }

        FinancingRequest tracked = null!;
        await financing.ChangeAsync(request.BudgetId, locks, async (book, now) =>
        {
            tracked = await db.FinancingRequests.SingleAsync(r => r.Id == requestId, ct);
            // Enough room for this action to fit, also when the organisation is already beyond its room by an earlier decision.
            var shortfall = tracked.Amount - book.BalanceOf(tracked.OrganisationId, tracked.Year).Remaining;
            tracked.Decide(decision, shortfall > 0 ? shiftFrom : null, reason, by, now);
            if (decision == RequestStatus.Refused)
            {
                return [];
            }

            if (tracked.Status == RequestStatus.AwaitingRoom)
            {
                db.RoomShiftAsks.Add(new RoomShiftAsk(tracked, shiftFrom!.Value, shortfall, tracked.DecisionReason!, by, now));
                return [];
            }

            return await FinanceAsync(book, tracked, null, by, now, ct);
        }, ct);
        return tracked;
    }

    /// <summary>
    /// A manager of the organisation asked for room answers: agreed, the room moves (two room entries) and the action is
    /// financed (the commitment), in one transaction; refused, with a reason, the request is open again for its own managers.
    /// </summary>
    public async Task<RoomShiftAsk> AnswerRoomAsync(Guid requestId, bool agree, string? reason, Actor by, CancellationToken ct)
    {
        var ask = await db.RoomShiftAsks.AsNoTracking().Where(a => a.RequestId == requestId && a.Agreed == null).SingleOrDefaultAsync(ct)
            ?? throw DomainException.Conflict("budget.room_not_asked", "Er wordt voor deze aanvraag geen ruimte (meer) gevraagd.");
        if (!await IsManagerOfAsync(by.StaffMemberId, ask.FromOrganisationId, ct))
        {
            throw NotTheirs();
        }

        RoomShiftAsk answered = null!;
        await financing.ChangeAsync(ask.BudgetId, [(ask.ToOrganisationId, ask.Year), (ask.FromOrganisationId, ask.Year)], async (book, now) =>
        {
            answered = await db.RoomShiftAsks.SingleAsync(a => a.Id == ask.Id, ct);
            answered.Answer(agree, reason, by, now);
            var request = await db.FinancingRequests.SingleAsync(r => r.Id == requestId, ct);
            if (!agree)
            {
                request.RoomRefused();
                return [];
            }

            request.RoomGiven();
            return await FinanceAsync(book, request, answered, by, now, ct);
        }, ct);
        return answered;
    }

    /// <summary>The commitment a decision allows, after the room it takes from another organisation (when it was given).</summary>
    private async Task<IReadOnlyList<LedgerEntry>> FinanceAsync(LedgerBook book, FinancingRequest request, RoomShiftAsk? given, Actor by, DateTime now,
        CancellationToken ct)
    {
        var action = await db.PlanActions.AsNoTracking().SingleAsync(a => a.Id == request.PlanActionId, ct);
        if (action.IsSettled || action.ExpectedCost != request.Amount)
        {
            throw DomainException.Conflict("budget.request_outdated",
                "De actie is intussen veranderd, vervallen of gedaan. Kies: niet betalen, en laat de professional opnieuw vragen.");
        }

        var added = new List<LedgerEntry>();
        var shortfall = request.Amount - book.BalanceOf(request.OrganisationId, request.Year).Remaining;
        if (given is not null && shortfall > 0)
        {
            added.AddRange(book.ShiftRoom(given.FromOrganisationId, request.OrganisationId, request.Year, shortfall, request.Id,
                $"Besluit managers: ruimte verschoven. {request.DecisionReason} Akkoord van {given.AnsweredByName}.", by, now));
        }

        added.Add(book.Commit(request.OrganisationId, request.Year, request.CaseId, request.PlanActionId, request.Amount, action.LawDomain, by, now,
            request));
        await AssignAsync(request.CaseId, request.PlanActionId, request.OrganisationId, request.PreFinancedFor, request.BudgetId, by, now, ct);
        return added;
    }

    /// <summary>Only the managers of the organisation the request is for decide on it.</summary>
    public Task<bool> IsManagerOfAsync(Guid? staffId, Guid organisationId, CancellationToken ct) =>
        db.StaffMembers.AnyAsync(s => s.Id == staffId && s.OrganisationId == organisationId && s.Function == StaffFunction.Manager, ct);

    private async Task<AllocationOutcome> RequestAsync(Guid caseId, AllocationView view, Candidate supplier, Payer? preFinancedFor, Actor by,
        CancellationToken ct)
    {
        var request = new FinancingRequest(view.BudgetId, caseId, view.ActionId, supplier.OrganisationId, view.Year, view.Amount, supplier.Remaining, by,
            time.GetUtcNow().UtcDateTime, preFinancedFor);
        db.ChangeTracker.Clear();
        db.FinancingRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // One open request per action (a unique index): a colleague asked at the same moment.
            throw DomainException.Conflict("budget.request_open", $"De vraag ligt al bij de managers van {supplier.Name}.");
        }

        return new AllocationOutcome(null, supplier.OrganisationId, supplier.Name, request);
    }

    private async Task AssignAsync(Guid caseId, Guid actionId, Guid organisationId, Payer? preFinancedFor, Guid budgetId, Actor by, DateTime now,
        CancellationToken ct)
    {
        var @case = await work.TrackedAsync(caseId, ct);
        var organisation = await db.Organisations.Include(o => o.Neighbourhoods).SingleAsync(o => o.Id == organisationId, ct);
        @case.AllocateAction(actionId, organisation, by, now);
        if (preFinancedFor is { } payer)
        {
            db.PreFinancings.Add(new PreFinancing(budgetId, caseId, actionId, organisationId, payer, by, now));
        }
    }

    private Task<LawDomain> LawDomainAsync(Guid actionId, CancellationToken ct) =>
        db.PlanActions.AsNoTracking().Where(a => a.Id == actionId).Select(a => a.LawDomain).SingleAsync(ct);

    private async Task<(PlanAction Action, NeighbourhoodBudget Budget, LedgerBook Book)> LoadAsync(Guid caseId, Guid actionId, CancellationToken ct,
        LedgerBook? yearBook = null)
    {
        var action = await db.PlanActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == actionId && a.CaseId == caseId, ct)
            ?? throw new DomainException("action.unknown", "Deze actie hoort niet bij deze casus.");
        if (action.Carrier != Carrier.Organisation || action.ExpectedCost is not > 0 || action.IsSettled || action.IsContribution)
        {
            throw DomainException.Conflict("budget.not_financeable",
                "Alleen een open actie die een organisatie uitvoert, met verwachte kosten, wordt uit het wijkbudget betaald.");
        }

        if (yearBook is { } read)
        {
            return (action, read.Budget, read);
        }

        var neighbourhoodId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.NeighbourhoodId).SingleAsync(ct);
        var year = YearOf(action);
        var budgetId = await financing.BudgetOfYearAsync(neighbourhoodId, year, ct) ?? throw NoBudget(year);
        var book = await financing.BookAsync(budgetId, ct, year);
        return (action, book.Budget, book);
    }

    private static DomainException NoBudget(int year) => DomainException.Conflict("budget.none", $"Deze wijk heeft geen wijkbudget voor {year}.");

    /// <summary>An action is paid from the budget year in which it was planned.</summary>
    private static int YearOf(PlanAction action) => DutchTime.Date(action.CreatedAtUtc).Year;

    /// <summary>A decision asked of someone who is not a manager of the organisation concerned: he knows the request, it is not his.</summary>
    public static DomainException NotTheirs() =>
        DomainException.Forbidden("budget.request_not_yours", "Over deze aanvraag besluiten de managers van de organisatie zelf.");
}
