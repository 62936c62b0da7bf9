using Keukentafel.Budget;
using Keukentafel.Cases;
using Keukentafel.Effects;
using Keukentafel.Plans;

namespace Keukentafel.Tests.Budget;

/// <summary>The dashboard's figures are the ledger's sums: checked against sums computed here, directly, for generated years of data.</summary>
public sealed class DashboardTests
{
    private static readonly Actor Professional = new(Guid.CreateVersion7(), Guid.CreateVersion7(), "Test Professional", "Welzijn Proef");
    private static readonly DateOnly Today = new(2026, 9, 15);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_figure_of_a_generated_year_equals_the_sum_computed_directly_from_the_ledger(int seed)
    {
        var (budget, ledger, preFinanced, organisations) = GeneratedYear(seed);
        var names = organisations.Select((o, i) => (o, $"Organisatie {i}")).ToDictionary(x => x.o, x => x.Item2);

        var d = BudgetDashboard.Of(budget, ledger, 2026, names, preFinanced, Today);

        var year = ledger.Where(e => e.Year == 2026).ToList();
        decimal Direct(IEnumerable<LedgerEntry> entries, params EntryKind[] kinds) => entries.Where(e => kinds.Contains(e.Kind)).Sum(e => e.Amount);
        decimal Realised(IEnumerable<LedgerEntry> entries) => Direct(entries, EntryKind.Realisation, EntryKind.Correction)
            - Direct(entries, EntryKind.Settlement);
        decimal Committed(IEnumerable<LedgerEntry> entries) => Direct(entries, EntryKind.Commitment) - Direct(entries, EntryKind.Release);

        d.Total.Room.ShouldBe(Direct(year, EntryKind.Room));
        d.Total.Realised.ShouldBe(Realised(year));
        d.Total.Committed.ShouldBe(Committed(year));
        d.Months.Sum(m => m.Realised).ShouldBe(Realised(year));
        d.Months.Sum(m => m.Committed).ShouldBe(Committed(year));
        d.Months[^1].CumulativeUsed.ShouldBe(Realised(year) + Committed(year));
        d.Months[^1].Plan.ShouldBe(Direct(year, EntryKind.Room));
        foreach (var m in d.Months)
        {
            var inMonth = year.Where(e => DutchTime.Date(e.AtUtc) is var day && (day.Year < 2026 ? 0 : day.Year > 2026 ? 13 : day.Month) == m.Month)
                .ToList();
            m.Realised.ShouldBe(Realised(inMonth), $"month {m.Month}");
            m.Passed.ShouldBe(m.Month <= Today.Month);
            if (m.OutsideYear)
            {
                inMonth.ShouldNotBeEmpty("a row outside the year is there only when something was booked then");
            }
        }

        d.Organisations.Count.ShouldBe(year.Select(e => e.OrganisationId).Distinct().Count());
        foreach (var o in d.Organisations)
        {
            var own = year.Where(e => e.OrganisationId == o.OrganisationId).ToList();
            o.Balance.Room.ShouldBe(Direct(own, EntryKind.Room));
            o.Balance.Realised.ShouldBe(Realised(own));
            o.Balance.Committed.ShouldBe(Committed(own));
            o.RealisedPerMonth.Sum().ShouldBe(Realised(own));
            o.Cases.ShouldBe(own.Where(e => e.CaseId is not null && e.Kind != EntryKind.Room).GroupBy(e => e.CaseId)
                .Count(c => Realised(c) + Committed(c) > 0));
        }

        foreach (var domain in year.Where(e => e.Kind != EntryKind.Room).GroupBy(e => e.LawDomain))
        {
            var row = d.LawDomains.SingleOrDefault(r => r.LawDomain == domain.Key);
            (row?.Realised ?? 0).ShouldBe(Realised(domain));
            (row?.Committed ?? 0).ShouldBe(Committed(domain));
        }

        var preFinancedEntries = year.Where(e => e.PlanActionId is { } a && preFinanced.ContainsKey(a)).ToList();
        d.PreFinancing.Sum(p => p.Outstanding).ShouldBe(Direct(preFinancedEntries, EntryKind.Realisation, EntryKind.Correction)
            - Direct(preFinancedEntries, EntryKind.Settlement, EntryKind.WriteOff));
        d.PreFinancing.Sum(p => p.Settled).ShouldBe(Direct(preFinancedEntries, EntryKind.Settlement));
        d.PreFinancing.Sum(p => p.WrittenOff).ShouldBe(Direct(preFinancedEntries, EntryKind.WriteOff));
        d.PreFinancing.Sum(p => p.Actions).ShouldBe(preFinancedEntries.Select(e => e.PlanActionId).Distinct().Count());

        var perCase = year.Where(e => e.CaseId is not null && e.Kind != EntryKind.Room).GroupBy(e => e.CaseId).Select(g => Realised(g) + Committed(g))
            .Where(u => u > 0).ToList();
        d.CasesFinanced.ShouldBe(perCase.Count);
        d.AverageCostPerCase.ShouldBe(decimal.Round(perCase.Sum() / perCase.Count, 2));
        d.Contributed.ShouldBe(budget.Contributions.Where(c => c.Date.Year == 2026).Sum(c => c.Amount));
    }

    [Fact]
    public void The_forecast_follows_the_monthly_rate_so_far()
    {
        var (budget, ledger, preFinanced, organisations) = GeneratedYear(7);
        var d = BudgetDashboard.Of(budget, ledger, 2026, organisations.ToDictionary(o => o, o => "X"), preFinanced, Today);

        // 15 September: 8 months and 15 of 30 days have passed.
        d.Forecast.MonthsPassed.ShouldBe(8.5m);
        d.Forecast.MonthlyRate.ShouldBe(decimal.Round(d.Total.Used / 8.5m, 2));
        d.Forecast.LeftAtYearEnd.ShouldBe(decimal.Round(d.Total.Remaining - (d.Forecast.MonthlyRate * 3.5m), 2));
        if (d.Forecast.YearRoomUsedUpOn is { } usedUp)
        {
            usedUp.ShouldBeInRange(Today, new DateOnly(2026, 12, 31));
            d.Forecast.LeftAtYearEnd.ShouldBeLessThan(0);
        }

        var past = BudgetDashboard.Of(budget, ledger, 2026, organisations.ToDictionary(o => o, o => "X"), preFinanced, new DateOnly(2027, 2, 1));
        past.Forecast.Applies.ShouldBeFalse();
        past.Months.ShouldAllBe(m => m.Passed);
    }

    [Fact]
    public void An_entry_of_the_budget_year_booked_outside_its_calendar_year_gets_a_row_of_its_own_not_January_or_December()
    {
        var budget = LedgerPropertyTests.NewBudget(contributed: 100_000m);
        var book = new LedgerBook(budget, []);
        var organisation = Guid.CreateVersion7();
        book.SetRoom(organisation, 2026, 12_000m, Professional, new DateTime(2025, 12, 10, 8, 0, 0, DateTimeKind.Utc));
        book.Commit(organisation, 2026, Guid.CreateVersion7(), Guid.CreateVersion7(), 500m, LawDomain.Wmo, Professional,
            new DateTime(2025, 12, 20, 8, 0, 0, DateTimeKind.Utc));
        book.Commit(organisation, 2026, Guid.CreateVersion7(), Guid.CreateVersion7(), 300m, LawDomain.Wmo, Professional,
            new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc));
        book.Commit(organisation, 2026, Guid.CreateVersion7(), Guid.CreateVersion7(), 200m, LawDomain.Wmo, Professional,
            new DateTime(2027, 1, 8, 8, 0, 0, DateTimeKind.Utc));

        var d = BudgetDashboard.Of(budget, [.. book.Entries], 2026, new Dictionary<Guid, string>(), new Dictionary<Guid, Payer>(), new DateOnly(2027, 2, 1));

        d.Months.Select(m => m.Month).ShouldBe([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
        d.Months[0].Committed.ShouldBe(500m);
        d.Months[0].Label(2026).ShouldBe("geboekt vóór 2026");
        d.Months[0].Plan.ShouldBe(0m);
        d.Months[1].Committed.ShouldBe(300m, "January holds January only");
        d.Months[12].Committed.ShouldBe(0m, "December holds December only");
        d.Months[13].Committed.ShouldBe(200m);
        d.Months[13].Label(2026).ShouldBe("geboekt na 2026");
        d.Months[13].Plan.ShouldBe(12_000m);
        d.Months[13].CumulativeUsed.ShouldBe(1_000m);
        d.Organisations.ShouldHaveSingleItem().RealisedPerMonth.Count.ShouldBe(14);
        d.Figures().Where(f => f.Section == "Per maand").Select(f => f.Group).Distinct().ShouldContain("geboekt na 2026");

        // A year with nothing booked outside it has its twelve months only.
        var inside = BudgetDashboard.Of(budget, [.. book.Entries.Where(e => e.AtUtc.Year == 2026)], 2026, new Dictionary<Guid, string>(),
            new Dictionary<Guid, Payer>(), new DateOnly(2027, 2, 1));
        inside.Months.Select(m => m.Month).ShouldBe(Enumerable.Range(1, 12));
    }

    [Fact]
    public void A_slow_pace_against_a_large_pot_has_no_date_it_runs_out_within_the_period()
    {
        var budget = LedgerPropertyTests.NewBudget(contributed: 2_000_000m);
        var book = new LedgerBook(budget, []);
        var organisation = Guid.CreateVersion7();
        book.SetRoom(organisation, 2026, 1_000_000m, Professional, new DateTime(2026, 1, 3, 8, 0, 0, DateTimeKind.Utc));
        book.Commit(organisation, 2026, Guid.CreateVersion7(), Guid.CreateVersion7(), 20m, LawDomain.Wmo, Professional,
            new DateTime(2026, 2, 3, 8, 0, 0, DateTimeKind.Utc));

        var d = BudgetDashboard.Of(budget, [.. book.Entries], 2026, new Dictionary<Guid, string>(), new Dictionary<Guid, Payer>(), Today);

        d.Forecast.YearRoomUsedUpOn.ShouldBeNull();
        d.Forecast.PeriodUsedUpOn.ShouldBeNull();
        d.Forecast.LeftAtPeriodEnd.ShouldBeGreaterThan(1_900_000m);
        BudgetDashboard.Of(budget, [.. book.Entries], 2026, new Dictionary<Guid, string>(), new Dictionary<Guid, Payer>(), new DateOnly(2026, 1, 2))
            .Forecast.MonthsPassed.ShouldBe(1m);
    }

    /// <summary>A year of a neighbourhood's budget: rooms, and a few hundred changes through the ledger's own rules, some after the year ended.</summary>
    private static (NeighbourhoodBudget, List<LedgerEntry>, Dictionary<Guid, Payer>, Guid[]) GeneratedYear(int seed)
    {
        var random = new Random(seed);
        var budget = LedgerPropertyTests.NewBudget(contributed: 400_000m);
        var organisations = Enumerable.Range(0, 4).Select(_ => Guid.CreateVersion7()).ToArray();
        var book = new LedgerBook(budget, []);
        foreach (var o in organisations)
        {
            book.SetRoom(o, 2026, 60_000m + (random.Next(0, 40) * 1_000m), Professional, new DateTime(2026, 1, 3, 8, 0, 0, DateTimeKind.Utc));
        }

        var cases = Enumerable.Range(0, 40).Select(_ => Guid.CreateVersion7()).ToArray();
        var actions = new List<(Guid Action, Guid Organisation)>();
        var preFinanced = new Dictionary<Guid, Payer>();
        var domains = Enum.GetValues<LawDomain>();
        for (var i = 0; i < 400; i++)
        {
            // Mostly in 2026, a few in January 2027 (delivered after the year), at any hour (Dutch midnight included).
            var at = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 390 * 24 * 60));
            try
            {
                switch (random.Next(10))
                {
                    case < 4:
                        var organisation = organisations[random.Next(organisations.Length)];
                        var action = Guid.CreateVersion7();
                        book.Commit(organisation, 2026, cases[random.Next(cases.Length)], action, random.Next(100, 5_000),
                            domains[random.Next(domains.Length)], Professional, at);
                        actions.Add((action, organisation));
                        if (random.Next(5) == 0)
                        {
                            preFinanced[action] = random.Next(2) == 0 ? Payer.HealthInsurer : Payer.CareOffice;
                        }

                        break;
                    case < 7 when actions.Count > 0:
                        book.Realise(actions[random.Next(actions.Count)].Action, random.Next(50, 5_500), Professional, at);
                        break;
                    case 7 when actions.Count > 0:
                        book.Release(actions[random.Next(actions.Count)].Action, "Vervallen.", Professional, at);
                        break;
                    case 8 when preFinanced.Count > 0:
                        book.Settle(preFinanced.Keys.ElementAt(random.Next(preFinanced.Count)), random.Next(2) == 0 ? EntryKind.Settlement : EntryKind.WriteOff,
                            random.Next(10, 3_000), "Verrekend.", Professional, at);
                        break;
                    default:
                        var (a, o) = actions.Count > 0 ? actions[random.Next(actions.Count)] : (Guid.Empty, organisations[0]);
                        book.Correct(o, 2026, -random.Next(1, 200), null, random.Next(2) == 0 ? a : null, "Creditnota.", Professional, at);
                        break;
                }
            }
            catch (DomainException)
            {
                // Refused by the ledger's rules: nothing was booked, as in real use.
            }
        }

        LedgerBook.Violations(budget, book.Entries).ShouldBeEmpty();
        book.Entries.Count(e => e.Kind == EntryKind.Realisation).ShouldBeGreaterThan(30);
        return (budget, [.. book.Entries], preFinanced, organisations);
    }
}
