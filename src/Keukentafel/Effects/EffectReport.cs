using Keukentafel.Cases;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Effects;

/// <summary>
/// Which cases a report is about: a neighbourhood's cases signalled (or closed, see <see cref="ReportPeriod"/>) in a period
/// of whole quarters, optionally narrowed to a random sample (as the Ruwaard micro-analyses sampled 40 cases; the same
/// selection draws the same sample) or to named case numbers.
/// </summary>
public sealed record ReportSelection(Guid NeighbourhoodId, DateOnly From, DateOnly To, int? Sample = null, IReadOnlyList<string>? Numbers = null,
    int? PriceYear = null, ReportPeriod Period = ReportPeriod.Signalled);

/// <summary>What the report's period counts by: the date a case was signalled, or the date it was closed.</summary>
public enum ReportPeriod
{
    Signalled,
    Closed,
}

/// <summary>
/// Wellbeing at one moment: its summary and its distribution over the marks 1 to 10, rounded (null: group too small;
/// a count under 5 in the distribution is null too).
/// </summary>
public sealed record MomentFigures(MeasurementMoment Moment, string MomentText, int Residents, Summary? Summary, IReadOnlyList<int?>? Distribution);

/// <summary>The change of the same residents' marks from intake to a later moment (null below five residents).</summary>
public sealed record ChangeFigures(MeasurementMoment To, string Text, Summary? Change);

public sealed record SixWeeksFigures(int Known, int InTime, [property: Web.Fraction] decimal Share);

/// <summary>The costs of one group of locked analyses: totals, means per case, per law domain and payer, and the mean per month, added up.</summary>
public sealed record CostGroup(
    string Name, int Residents, int Analyses, decimal Without, decimal With, decimal MeanWithout, decimal MeanWith,
    IReadOnlyList<CostSplit> ByDomain, IReadOnlyList<CostSplit> ByPayer, IReadOnlyList<decimal> MeanCumulativeWithout,
    IReadOnlyList<decimal> MeanCumulativeWith)
{
    public decimal Difference => With - Without;
    public decimal MeanDifference => MeanWith - MeanWithout;
}

public sealed record CaseReference(Guid Id, string Number, bool Locked);

/// <summary>
/// The effect report (core rule 8): how many cases, wellbeing before, after and later, solved within six weeks, and
/// the costs with and without the approach, new cases apart from existing ones. Aggregates only: a group of fewer than
/// five residents is null, and the page says so instead of showing it.
/// </summary>
public sealed record EffectReport(
    Guid NeighbourhoodId, string Neighbourhood, DateOnly From, DateOnly To, int? Sample, int? Seed,
    int Cases, int Residents, IReadOnlyList<string> SmallQuarters, IReadOnlyList<MomentFigures> Wellbeing, IReadOnlyList<ChangeFigures> Changes,
    SixWeeksFigures? SixWeeks,
    CostGroup? AllCosts, CostGroup? NewCases, CostGroup? ExistingCases, int LockedAnalyses, int DraftAnalyses, int PriceYear,
    IReadOnlyList<CaseReference> CaseReferences, ReportPeriod Period = ReportPeriod.Signalled)
{
    /// <summary>Figures are shown for at least five residents (quarters with fewer are left out before: see <see cref="SmallQuarters"/>).</summary>
    public bool Shown => Statistics.Shown(Residents);

    /// <summary>Whole calendar quarters: the period a report is about, from its first to its last day.</summary>
    public static (DateOnly From, DateOnly To) Quarters(DateOnly from, DateOnly to)
    {
        var first = new DateOnly(from.Year, (((from.Month - 1) / 3) * 3) + 1, 1);
        var lastStart = new DateOnly(to.Year, (((to.Month - 1) / 3) * 3) + 1, 1);
        return (first, lastStart.AddMonths(3).AddDays(-1));
    }

    /// <summary>A report's period: the first date first, both within this century (further out no quarter can be counted).</summary>
    public static void CheckPeriod(DateOnly from, DateOnly to)
    {
        if (from.Year < 2000 || to.Year > 2099 || from.Year > 2099 || to.Year < 2000)
        {
            throw DomainException.About("From", "report.period_range", "Kies data tussen 2000 en 2099.");
        }

        if (from > to)
        {
            throw DomainException.About("From", "report.period", "De eerste datum ligt na de laatste. Kies een periode waarin de eerste datum eerst komt.");
        }
    }

    public static string Quarter(DateOnly date) => $"{date.Year} K{((date.Month - 1) / 3) + 1}";

    /// <summary>The period a report is about when none is asked, on the page and in the API alike: the last eight whole quarters.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(DateOnly today)
    {
        var lastQuarter = Quarters(today, today).From.AddDays(-1);
        return (Quarters(lastQuarter, lastQuarter).From.AddMonths(-21), lastQuarter);
    }

    /// <summary>How the page and the downloads name what the period counts by.</summary>
    public string PeriodText => Period == ReportPeriod.Closed ? "afgesloten" : "aangebracht";
}

/// <summary>Builds effect reports from the case records themselves: nothing is entered twice, nothing is typed in by hand.</summary>
public sealed class EffectReports(KeukentafelDbContext db, CostCatalogues catalogues, TimeProvider time)
{
    public async Task<EffectReport?> BuildAsync(ReportSelection selection, bool withCaseReferences, CancellationToken ct)
    {
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().Where(n => n.Id == selection.NeighbourhoodId).Select(n => n.Name).SingleOrDefaultAsync(ct);
        if (neighbourhood is null)
        {
            return null;
        }

        // Whole quarters only, and a sample drawn from the selection itself: no two reports differ by one resident.
        var (first, last) = EffectReport.Quarters(selection.From, selection.To);
        var from = DutchTime.ToUtc(first.ToDateTime(TimeOnly.MinValue));
        var to = DutchTime.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var priceYear = selection.PriceYear ?? catalogues.Current.PriceYearFor(DutchTime.Today(time));
        if (!catalogues.Current.HasYear(priceYear))
        {
            throw DomainException.About("PriceYear", "catalogue.year_unknown", $"Voor het prijsjaar {priceYear} is er geen prijsindex.");
        }

        var inPeriod = selection.Period == ReportPeriod.Closed
            ? db.Cases.Where(c => c.NeighbourhoodId == selection.NeighbourhoodId && c.ClosedAtUtc >= from && c.ClosedAtUtc < to)
            : db.Cases.Where(c => c.NeighbourhoodId == selection.NeighbourhoodId && c.SignalledAtUtc >= from && c.SignalledAtUtc < to);
        var cases = await inPeriod.AsNoTracking()
            .OrderBy(c => c.Number)
            .Select(c => new CaseFacts(c.Id, c.Number, c.ResidentId, c.Deadline, c.SolutionCarriedOutAtUtc,
                selection.Period == ReportPeriod.Closed ? c.ClosedAtUtc!.Value : c.SignalledAtUtc))
            .ToListAsync(ct);
        // A quarter with fewer than five residents is left out: otherwise a report with and one without it would tell
        // the difference. So every report is a sum of whole quarters of five residents or more.
        var smallQuarters = cases.GroupBy(c => EffectReport.Quarter(DutchTime.Date(c.PeriodAtUtc)))
            .Where(q => !Statistics.Shown(q.Select(c => c.ResidentId).Distinct().Count())).Select(q => q.Key).Order(StringComparer.Ordinal).ToList();
        cases = [.. cases.Where(c => !smallQuarters.Contains(EffectReport.Quarter(DutchTime.Date(c.PeriodAtUtc))))];
        if (selection.Numbers is { Count: > 0 } numbers)
        {
            cases = [.. cases.Where(c => numbers.Contains(c.Number))];
        }

        int? seed = null;
        if (selection.Sample is { } size && size < cases.Count)
        {
            // A simple random sample without replacement. Its seed follows from the selection (so the same sample comes
            // back), the size included: a sample one larger is a new draw, not the same one plus one resident.
            seed = Seed(selection.NeighbourhoodId, first, last, size);
            var random = new Random(seed.Value);
            cases = [.. cases.OrderBy(_ => random.Next()).Take(size).OrderBy(c => c.Number)];
        }

        var ids = cases.Select(c => c.Id).ToHashSet();
        var residentOf = cases.ToDictionary(c => c.Id, c => c.ResidentId);
        var inPeriodIds = inPeriod.Select(c => c.Id);
        var measurements = (await db.WellbeingMeasurements.AsNoTracking().Where(m => inPeriodIds.Contains(m.CaseId))
                .Select(m => new { m.CaseId, m.Moment, m.Mark, m.RecordedAtUtc, m.Id }).ToListAsync(ct))
            .Where(m => ids.Contains(m.CaseId))
            .GroupBy(m => (m.CaseId, m.Moment))
            .Select(g => g.OrderByDescending(m => m.RecordedAtUtc).ThenByDescending(m => m.Id).First()) // the newest of a moment counts
            .ToList();
        var analyses = (await db.MicroAnalyses.AsNoTracking().Include(a => a.Lines)
                .Where(a => inPeriodIds.Contains(a.CaseId) && a.ReplacedAtUtc == null).AsSplitQuery().ToListAsync(ct))
            .Where(a => ids.Contains(a.CaseId))
            .ToList();
        var locked = analyses.Where(a => a.IsLocked).ToList();

        var today = DutchTime.Today(time);
        var known = cases.Select(c => Case.SolvedInTime(c.SolutionCarriedOutAtUtc, c.Deadline, today)).OfType<bool>().ToList();
        var residents = cases.Select(c => c.ResidentId).Distinct().Count();
        var shown = Statistics.Shown(residents);

        var wellbeing = Enum.GetValues<MeasurementMoment>().Select(moment =>
        {
            var marks = measurements.Where(m => m.Moment == moment).ToList();
            var who = marks.Select(m => residentOf[m.CaseId]).Distinct().Count();
            var values = marks.Select(m => m.Mark).ToList();
            var summary = shown ? Statistics.Summarise(values, who) : null;
            return new MomentFigures(moment, moment.Dutch(), who, summary, summary is null ? null : Distribution(values));
        }).ToList();
        var intake = measurements.Where(m => m.Moment == MeasurementMoment.Intake).ToDictionary(m => m.CaseId, m => m.Mark);
        var changes = new[] { MeasurementMoment.Closure, MeasurementMoment.FollowUp }.Select(moment =>
        {
            // Paired: only cases with both marks, so the change is that of the same residents.
            var pairs = measurements.Where(m => m.Moment == moment && intake.ContainsKey(m.CaseId)).ToList();
            var who = pairs.Select(m => residentOf[m.CaseId]).Distinct().Count();
            return new ChangeFigures(moment, $"Van de start tot {(moment == MeasurementMoment.Closure ? "het afsluiten" : "de nameting")}",
                shown ? Statistics.Summarise([.. pairs.Select(m => m.Mark - intake[m.CaseId])], who) : null);
        }).ToList();

        var newCases = shown ? Costs("Nieuwe casussen", [.. locked.Where(a => !a.ExistingCare)], residentOf, priceYear) : null;
        var existingCases = shown ? Costs("Bestaande casussen", [.. locked.Where(a => a.ExistingCare)], residentOf, priceYear) : null;
        if (newCases is null || existingCases is null)
        {
            // One hidden group would follow from the other and the whole: then neither is shown apart.
            (newCases, existingCases) = (null, null);
        }

        return new EffectReport(selection.NeighbourhoodId, neighbourhood, first, last, selection.Sample, seed,
            cases.Count, residents, smallQuarters, wellbeing, changes,
            shown && Statistics.Shown(known.Count) ? new SixWeeksFigures(known.Count, known.Count(k => k), (decimal)known.Count(k => k) / known.Count) : null,
            shown ? Costs("Alle casussen", locked, residentOf, priceYear) : null, newCases, existingCases,
            locked.Count, analyses.Count - locked.Count, priceYear,
            withCaseReferences ? [.. cases.Select(c => new CaseReference(c.Id, c.Number, locked.Any(a => a.CaseId == c.Id)))] : [], selection.Period);
    }

    /// <summary>How many marks round to each of 1..10; a count of 1 to 4 is not shown.</summary>
    private static List<int?> Distribution(List<decimal> values) =>
        [.. Enumerable.Range(1, 10).Select(mark => values.Count(v => Math.Clamp((int)decimal.Round(v, MidpointRounding.AwayFromZero), 1, 10) == mark))
            .Select(count => count is > 0 and < Statistics.MinimumGroup ? (int?)null : count)];

    private static int Seed(Guid neighbourhood, DateOnly from, DateOnly to, int size)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{neighbourhood}|{from:yyyy-MM-dd}|{to:yyyy-MM-dd}|{size}"));
        return (BitConverter.ToInt32(bytes, 0) & int.MaxValue) % 1_000_000;
    }

    /// <summary>
    /// The costs of a group of locked analyses (their prices are frozen in their lines), each brought to the report's
    /// price year with the price index of the newest catalogue; null below five residents.
    /// </summary>
    private CostGroup? Costs(string name, List<MicroAnalysis> group, Dictionary<Guid, Guid> residentOf, int priceYear)
    {
        var residents = group.Select(a => residentOf[a.CaseId]).Distinct().Count();
        if (!Statistics.Shown(residents) || group.Count == 0)
        {
            return null;
        }

        // One index for all (the newest catalogue's): the prices frozen in each analysis are moved to the report's year.
        var results = group.Select(a => (Result: AnalysisResult.Of(a, new Dictionary<string, UnitPrice>(), []),
            Factor: catalogues.Current.Indexed(1m, a.PriceYear, priceYear), Resident: residentOf[a.CaseId])).ToList();
        var months = results.Max(r => r.Result.HorizonMonths);
        decimal MeanAt(Func<AnalysisResult, IReadOnlyList<decimal>> series, int month) =>
            results.Average(r => series(r.Result)[Math.Min(month, r.Result.HorizonMonths - 1)] * r.Factor); // after its horizon, a case adds nothing more
        var lines = results.SelectMany(r => r.Result.Lines.Select(l => (Line: l with { Cost = l.Cost * r.Factor }, r.Resident))).ToList();
        return new CostGroup(name, residents, group.Count,
            results.Sum(r => r.Result.Without * r.Factor), results.Sum(r => r.Result.With * r.Factor),
            results.Average(r => r.Result.Without * r.Factor), results.Average(r => r.Result.With * r.Factor),
            Splits(lines, l => l.LawDomain.ToString(), l => Plans.LawDomainText.Dutch(l.LawDomain), "Overige wetten samen"),
            Splits(lines, l => l.Payer.ToString(), l => l.Payer.Dutch(), "Overige betalers samen"),
            [.. Enumerable.Range(0, months).Select(m => decimal.Round(MeanAt(r => r.CumulativeWithout, m), 2))],
            [.. Enumerable.Range(0, months).Select(m => decimal.Round(MeanAt(r => r.CumulativeWith, m), 2))]);
    }

    /// <summary>
    /// Costs per law domain or payer. One with costs of fewer than five residents is not shown apart: such ones are
    /// added up into one "other" row, shown only when that row itself is about five residents or more.
    /// </summary>
    private static List<CostSplit> Splits(List<(PricedLine Line, Guid Resident)> lines, Func<PricedLine, string> key, Func<PricedLine, string> name,
        string others)
    {
        var groups = lines.Where(x => x.Line.Cost != 0).GroupBy(x => key(x.Line)).ToList();
        var large = groups.Where(g => Statistics.Shown(g.Select(x => x.Resident).Distinct().Count())).ToList();
        var small = groups.Except(large).SelectMany(g => g).ToList();
        var splits = large.Select(g => CostSplit.Of(g.Key, name(g.First().Line), g.Select(x => x.Line))).ToList();
        if (small.Count > 0 && Statistics.Shown(small.Select(x => x.Resident).Distinct().Count()))
        {
            splits.Add(CostSplit.Of("Merged", others, small.Select(x => x.Line)));
        }

        return [.. splits.OrderBy(s => s.Difference)];
    }

    /// <param name="PeriodAtUtc">The date the period counts by: signalled, or closed.</param>
    private sealed record CaseFacts(Guid Id, string Number, Guid ResidentId, DateOnly Deadline, DateTime? SolutionCarriedOutAtUtc, DateTime PeriodAtUtc);
}
