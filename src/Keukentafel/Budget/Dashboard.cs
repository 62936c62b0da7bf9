using Keukentafel.Cases;
using Keukentafel.Effects;
using Keukentafel.Plans;
using Keukentafel.Web;

namespace Keukentafel.Budget;

/// <summary>
/// One month of the year: what was spent and reserved in it, the running totals, and the straight-line plan. Month 0
/// holds what was booked for this budget year before its calendar year began (an action planned in December for
/// January), month 13 what was booked after it ended (a late invoice); each is there only when it holds something.
/// </summary>
public sealed record MonthRow(int Month, decimal Realised, decimal Committed, decimal CumulativeRealised, decimal CumulativeUsed, decimal Plan, bool Passed)
{
    public const int Before = 0;
    public const int After = 13;

    public bool OutsideYear => Month is Before or After;

    /// <summary>The row's name on the page and in the exports: the month, or when it was booked outside the year.</summary>
    public string Label(int year, string format = "MMMM") => Month switch
    {
        Before => $"geboekt vóór {year}",
        After => $"geboekt na {year}",
        _ => new DateOnly(year, Month, 1).ToString(format, System.Globalization.CultureInfo.GetCultureInfo("nl-NL")),
    };
}

/// <summary>One organisation's year: its balance, its spending per month and the cases it was financed for.</summary>
public sealed record OrganisationRow(Guid OrganisationId, string Organisation, Balance Balance, IReadOnlyList<decimal> RealisedPerMonth, int Cases);

/// <summary>Reserved and spent under one law domain (none: a correction not tied to an action).</summary>
public sealed record LawDomainRow(LawDomain? LawDomain, string Name, decimal Committed, decimal Realised);

/// <summary>A collective initiative's budget line in the year: what is reserved for it, from which organisation's room.</summary>
public sealed record InitiativeRow(Guid InitiativeId, string What, string Organisation, decimal Committed);

/// <summary>Pre-financing for one regular payer: actions, spent and not yet back, paid back, written off.</summary>
public sealed record PayerRow(Payer Payer, string Name, int Actions, decimal Outstanding, decimal Settled, decimal WrittenOff);

/// <summary>
/// At the monthly rate so far (reserved plus spent, per month passed): when the year's room and the period's money
/// run out, and what is left at the end of each. Dates are null when that does not happen before the end.
/// </summary>
public sealed record Forecast(decimal MonthlyRate, decimal MonthsPassed, DateOnly? YearRoomUsedUpOn, decimal LeftAtYearEnd, DateOnly? PeriodUsedUpOn,
    decimal LeftAtPeriodEnd, bool Applies);

/// <summary>
/// The monthly budget dashboard of one budget year (Ruwaard's partners asked for it): spending per month, per organisation
/// and per law domain against the budget and the straight-line plan; reserved versus spent; room left per organisation;
/// pre-financing outstanding; cases financed and the average cost per case; and the forecast. Sums of the ledger only.
/// </summary>
public sealed record BudgetDashboard(
    Guid BudgetId, string Budget, int FirstYear, int LastYear, int Year, DateOnly AsOf, decimal Contributed, decimal ContributedInPeriod, Balance Total,
    IReadOnlyList<MonthRow> Months, IReadOnlyList<OrganisationRow> Organisations, IReadOnlyList<LawDomainRow> LawDomains, IReadOnlyList<PayerRow> PreFinancing,
    int CasesFinanced, decimal AverageCostPerCase, Forecast Forecast, IReadOnlyList<InitiativeRow> Initiatives)
{
    /// <summary>
    /// Computes the dashboard from the budget's ledger. An entry counts in the Dutch month it was booked; an entry of this
    /// budget year booked before or after the calendar year (an action planned in December, delivered in January) counts
    /// in a row of its own before January or after December (<see cref="MonthRow.Before"/>, <see cref="MonthRow.After"/>).
    /// </summary>
    public static BudgetDashboard Of(NeighbourhoodBudget budget, IReadOnlyList<LedgerEntry> ledger, int year, IReadOnlyDictionary<Guid, string> organisations,
        IReadOnlyDictionary<Guid, Payer> preFinanced, DateOnly today) =>
        OfYear(budget, [.. ledger.Where(e => e.Year == year)], year, organisations, preFinanced, today,
            Balance.Of(ledger.Where(e => e.Kind != EntryKind.Room)).Used);

    /// <summary>
    /// The same from the year's entries only, with what the whole period used so far summed elsewhere (by the database):
    /// a budget of ten years need not be read to show one.
    /// </summary>
    public static BudgetDashboard OfYear(NeighbourhoodBudget budget, IReadOnlyList<LedgerEntry> entries, int year,
        IReadOnlyDictionary<Guid, string> organisations, IReadOnlyDictionary<Guid, Payer> preFinanced, DateOnly today, decimal usedInPeriod)
    {
        var total = Balance.Of(entries);
        // The Dutch month of each entry, worked out once (a time zone conversion each).
        var monthOfEntry = entries.ToDictionary(e => e,
            e => DutchTime.Date(e.AtUtc) is var d && d.Year < year ? MonthRow.Before : d.Year > year ? MonthRow.After : d.Month);
        var months = Enumerable.Range(1, 12).ToList();
        if (monthOfEntry.ContainsValue(MonthRow.Before))
        {
            months.Insert(0, MonthRow.Before);
        }

        if (monthOfEntry.ContainsValue(MonthRow.After))
        {
            months.Add(MonthRow.After);
        }

        int MonthOf(LedgerEntry e) => monthOfEntry[e];
        IReadOnlyList<decimal> RealisedPerMonth(IEnumerable<LedgerEntry> organisationEntries)
        {
            var byMonthOfOrganisation = organisationEntries.GroupBy(MonthOf).ToDictionary(g => g.Key, g => Balance.Of(g).Realised);
            return [.. months.Select(m => byMonthOfOrganisation.GetValueOrDefault(m))];
        }

        var byMonth = entries.GroupBy(MonthOf).ToDictionary(g => g.Key, g => Balance.Of(g));
        var passed = year < today.Year ? 12 : year > today.Year ? 0 : today.Month;
        decimal realisedSoFar = 0, usedSoFar = 0;
        var monthRows = new List<MonthRow>();
        foreach (var m in months)
        {
            var b = byMonth.GetValueOrDefault(m) ?? new Balance(0, 0, 0);
            realisedSoFar += b.Realised;
            usedSoFar += b.Committed + b.Realised;
            var passedThen = m == MonthRow.After ? year < today.Year : m <= passed;
            monthRows.Add(new MonthRow(m, b.Realised, b.Committed, realisedSoFar, usedSoFar, decimal.Round(total.Room * Math.Min(m, 12) / 12, 2), passedThen));
        }

        var organisationRows = entries.GroupBy(e => e.OrganisationId)
            .Select(g => new OrganisationRow(g.Key, organisations.GetValueOrDefault(g.Key, "Onbekende organisatie"), Balance.Of(g),
                RealisedPerMonth(g),
                g.Where(e => e.CaseId is not null && e.Kind != EntryKind.Room).GroupBy(e => e.CaseId).Count(c => Balance.Of(c).Used > 0)))
            .OrderBy(r => r.Organisation, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))
            .ToList();
        var lawDomains = entries.Where(e => e.Kind != EntryKind.Room).GroupBy(e => e.LawDomain)
            .Select(g => (g.Key, Balance: Balance.Of(g)))
            .Select(x => new LawDomainRow(x.Key, x.Key?.Dutch() ?? "Niet aan een actie toegerekend", x.Balance.Committed, x.Balance.Realised))
            .Where(r => r.Committed != 0 || r.Realised != 0)
            .OrderByDescending(r => r.Committed + r.Realised)
            .ToList();
        var byAction = entries.Where(e => e.PlanActionId is not null).GroupBy(e => e.PlanActionId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var payers = byAction.Where(a => preFinanced.ContainsKey(a.Key))
            .GroupBy(a => preFinanced[a.Key])
            .Select(g => new PayerRow(g.Key, g.Key.Dutch(), g.Count(),
                g.Sum(a => LedgerBook.OutstandingOf(a.Value)),
                g.Sum(a => Sum(a.Value, EntryKind.Settlement)), g.Sum(a => Sum(a.Value, EntryKind.WriteOff))))
            .OrderBy(r => r.Payer)
            .ToList();
        var perCase = entries.Where(e => e.CaseId is not null && e.Kind != EntryKind.Room).GroupBy(e => e.CaseId!.Value)
            .Select(g => Balance.Of(g).Used).Where(used => used > 0).ToList();
        // All contributions of the period, also those promised for later years (dated then): the pot the period has.
        var contributedInPeriod = budget.Total;
        return new BudgetDashboard(budget.Id, budget.Name, budget.FirstYear, budget.LastYear, year, today,
            budget.Contributions.Where(c => c.Date.Year == year).Sum(c => c.Amount), contributedInPeriod, total,
            monthRows, organisationRows, lawDomains, payers, perCase.Count, perCase.Count == 0 ? 0 : decimal.Round(perCase.Sum() / perCase.Count, 2),
            Project(budget, year, today, total, contributedInPeriod - usedInPeriod),
            [.. entries.Where(e => e.InitiativeId is not null).GroupBy(e => e.InitiativeId!.Value)
                .Select(g => new InitiativeRow(g.Key, g.First(e => e.Kind == EntryKind.Commitment).Reason ?? "Collectief initiatief",
                    organisations.GetValueOrDefault(g.First().OrganisationId, "Onbekende organisatie"), Balance.Of(g).Committed))
                .OrderBy(r => r.What, StringComparer.Ordinal)]);
    }

    /// <summary>The dashboard's figures as the exports write them: every table behind a chart, nothing about a resident.</summary>
    public IEnumerable<Figure> Figures()
    {
        var nl = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        const string Summary = "Overzicht";
        yield return new(Summary, "", "Budget", null, Budget);
        yield return new(Summary, "", "Jaar", Year, Year.ToString(nl));
        yield return new(Summary, "", "Stand op", null, AsOf.ToString("yyyy-MM-dd", nl));
        yield return new(Summary, "", "Ingelegd dit jaar", Contributed, DutchNumber.Euro(Contributed));
        yield return new(Summary, "", "Ruimte verdeeld", Total.Room, DutchNumber.Euro(Total.Room));
        yield return new(Summary, "", "Vastgelegd, nog niet geleverd", Total.Committed, DutchNumber.Euro(Total.Committed));
        yield return new(Summary, "", "Besteed", Total.Realised, DutchNumber.Euro(Total.Realised));
        yield return new(Summary, "", "Over", Total.Remaining, DutchNumber.Euro(Total.Remaining));
        yield return new(Summary, "", "Casussen gefinancierd", CasesFinanced, CasesFinanced.ToString(nl));
        yield return new(Summary, "", "Gemiddeld per casus", AverageCostPerCase, DutchNumber.Euro(AverageCostPerCase));
        foreach (var m in Months)
        {
            var month = m.Label(Year);
            yield return new("Per maand", month, "Besteed", m.Realised, DutchNumber.Euro(m.Realised));
            yield return new("Per maand", month, "Vastgelegd (netto)", m.Committed, DutchNumber.Euro(m.Committed));
            yield return new("Per maand", month, "Besteed tot en met", m.CumulativeRealised, DutchNumber.Euro(m.CumulativeRealised));
            yield return new("Per maand", month, "Gebruikt tot en met", m.CumulativeUsed, DutchNumber.Euro(m.CumulativeUsed));
            yield return new("Per maand", month, "Rechte-lijnplan", m.Plan, DutchNumber.Euro(m.Plan));
        }

        foreach (var i in Initiatives)
        {
            yield return new("Collectieve initiatieven", i.What, "Vastgelegd", i.Committed, DutchNumber.Euro(i.Committed));
        }

        foreach (var o in Organisations)
        {
            yield return new("Per organisatie", o.Organisation, "Ruimte", o.Balance.Room, DutchNumber.Euro(o.Balance.Room));
            yield return new("Per organisatie", o.Organisation, "Vastgelegd", o.Balance.Committed, DutchNumber.Euro(o.Balance.Committed));
            yield return new("Per organisatie", o.Organisation, "Besteed", o.Balance.Realised, DutchNumber.Euro(o.Balance.Realised));
            yield return new("Per organisatie", o.Organisation, "Over", o.Balance.Remaining, DutchNumber.Euro(o.Balance.Remaining));
            yield return new("Per organisatie", o.Organisation, "Casussen", o.Cases, o.Cases.ToString(nl));
            for (var m = 0; m < 12; m++)
            {
                yield return new("Organisatie per maand", o.Organisation, new DateOnly(Year, m + 1, 1).ToString("MMMM", nl), o.RealisedPerMonth[m],
                    DutchNumber.Euro(o.RealisedPerMonth[m]));
            }
        }

        foreach (var d in LawDomains)
        {
            yield return new("Per wet of domein", d.Name, "Vastgelegd", d.Committed, DutchNumber.Euro(d.Committed));
            yield return new("Per wet of domein", d.Name, "Besteed", d.Realised, DutchNumber.Euro(d.Realised));
        }

        foreach (var p in PreFinancing)
        {
            yield return new("Voorfinanciering", p.Name, "Acties", p.Actions, p.Actions.ToString(nl));
            yield return new("Voorfinanciering", p.Name, "Openstaand", p.Outstanding, DutchNumber.Euro(p.Outstanding));
            yield return new("Voorfinanciering", p.Name, "Terugbetaald", p.Settled, DutchNumber.Euro(p.Settled));
            yield return new("Voorfinanciering", p.Name, "Afgeschreven", p.WrittenOff, DutchNumber.Euro(p.WrittenOff));
        }

        if (Forecast.Applies)
        {
            yield return new("Prognose", "", "Per maand (tempo tot nu)", Forecast.MonthlyRate, DutchNumber.Euro(Forecast.MonthlyRate));
            yield return new("Prognose", "", "Ruimte dit jaar op", null, Forecast.YearRoomUsedUpOn?.ToString("yyyy-MM-dd", nl) ?? "niet dit jaar");
            yield return new("Prognose", "", "Over aan het eind van het jaar", Forecast.LeftAtYearEnd, DutchNumber.Euro(Forecast.LeftAtYearEnd));
            yield return new("Prognose", "", "Budget van de periode op", null, Forecast.PeriodUsedUpOn?.ToString("yyyy-MM-dd", nl) ?? "niet binnen de periode");
            yield return new("Prognose", "", "Over aan het eind van de periode", Forecast.LeftAtPeriodEnd, DutchNumber.Euro(Forecast.LeftAtPeriodEnd));
        }
    }

    private static Forecast Project(NeighbourhoodBudget budget, int year, DateOnly today, Balance total, decimal leftInPeriod)
    {
        if (year != today.Year)
        {
            return new Forecast(0, year < today.Year ? 12 : 0, null, total.Remaining, null, leftInPeriod, Applies: false);
        }

        // Months passed, with the part of this month that has passed: on 15 March that is about 2.5. In January at least
        // one month, so the first days of a year do not make a few reservations look like a year's pace.
        var passed = Math.Max(1, today.Month - 1 + ((decimal)today.Day / DateTime.DaysInMonth(today.Year, today.Month)));
        var rate = decimal.Round(total.Used / passed, 2);
        var monthsLeftInYear = 12 - passed;
        var periodEnd = new DateOnly(budget.LastYear, 12, 31);
        var monthsLeftInPeriod = monthsLeftInYear + (12 * (budget.LastYear - year));
        DateOnly? UsedUpOn(decimal left, DateOnly end)
        {
            if (rate <= 0)
            {
                return null;
            }

            // Only a date before the end: a small pace against a large pot would otherwise run past the calendar.
            var days = left <= 0 ? 0 : Math.Ceiling(left / rate * 30.4375m);
            return days <= end.DayNumber - today.DayNumber ? today.AddDays((int)days) : null;
        }
        return new Forecast(rate, decimal.Round(passed, 2), UsedUpOn(total.Remaining, new DateOnly(year, 12, 31)),
            decimal.Round(total.Remaining - (rate * monthsLeftInYear), 2), UsedUpOn(leftInPeriod, periodEnd),
            decimal.Round(leftInPeriod - (rate * monthsLeftInPeriod), 2), Applies: true);
    }

    private static decimal Sum(IEnumerable<LedgerEntry> entries, EntryKind kind) => entries.Where(e => e.Kind == kind).Sum(e => e.Amount);
}
