using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Budget;

/// <summary>
/// The demo's shared budget (as Ruwaard from 2018: five years, Wmo and welfare in one pot): contributions of the
/// municipality, the welfare foundation and the housing corporation; a room per organisation per year; and the demo
/// cases' plan actions with a cost financed from it, through the same ledger rules as real work.
/// </summary>
internal sealed class DemoBudget(KeukentafelDbContext db)
{
    public async Task<int> AddAsync(Neighbourhood neighbourhood, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.Budgets.AnyAsync(b => b.NeighbourhoodId == neighbourhood.Id, ct))
        {
            return 0;
        }

        var year = DutchTime.Date(nowUtc).Year;
        var by = new Actor(Guid.Empty, null, "Demo", null);
        var budget = NeighbourhoodBudget.Create(neighbourhood, $"Wijkbudget {neighbourhood.Name} {year - 2}-{year + 2}", year - 2, year + 2, by, nowUtc);
        var organisations = await db.Organisations
            .Where(o => o.Neighbourhoods.Any(n => n.NeighbourhoodId == neighbourhood.Id) && o.Type != OrganisationType.HealthInsurer)
            .OrderBy(o => o.Name).ToListAsync(ct);
        // Fixed for the whole period, as in Ruwaard: the later years' contributions are promised and dated in their year.
        foreach (var y in budget.Years)
        {
            var start = new DateOnly(y, 1, 2);
            budget.AddContribution("Gemeente (Wmo)", organisations.FirstOrDefault(o => o.Type == OrganisationType.Municipality)?.Id, 380_000m, start,
                LawDomain.Wmo, by, nowUtc);
            budget.AddContribution("Welzijnsstichting", organisations.FirstOrDefault(o => o.Type == OrganisationType.Welfare)?.Id, 60_000m, start,
                LawDomain.Welzijn, by, nowUtc);
            budget.AddContribution("Woningcorporatie", organisations.FirstOrDefault(o => o.Type == OrganisationType.Housing)?.Id, 40_000m, start,
                LawDomain.Wonen, by, nowUtc);
        }

        db.Budgets.Add(budget);
        var book = new LedgerBook(budget, []);
        foreach (var y in budget.Years.Where(y => y <= year))
        {
            foreach (var organisation in organisations)
            {
                book.SetRoom(organisation.Id, y, decimal.Round(480_000m / organisations.Count, 0), by, DutchTime.ToUtc(new DateTime(y, 1, 3, 9, 0, 0)));
            }
        }

        var actions = await db.PlanActions.Where(a => a.CarrierOrganisationId != null && a.ExpectedCost > 0 && a.Status != ActionStatus.Dropped
                && db.Cases.Any(c => c.Id == a.CaseId && c.NeighbourhoodId == neighbourhood.Id))
            .OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id).ToListAsync(ct);
        var random = new Random(2018);
        foreach (var action in actions)
        {
            var at = DutchTime.Date(action.CreatedAtUtc).Year;
            if (!budget.Covers(at) || !organisations.Any(o => o.Id == action.CarrierOrganisationId))
            {
                continue;
            }

            book.Commit(action.CarrierOrganisationId!.Value, at, action.CaseId, action.Id, action.ExpectedCost!.Value, action.LawDomain, by,
                action.CreatedAtUtc);
            if (action.Status == ActionStatus.Done && action.DoneAtUtc is { } done)
            {
                // Delivered at about the expected cost: a little more or less, as it goes.
                book.Realise(action.Id, decimal.Round(action.ExpectedCost.Value * (0.9m + (0.02m * random.Next(11))), 2), by, done);
            }
        }

        var asked = await AskTheManagersAsync(neighbourhood, budget, book, organisations, nowUtc, ct);
        db.LedgerEntries.AddRange(book.Entries);
        return book.Entries.Count + budget.Contributions.Count + 1 + asked;
    }

    /// <summary>
    /// A request waiting for the welfare foundation's managers (the demo manager's organisation): late in the year its room
    /// is nearly used, and only it offers social work here, so a plan action needing social work goes to them.
    /// </summary>
    private async Task<int> AskTheManagersAsync(Neighbourhood neighbourhood, NeighbourhoodBudget budget, LedgerBook book, List<Organisation> organisations,
        DateTime nowUtc, CancellationToken ct)
    {
        var year = DutchTime.Date(nowUtc).Year;
        var welfare = organisations.FirstOrDefault(o => o.Type == OrganisationType.Welfare);
        // Not the demo resident's own case: its plan is what he reads on his pages.
        var demoResident = await db.Users.Where(u => u.Email == Neighbourhoods.Demo.DemoNeighbourhood.ResidentEmail).Select(u => u.ResidentId)
            .FirstOrDefaultAsync(ct);
        var @case = await db.Cases.Include(c => c.Actions)
            .Where(c => c.NeighbourhoodId == neighbourhood.Id && c.Status == CaseStatus.PlanAgreed && c.ResidentId != demoResident)
            .OrderBy(c => c.Number).FirstOrDefaultAsync(ct);
        if (welfare is null || @case is null || !budget.Covers(year) || organisations.Count(o => o.Offers.HasFlag(Services.SocialWork)) != 1)
        {
            return 0;
        }

        var bringer = await db.StaffMembers.Include(s => s.Organisation).SingleAsync(s => s.Id == @case.CaseBringerId, ct);
        var by = new Actor(Guid.Empty, bringer.Id, bringer.Name.Display, bringer.Organisation?.Name, bringer.OrganisationId);
        var resident = await db.Residents.Where(r => r.Id == @case.ResidentId).Select(r => r.Name).SingleAsync(ct);
        var action = @case.AddAction("Wekelijks gesprek met een maatschappelijk werker over rouw en geldzorgen",
            new ActionCarrier(Carrier.Organisation, Service: Services.SocialWork), null, null, LawDomain.Wmo, 2_400m, DutchTime.Date(nowUtc).AddDays(28),
            false, resident.Display, by, nowUtc);
        book.SetRoom(welfare.Id, year, book.BalanceOf(welfare.Id, year).Used + 1_500m, new Actor(Guid.Empty, null, "Demo", null), nowUtc);
        db.FinancingRequests.Add(new FinancingRequest(budget.Id, @case.Id, action.Id, welfare.Id, year, 2_400m, book.BalanceOf(welfare.Id, year).Remaining, by,
            nowUtc));
        return 2;
    }
}
