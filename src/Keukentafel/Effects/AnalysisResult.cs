using Keukentafel.Plans;

namespace Keukentafel.Effects;

/// <summary>A line with its price: what it costs in the analysis's euros (unit price × quantity × probability).</summary>
public sealed record PricedLine(
    Guid? LineId, Scenario Scenario, string Description, string Unit, decimal Quantity, [property: Web.Fraction] decimal Probability,
    int FromMonth, int ToMonth,
    LawDomain LawDomain, Payer Payer, decimal UnitPrice, decimal Cost, string Source, bool Estimate, bool FromPlan, string? Note);

/// <summary>Costs of one law domain or one payer in both scenarios. A negative difference is a saving.</summary>
public sealed record CostSplit(string Key, string Name, decimal Without, decimal With)
{
    public decimal Difference => With - Without;

    public static CostSplit Of(string key, string name, IEnumerable<PricedLine> lines) =>
        new(key, name, lines.Where(l => l.Scenario == Scenario.Without).Sum(l => l.Cost), lines.Where(l => l.Scenario == Scenario.With).Sum(l => l.Cost));
}

/// <summary>
/// What a micro-analysis comes to. Sums are exact (decimal, unrounded); the pages and exports round to cents.
/// <see cref="CumulativeWithout"/> and <see cref="CumulativeWith"/> are the costs up to and including each month,
/// each line spread evenly over its months: where the lines cross, the approach starts to pay for itself.
/// </summary>
public sealed record AnalysisResult(
    int HorizonMonths, int PriceYear, string CatalogueVersion, bool Locked, IReadOnlyList<PricedLine> Lines,
    IReadOnlyList<CostSplit> ByDomain, IReadOnlyList<CostSplit> ByPayer, IReadOnlyList<decimal> CumulativeWithout, IReadOnlyList<decimal> CumulativeWith)
{
    public decimal Without => Lines.Where(l => l.Scenario == Scenario.Without).Sum(l => l.Cost);
    public decimal With => Lines.Where(l => l.Scenario == Scenario.With).Sum(l => l.Cost);
    public decimal Difference => With - Without;

    /// <summary>"Wrong pocket": the payers who pay more with the approach.</summary>
    public IEnumerable<CostSplit> PayMore => ByPayer.Where(p => p.Difference > 0);

    /// <summary>The payers who save by it.</summary>
    public IEnumerable<CostSplit> Save => ByPayer.Where(p => p.Difference < 0);

    public static AnalysisResult Of(MicroAnalysis analysis, IReadOnlyDictionary<string, UnitPrice> prices, IReadOnlyList<PricedAction> actions)
    {
        var lines = analysis.CurrentLines
            .Select(l =>
            {
                var current = l.ItemCode is null ? null : prices.GetValueOrDefault(l.ItemCode);
                var unit = l.UnitPrice ?? current?.Price ?? 0;
                return new PricedLine(l.Id, l.Scenario, l.Description, l.Unit, l.Quantity, l.Probability, l.FromMonth, l.ToMonth, l.LawDomain, l.Payer,
                    unit, unit * l.Quantity * l.Probability, l.PriceSource ?? current?.Source ?? "",
                    l.UnitPrice is null ? current?.Estimate ?? true : l.PriceEstimate, l.PlanActionId is not null, l.Note);
            })
            .ToList();
        if (!analysis.IsLocked)
        {
            // While a draft, the "with" scenario follows the plan as it is now; locking writes these lines in.
            lines.AddRange(actions.Select(a => new PricedLine(null, Scenario.With, a.What, "actie", 1, 1, a.Month, a.Month, a.LawDomain, a.Payer, a.Cost,
                a.Cost, "Verwachte kosten in het plan van de casus", false, true, null)));
        }

        return new AnalysisResult(analysis.HorizonMonths, analysis.PriceYear, analysis.CatalogueVersion, analysis.IsLocked, lines,
            Split(lines, l => l.LawDomain.ToString(), l => l.LawDomain.Dutch()), Split(lines, l => l.Payer.ToString(), l => l.Payer.Dutch()),
            Cumulative(lines, Scenario.Without, analysis.HorizonMonths), Cumulative(lines, Scenario.With, analysis.HorizonMonths));
    }

    private static List<CostSplit> Split(List<PricedLine> lines, Func<PricedLine, string> key, Func<PricedLine, string> name) =>
        [.. lines.GroupBy(key).Select(g => CostSplit.Of(g.Key, name(g.First()), g)).OrderBy(s => s.Difference)];

    private static decimal[] Cumulative(List<PricedLine> lines, Scenario scenario, int months)
    {
        var perMonth = new decimal[months];
        foreach (var line in lines.Where(l => l.Scenario == scenario))
        {
            var span = line.ToMonth - line.FromMonth + 1;
            for (var m = line.FromMonth; m <= Math.Min(line.ToMonth, months); m++)
            {
                perMonth[m - 1] += line.Cost / span;
            }
        }

        for (var m = 1; m < months; m++)
        {
            perMonth[m] += perMonth[m - 1];
        }

        return perMonth;
    }
}
