using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Budget;

/// <summary>A contribution as the budget's page and API show it.</summary>
public sealed record ContributionView(Guid Id, string Contributor, Guid? OrganisationId, decimal Amount, DateOnly Date, LawDomain LawDomain, string RecordedBy,
    DateTime RecordedAtUtc);

/// <summary>An organisation's room in one year of a budget.</summary>
public sealed record RoomView(Guid OrganisationId, string Organisation, int Year, decimal Room, decimal Used);

/// <summary>A budget with its contributions and every participating organisation's room per year.</summary>
public sealed record BudgetDetail(Guid Id, Guid NeighbourhoodId, string Neighbourhood, string Name, int FirstYear, int LastYear, decimal Total,
    IReadOnlyList<ContributionView> Contributions, IReadOnlyList<RoomView> Rooms, IReadOnlyList<OrganisationChoice> Organisations);

/// <summary>An organisation that may get room in the budget.</summary>
public sealed record OrganisationChoice(Guid Id, string Name);

/// <summary>
/// The coordinator of a neighbourhood keeps its budget: starts one for a period, records the partners' contributions,
/// and sets each organisation's room per year (through the ledger, so the rooms never exceed the pot nor fall below
/// what is used). Only for the neighbourhoods he coordinates or works in; someone else is refused and logged.
/// </summary>
public sealed class BudgetAdministration(CurrentUser asking, KeukentafelDbContext db, Financing financing, CaseAccess access, TimeProvider time)
{
    /// <summary>The neighbourhoods the user works in, where he may keep a budget.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> NeighbourhoodsAsync(Guid? staffId, CancellationToken ct) =>
        [.. (await db.StaffNeighbourhoods.AsNoTracking().Where(w => w.StaffMemberId == staffId)
                .Join(db.Neighbourhoods, w => w.NeighbourhoodId, n => n.Id, (w, n) => new { n.Id, n.Name }).OrderBy(n => n.Name).ToListAsync(ct))
            .Select(n => (n.Id, n.Name))];

    public async Task<NeighbourhoodBudget> CreateAsync(Guid neighbourhoodId, string? name, int firstYear, int lastYear, CancellationToken ct)
    {
        if (!(await NeighbourhoodsAsync(asking.StaffId, ct)).Any(n => n.Id == neighbourhoodId))
        {
            // A neighbourhood named in the form, not one the address points to: refused at its field.
            await LogRefusalAsync(ct);
            throw DomainException.About("NeighbourhoodId", "budget.not_yours", "U kunt alleen een budget starten voor een wijk waar u werkt.");
        }

        var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.Id == neighbourhoodId, ct);
        if (await db.Budgets.AnyAsync(b => b.NeighbourhoodId == neighbourhoodId && b.FirstYear <= lastYear && b.LastYear >= firstYear, ct))
        {
            throw DomainException.About("FirstYear", "budget.overlap", "Deze wijk heeft al een budget in (een deel van) deze jaren. Kies andere jaren.");
        }

        var budget = NeighbourhoodBudget.Create(neighbourhood, name ?? "", firstYear, lastYear, await access.ActorAsync(ct), time.GetUtcNow().UtcDateTime);
        db.Budgets.Add(budget);
        await db.SaveChangesAsync(ct);
        return budget;
    }

    public async Task<Contribution> ContributeAsync(Guid budgetId, string? contributor, Guid? organisationId, decimal amount, DateOnly date,
        LawDomain lawDomain, CancellationToken ct)
    {
        var budget = await MineAsync(budgetId, tracked: true, ct);
        if (organisationId is { } o
            && !await db.Organisations.AnyAsync(x => x.Id == o && x.Neighbourhoods.Any(n => n.NeighbourhoodId == budget.NeighbourhoodId), ct))
        {
            throw DomainException.About("OrganisationId", "budget.organisation_not_here", "Deze organisatie werkt niet in deze wijk.");
        }

        var contribution = budget.AddContribution(contributor ?? "", organisationId, amount, date, lawDomain, await access.ActorAsync(ct),
            time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return contribution;
    }

    public async Task<LedgerEntry> SetRoomAsync(Guid budgetId, Guid organisationId, int year, decimal amount, CancellationToken ct)
    {
        var budget = await MineAsync(budgetId, tracked: false, ct);
        if (!await db.Organisations.AnyAsync(x => x.Id == organisationId && x.Neighbourhoods.Any(n => n.NeighbourhoodId == budget.NeighbourhoodId), ct))
        {
            throw DomainException.About("OrganisationId", "budget.organisation_not_here", "Deze organisatie werkt niet in deze wijk.");
        }

        return (await financing.SetRoomAsync(budgetId, organisationId, year, amount, await access.ActorAsync(ct), ct)).Single();
    }

    public async Task<BudgetDetail> DetailAsync(Guid budgetId, CancellationToken ct)
    {
        var budget = await MineAsync(budgetId, tracked: false, ct);
        var neighbourhood = await db.Neighbourhoods.Where(n => n.Id == budget.NeighbourhoodId).Select(n => n.Name).SingleAsync(ct);
        var organisations = (await db.Organisations.AsNoTracking()
                .Where(o => o.Neighbourhoods.Any(n => n.NeighbourhoodId == budget.NeighbourhoodId) && o.Type != OrganisationType.HealthInsurer)
                .Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .OrderBy(o => o.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))
            .Select(o => new OrganisationChoice(o.Id, o.Name)).ToList();
        var book = await financing.BookAsync(budgetId, ct);
        var rooms = organisations.SelectMany(o => budget.Years.Select(y => (o, y, b: book.BalanceOf(o.Id, y))))
            .Select(x => new RoomView(x.o.Id, x.o.Name, x.y, x.b.Room, x.b.Used)).ToList();
        return new BudgetDetail(budget.Id, budget.NeighbourhoodId, neighbourhood, budget.Name, budget.FirstYear, budget.LastYear, budget.Total,
            [.. budget.Contributions.OrderBy(c => c.Date).ThenBy(c => c.RecordedAtUtc)
                .Select(c => new ContributionView(c.Id, c.Contributor, c.OrganisationId, c.Amount, c.Date, c.LawDomain, c.RecordedByName, c.RecordedAtUtc))],
            rooms, organisations);
    }

    private async Task<NeighbourhoodBudget> MineAsync(Guid budgetId, bool tracked, CancellationToken ct)
    {
        var query = db.Budgets.Include(b => b.Contributions).Where(b => b.Id == budgetId);
        var budget = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
        if (budget is null || !(await NeighbourhoodsAsync(asking.StaffId, ct)).Any(n => n.Id == budget.NeighbourhoodId))
        {
            await LogRefusalAsync(ct);
            throw new NotYoursException("budget.not_yours", "Dit budget hoort bij een wijk waar u niet werkt.");
        }

        return budget!;
    }

    private Task LogRefusalAsync(CancellationToken ct) =>
        access.LogAsync(null, null, AuditAction.Change, "budget van een andere wijk", ct, allowed: false);
}
