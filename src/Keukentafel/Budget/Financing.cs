using Keukentafel.Cases;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Budget;

/// <summary>
/// The unit of work around the ledger: reads the budget's entries, lets <see cref="LedgerBook"/> decide, and saves the
/// new entries together with a bumped <see cref="RoomLock"/>. Of two changes to the same room at the same moment, the
/// second finds the lock moved, reads again and is decided on the new balance (so it may be refused).
/// </summary>
public sealed class Financing(KeukentafelDbContext db, TimeProvider time)
{
    private const int Attempts = 5;

    public Task<IReadOnlyList<LedgerEntry>> SetRoomAsync(Guid budgetId, Guid organisationId, int year, decimal amount, Actor by, CancellationToken ct) =>
        ChangeAsync(budgetId, [(Guid.Empty, 0), (organisationId, year)], (book, now) => [book.SetRoom(organisationId, year, amount, by, now)], ct);

    public Task<IReadOnlyList<LedgerEntry>> CommitAsync(Guid budgetId, Guid organisationId, int year, Guid caseId, Guid planActionId, decimal amount, Actor by,
        CancellationToken ct) =>
        ChangeAsync(budgetId, [(organisationId, year)], (book, now) => [book.Commit(organisationId, year, caseId, planActionId, amount, null, by, now)], ct);

    public async Task<IReadOnlyList<LedgerEntry>> ReleaseAsync(Guid budgetId, Guid planActionId, string? reason, Actor by, CancellationToken ct) =>
        await ChangeAsync(budgetId, [await KeyOfAsync(planActionId, ct)], (book, now) => [book.Release(planActionId, reason, by, now)], ct);

    public async Task<IReadOnlyList<LedgerEntry>> RealiseAsync(Guid budgetId, Guid planActionId, decimal actualCost, Actor by, CancellationToken ct) =>
        await ChangeAsync(budgetId, [await KeyOfAsync(planActionId, ct)], (book, now) => book.Realise(planActionId, actualCost, by, now), ct);

    public Task<IReadOnlyList<LedgerEntry>> CorrectAsync(Guid budgetId, Guid organisationId, int year, decimal amount, string? reason, Actor by,
        CancellationToken ct) =>
        ChangeAsync(budgetId, [(organisationId, year)], (book, now) => [book.Correct(organisationId, year, amount, null, null, reason, by, now)], ct);

    /// <summary>Corrects what was spent on a delivered action (an invoice credited or added to), with the reason.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> CorrectActionAsync(Guid planActionId, decimal amount, string? reason, Actor by, CancellationToken ct)
    {
        var budgetId = await BudgetOfAsync(planActionId, ct);
        var (organisation, year) = await KeyOfAsync(planActionId, ct);
        var caseId = await CaseOfActionAsync(planActionId, ct);
        return await ChangeAsync(budgetId, [(organisation, year)],
            (book, now) => [book.Correct(organisation, year, amount, caseId, planActionId, reason, by, now)], ct);
    }

    /// <summary>A pre-financed action's regular payer paid back, or what is left of it is written off.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> SettleAsync(Guid budgetId, Guid planActionId, EntryKind kind, decimal amount, string? reason, Actor by,
        CancellationToken ct)
    {
        if (!await db.PreFinancings.AnyAsync(p => p.PlanActionId == planActionId && p.BudgetId == budgetId, ct))
        {
            throw DomainException.Conflict("budget.not_pre_financed", "Deze actie is niet voorgefinancierd.");
        }

        return await ChangeAsync(budgetId, [await KeyOfAsync(planActionId, ct)], (book, now) => [book.Settle(planActionId, kind, amount, reason, by, now)], ct);
    }

    /// <summary>The budget a plan action was financed from.</summary>
    public async Task<Guid> BudgetOfAsync(Guid planActionId, CancellationToken ct) =>
        await db.LedgerEntries.AsNoTracking().Where(l => l.PlanActionId == planActionId && l.Kind == EntryKind.Commitment)
            .Select(l => (Guid?)l.BudgetId).FirstOrDefaultAsync(ct)
        ?? throw DomainException.Conflict("budget.not_committed", "Voor deze actie is geen geld vastgelegd.");

    /// <summary>Refuses an action that is not of this case (an id from another case, or none).</summary>
    public async Task RequireOfCaseAsync(Guid caseId, Guid planActionId, CancellationToken ct)
    {
        if (await CaseOfActionAsync(planActionId, ct) != caseId)
        {
            throw new DomainException("action.unknown", "Deze actie hoort niet bij deze casus.");
        }
    }

    /// <summary>The case a plan action belongs to, if it exists: a page checks it against the case it was opened for.</summary>
    public async Task<Guid?> CaseOfActionAsync(Guid planActionId, CancellationToken ct) =>
        await db.PlanActions.AsNoTracking().Where(a => a.Id == planActionId).Select(a => (Guid?)a.CaseId).SingleOrDefaultAsync(ct);

    /// <summary>Per plan action of a case: reserved and not yet delivered, and spent.</summary>
    public async Task<IReadOnlyDictionary<Guid, Balance>> ForCaseAsync(Guid caseId, CancellationToken ct) =>
        (await db.LedgerEntries.AsNoTracking().Where(l => l.CaseId == caseId && l.PlanActionId != null).ToListAsync(ct))
            .GroupBy(l => l.PlanActionId!.Value)
            .ToDictionary(g => g.Key, Balance.Of);

    /// <summary>Every budget's ledger checked against its rules: the problems found, none when all add up.</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        foreach (var budget in await db.Budgets.AsNoTracking().Include(b => b.Contributions).ToListAsync(ct))
        {
            problems.AddRange(LedgerBook.Violations(budget, await db.LedgerEntries.AsNoTracking().Where(l => l.BudgetId == budget.Id).ToListAsync(ct)));
        }

        return problems;
    }

    /// <summary>The neighbourhood's budget that covers the year (the first made, if periods overlap), or none.</summary>
    public Task<Guid?> BudgetOfYearAsync(Guid neighbourhoodId, int year, CancellationToken ct) =>
        db.Budgets.Where(b => b.NeighbourhoodId == neighbourhoodId && b.FirstYear <= year && b.LastYear >= year)
            .OrderBy(b => b.CreatedAtUtc).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Books a collective initiative's budget line of <paramref name="year"/> in the neighbourhood's budget, in the same
    /// transaction as <paramref name="save"/> (which tracks the initiative itself): the neighbourhood budget then shows the
    /// collective work beside the cases.
    /// </summary>
    public async Task<LedgerEntry> BookInitiativeAsync(Guid neighbourhoodId, Guid initiativeId, string name, Guid organisationId, int year, decimal amount,
        Actor by, Action save, CancellationToken ct)
    {
        var budgetId = await BudgetOfYearAsync(neighbourhoodId, year, ct)
            ?? throw DomainException.About("FromNeighbourhoodBudget", "budget.none", $"Deze wijk heeft geen wijkbudget voor {year}.");
        var added = await ChangeAsync(budgetId, [(organisationId, year)], (book, now) =>
        {
            save();
            return [book.CommitInitiative(organisationId, year, initiativeId, amount, name, by, now)];
        }, ct);
        return added[0];
    }

    /// <summary>
    /// The budget's book. With a <paramref name="year"/>, that year's entries only: enough for every balance of that year (a
    /// balance is an organisation's year) and far less to read, for showing what fits; a change is decided on the whole book.
    /// </summary>
    public async Task<LedgerBook> BookAsync(Guid budgetId, CancellationToken ct, int? year = null)
    {
        var budget = await db.Budgets.AsNoTracking().Include(b => b.Contributions).SingleOrDefaultAsync(b => b.Id == budgetId, ct)
            ?? throw DomainException.About("BudgetId", "budget.unknown", "Dit budget bestaat niet.");
        return new LedgerBook(budget, await db.LedgerEntries.AsNoTracking().Where(l => l.BudgetId == budgetId && (year == null || l.Year == year))
            .OrderBy(l => l.AtUtc).ThenBy(l => l.Id).ToListAsync(ct));
    }

    private async Task<(Guid, int)> KeyOfAsync(Guid planActionId, CancellationToken ct) =>
        await db.LedgerEntries.AsNoTracking().Where(l => l.PlanActionId == planActionId && l.Kind == EntryKind.Commitment)
            .OrderByDescending(l => l.AtUtc).Select(l => new ValueTuple<Guid, int>(l.OrganisationId, l.Year)).FirstOrDefaultAsync(ct);

    private Task<IReadOnlyList<LedgerEntry>> ChangeAsync(Guid budgetId, IReadOnlyList<(Guid Organisation, int Year)> locks,
        Func<LedgerBook, DateTime, IReadOnlyList<LedgerEntry>> change, CancellationToken ct) =>
        ChangeAsync(budgetId, locks, (book, now) => Task.FromResult(change(book, now)), ct);

    /// <summary>
    /// One change of the ledger, decided on what is there now, saved with the room locks bumped. The change may track
    /// other rows (the case, a request) that are saved in the same transaction; on a conflict all is read again.
    /// </summary>
    internal async Task<IReadOnlyList<LedgerEntry>> ChangeAsync(Guid budgetId, IReadOnlyList<(Guid Organisation, int Year)> locks,
        Func<LedgerBook, DateTime, Task<IReadOnlyList<LedgerEntry>>> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var rows = new List<RoomLock>();
            foreach (var (organisation, year) in locks)
            {
                var row = await db.RoomLocks.SingleOrDefaultAsync(l => l.BudgetId == budgetId && l.OrganisationId == organisation && l.Year == year, ct);
                if (row is null)
                {
                    row = new RoomLock(budgetId, organisation, year);
                    db.RoomLocks.Add(row);
                }

                rows.Add(row);
            }

            var book = await BookAsync(budgetId, ct);
            var added = await change(book, time.GetUtcNow().UtcDateTime);
            db.LedgerEntries.AddRange(added);
            rows.ForEach(r => r.Bump());
            try
            {
                await db.SaveChangesAsync(ct);
                return added;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Someone changed the same room in between (or made its lock first): decide again on what is there now.
            }
        }
    }
}
