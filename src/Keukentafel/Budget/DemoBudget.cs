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
        var organisations = await db.Organisations.Where(o => o.Neighbourhoods.Any(n => n.NeighbourhoodId == neighbourhood.Id) && o.Type != OrganisationType.HealthInsurer)
            .OrderBy(o => o.Name).ToListAsync(ct);
        foreach (var y in budget.Years.Where(y => y <= year))
        {
            var start = new DateOnly(y, 1, 2);
            budget.AddContribution("Gemeente (Wmo)", organisations.FirstOrDefault(o => o.Type == OrganisationType.Municipality)?.Id, 380_000m, start, LawDomain.Wmo, by, nowUtc);
            budget.AddContribution("Welzijnsstichting", organisations.FirstOrDefault(o => o.Type == OrganisationType.Welfare)?.Id, 60_000m, start, LawDomain.Welzijn, by, nowUtc);
            budget.AddContribution("Woningcorporatie", organisations.FirstOrDefault(o => o.Type == OrganisationType.Housing)?.Id, 40_000m, start, LawDomain.Wonen, by, nowUtc);
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

            book.Commit(action.CarrierOrganisationId!.Value, at, action.CaseId, action.Id, action.ExpectedCost!.Value, by, action.CreatedAtUtc);
            if (action.Status == ActionStatus.Done && action.DoneAtUtc is { } done)
            {
                // Delivered at about the expected cost: a little more or less, as it goes.
                book.Realise(action.Id, decimal.Round(action.ExpectedCost.Value * (0.9m + (0.02m * random.Next(11))), 2), by, done);
            }
        }

        db.LedgerEntries.AddRange(book.Entries);
        return book.Entries.Count + budget.Contributions.Count + 1;
    }
}
