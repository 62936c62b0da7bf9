using Keukentafel.Cases;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Effects;

/// <summary>
/// Which cases a report is about: a neighbourhood's cases signalled in a period, optionally narrowed to a random
/// sample (reproducible with its seed, as the Ruwaard micro-analyses sampled 40 cases) or to named case numbers.
/// </summary>
public sealed record ReportSelection(Guid NeighbourhoodId, DateOnly From, DateOnly To, int? Sample = null, int? Seed = null, IReadOnlyList<string>? Numbers = null, int? PriceYear = null);

/// <summary>Wellbeing at one moment: its summary and its distribution over the marks 1 to 10 (null: group too small).</summary>
public sealed record MomentFigures(MeasurementMoment Moment, string MomentText, int Residents, Summary? Summary, IReadOnlyList<int>? Distribution);

public sealed record SixWeeksFigures(int Known, int InTime, decimal Share);

/// <summary>The costs of one group of locked analyses: totals, means per case, per law domain and payer, and the mean per month, added up.</summary>
public sealed record CostGroup(
    string Name, int Residents, int Analyses, decimal Without, decimal With, decimal MeanWithout, decimal MeanWith,
    IReadOnlyList<CostSplit> ByDomain, IReadOnlyList<CostSplit> ByPayer, IReadOnlyList<decimal> MeanCumulativeWithout, IReadOnlyList<decimal> MeanCumulativeWith)
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
    int Cases, int Residents, IReadOnlyList<MomentFigures> Wellbeing, SixWeeksFigures? SixWeeks,
    CostGroup? AllCosts, CostGroup? NewCases, CostGroup? ExistingCases, int LockedAnalyses, int DraftAnalyses, int PriceYear,
    IReadOnlyList<CaseReference> CaseReferences)
{
    public bool Shown => Statistics.Shown(Residents);
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

        var from = DutchTime.ToUtc(selection.From.ToDateTime(TimeOnly.MinValue));
        var to = DutchTime.ToUtc(selection.To.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var priceYear = selection.PriceYear ?? Math.Min(DutchTime.Today(time).Year, catalogues.Current.Index.Values.Keys.Max());
        if (!catalogues.Current.HasYear(priceYear))
        {
            throw DomainException.About("PriceYear", "catalogue.year_unknown", $"Voor het prijsjaar {priceYear} is er geen prijsindex.");
        }

        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.NeighbourhoodId == selection.NeighbourhoodId && c.SignalledAtUtc >= from && c.SignalledAtUtc < to)
            .OrderBy(c => c.Number)
            .Select(c => new CaseFacts(c.Id, c.Number, c.ResidentId, c.Deadline, c.SolutionCarriedOutAtUtc))
            .ToListAsync(ct);
        if (selection.Numbers is { Count: > 0 } numbers)
        {
            cases = [.. cases.Where(c => numbers.Contains(c.Number))];
        }

        if (selection.Sample is { } size && size < cases.Count)
        {
            // A simple random sample without replacement, reproducible with its seed.
            var random = new Random(selection.Seed ?? 0);
            cases = [.. cases.OrderBy(_ => random.Next()).Take(size).OrderBy(c => c.Number)];
        }

        var ids = cases.Select(c => c.Id).ToHashSet();
        var residentOf = cases.ToDictionary(c => c.Id, c => c.ResidentId);
        var inPeriod = db.Cases.Where(c => c.NeighbourhoodId == selection.NeighbourhoodId && c.SignalledAtUtc >= from && c.SignalledAtUtc < to).Select(c => c.Id);
        var measurements = (await db.WellbeingMeasurements.AsNoTracking().Where(m => inPeriod.Contains(m.CaseId))
                .Select(m => new { m.CaseId, m.Moment, m.Mark, m.RecordedAtUtc, m.Id }).ToListAsync(ct))
            .Where(m => ids.Contains(m.CaseId))
            .GroupBy(m => (m.CaseId, m.Moment))
            .Select(g => g.OrderByDescending(m => m.RecordedAtUtc).ThenByDescending(m => m.Id).First()) // the newest of a moment counts
            .ToList();
        var analyses = (await db.MicroAnalyses.AsNoTracking().Include(a => a.Lines).Where(a => inPeriod.Contains(a.CaseId)).AsSplitQuery().ToListAsync(ct))
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
            var summary = Statistics.Summarise(values, who);
            return new MomentFigures(moment, moment.Dutch(), who, summary,
                summary is null ? null : [.. Enumerable.Range(1, 10).Select(mark => values.Count(v => Math.Clamp((int)Math.Floor(v), 1, 10) == mark))]);
        }).ToList();

        return new EffectReport(selection.NeighbourhoodId, neighbourhood, selection.From, selection.To, selection.Sample, selection.Seed,
            cases.Count, residents, wellbeing,
            shown && Statistics.Shown(known.Count) ? new SixWeeksFigures(known.Count, known.Count(k => k), (decimal)known.Count(k => k) / known.Count) : null,
            Costs("Alle casussen", locked, residentOf, priceYear), Costs("Nieuwe casussen", [.. locked.Where(a => !a.ExistingCare)], residentOf, priceYear),
            Costs("Bestaande casussen", [.. locked.Where(a => a.ExistingCare)], residentOf, priceYear),
            locked.Count, analyses.Count - locked.Count, priceYear,
            withCaseReferences ? [.. cases.Select(c => new CaseReference(c.Id, c.Number, locked.Any(a => a.CaseId == c.Id)))] : []);
    }

    /// <summary>
    /// The costs of a group of locked analyses (their prices are frozen in their lines), each brought to the report's
    /// price year with the index of the catalogue it was locked with; null below five residents.
    /// </summary>
    private CostGroup? Costs(string name, List<MicroAnalysis> group, Dictionary<Guid, Guid> residentOf, int priceYear)
    {
        var residents = group.Select(a => residentOf[a.CaseId]).Distinct().Count();
        if (!Statistics.Shown(residents) || group.Count == 0)
        {
            return null;
        }

        var results = group.Select(a =>
        {
            var catalogue = catalogues.Version(a.CatalogueVersion) ?? catalogues.Current;
            return (Result: AnalysisResult.Of(a, new Dictionary<string, UnitPrice>(), []), Factor: catalogue.Indexed(1m, a.PriceYear, priceYear));
        }).ToList();
        var months = results.Max(r => r.Result.HorizonMonths);
        decimal MeanAt(Func<AnalysisResult, IReadOnlyList<decimal>> series, int month) =>
            results.Average(r => series(r.Result)[Math.Min(month, r.Result.HorizonMonths - 1)] * r.Factor); // after its horizon, a case adds nothing more
        var lines = results.SelectMany(r => r.Result.Lines.Select(l => l with { Cost = l.Cost * r.Factor })).ToList();
        var byDomain = lines.GroupBy(l => l.LawDomain).Select(g => Split(g.Key.ToString(), Plans.LawDomainText.Dutch(g.Key), g)).OrderBy(s => s.Difference).ToList();
        var byPayer = lines.GroupBy(l => l.Payer).Select(g => Split(g.Key.ToString(), g.Key.Dutch(), g)).OrderBy(s => s.Difference).ToList();
        return new CostGroup(name, residents, group.Count,
            results.Sum(r => r.Result.Without * r.Factor), results.Sum(r => r.Result.With * r.Factor),
            results.Average(r => r.Result.Without * r.Factor), results.Average(r => r.Result.With * r.Factor),
            byDomain, byPayer,
            [.. Enumerable.Range(0, months).Select(m => decimal.Round(MeanAt(r => r.CumulativeWithout, m), 2))],
            [.. Enumerable.Range(0, months).Select(m => decimal.Round(MeanAt(r => r.CumulativeWith, m), 2))]);
    }

    private static CostSplit Split(string key, string name, IEnumerable<PricedLine> lines) =>
        new(key, name, lines.Where(l => l.Scenario == Scenario.Without).Sum(l => l.Cost), lines.Where(l => l.Scenario == Scenario.With).Sum(l => l.Cost));

    private sealed record CaseFacts(Guid Id, string Number, Guid ResidentId, DateOnly Deadline, DateTime? SolutionCarriedOutAtUtc);
}
