using System.Globalization;
using Keukentafel.Effects;
using Keukentafel.Plans;

namespace Keukentafel.Cases;

/// <summary>The case's micro-analysis (core rule 8): every change to it is a change to the case, with its history and version check.</summary>
public sealed partial class Case
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Every version of the micro-analysis, the replaced ones too: replaced versions stay as they were locked.</summary>
    public List<MicroAnalysis> Analyses { get; } = [];

    /// <summary>The analysis that counts: the one version not replaced (null before one is started).</summary>
    public MicroAnalysis? Analysis => Analyses.SingleOrDefault(a => a.ReplacedAtUtc is null);

    public MicroAnalysis StartAnalysis(int horizonMonths, int priceYear, CostCatalogue catalogue, bool existingCare, string? assumptions, Actor by,
        DateTime nowUtc)
    {
        if (Analysis is not null)
        {
            throw DomainException.Conflict("analysis.exists", "Deze casus heeft al een kostenanalyse.");
        }

        var analysis = new MicroAnalysis(Id, horizonMonths, priceYear, catalogue, existingCare, assumptions, by, nowUtc);
        Analyses.Add(analysis);
        Record(by, nowUtc, "analysis.started", $"Kostenanalyse begonnen: {horizonMonths} maanden, prijzen van {priceYear} (catalogus {catalogue.Version}).",
            null, new { analysis.Id, horizonMonths, priceYear, Catalogue = catalogue.Version, existingCare, analysis.Assumptions });
        return analysis;
    }

    /// <summary>
    /// A locked analysis turned out wrong or outdated: a new version starts as a draft with the same terms and lines,
    /// to be reviewed and locked again by a colleague; the locked one is kept, marked as replaced, with the reason.
    /// </summary>
    public MicroAnalysis NewAnalysisVersion(string? reason, CostCatalogue catalogue, Actor by, DateTime nowUtc)
    {
        var old = RequireAnalysis();
        var next = old.Replace(reason, catalogue, by, nowUtc);
        Analyses.Add(next);
        Record(by, nowUtc, "analysis.new_version", $"Nieuwe versie {next.Number} van de kostenanalyse begonnen. Waarom: {old.ReplacedReason}",
            new { old.Id, old.Number }, new { next.Id, next.Number });
        return next;
    }

    public void ChangeAnalysisTerms(int horizonMonths, int priceYear, CostCatalogue catalogue, bool existingCare, string? assumptions, Actor by,
        DateTime nowUtc)
    {
        var analysis = RequireAnalysis();
        var before = new { analysis.HorizonMonths, analysis.PriceYear, analysis.ExistingCare, analysis.Assumptions };
        analysis.SetTerms(horizonMonths, priceYear, catalogue, existingCare, assumptions);
        Record(by, nowUtc, "analysis.terms_changed", "Uitgangspunten van de kostenanalyse aangepast.", before,
            new { analysis.HorizonMonths, analysis.PriceYear, analysis.ExistingCare, analysis.Assumptions });
    }

    public AnalysisLine AddCostLine(Scenario scenario, UnitPrice price, decimal quantity, decimal probability, int fromMonth, int toMonth, string? note,
        Actor by, DateTime nowUtc)
    {
        var line = RequireAnalysis().AddLine(scenario, price, quantity, probability, fromMonth, toMonth, note, by, nowUtc);
        Record(by, nowUtc, "analysis.line_added",
            $"{scenario.Dutch()}: {quantity.ToString("0.##", Nl)} × {price.Name} ({price.Unit}), kans {probability.ToString("P0", Nl)}, "
                + $"maand {fromMonth}{(toMonth == fromMonth ? "" : $" tot en met {toMonth}")}.",
            null, new { line.Id, Scenario = scenario.ToString(), line.ItemCode, quantity, probability, fromMonth, toMonth, line.Note });
        return line;
    }

    public void RemoveCostLine(Guid lineId, Actor by, DateTime nowUtc)
    {
        var line = RequireAnalysis().RemoveLine(lineId, by, nowUtc);
        Record(by, nowUtc, "analysis.line_removed", $"Regel uit de kostenanalyse gehaald: {line.Description}.",
            new { line.Id, line.Description, line.Quantity }, null);
    }

    /// <summary>A colleague reviews and locks the analysis: the prices of the moment and the plan's costs are written into it.</summary>
    public void LockAnalysis(CostCatalogue catalogue, IReadOnlyDictionary<string, UnitPrice> prices, Actor by, DateTime nowUtc)
    {
        var analysis = RequireAnalysis();
        analysis.Lock(catalogue, prices, PricedActions(catalogue, analysis), by, nowUtc);
        Record(by, nowUtc, "analysis.locked", $"Kostenanalyse gecontroleerd en vastgezet door {by.Description}.", null,
            new { analysis.Id, analysis.CatalogueVersion, analysis.LockedAtUtc });
    }

    /// <summary>
    /// The plan's actions with a cost (not dropped) due within the horizon, in the analysis's euros (indexed from the
    /// year they were planned), in the month they are due (month 1: the month of the signal).
    /// </summary>
    public IReadOnlyList<PricedAction> PricedActions(CostCatalogue catalogue, MicroAnalysis analysis)
    {
        var start = DutchTime.Date(SignalledAtUtc);
        return [.. Actions.Where(a => a.Status != ActionStatus.Dropped && a.ExpectedCost is > 0)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => (Action: a, Month: Math.Max(1, ((a.DueDate.Year - start.Year) * 12) + a.DueDate.Month - start.Month + 1)))
            .Where(x => x.Month <= analysis.HorizonMonths) // due after the horizon: outside what the analysis looks at
            .Select(x =>
            {
                var year = Math.Clamp(DutchTime.Date(x.Action.CreatedAtUtc).Year, catalogue.FirstYear, catalogue.LastYear);
                return new PricedAction(x.Action.Id, x.Action.What, x.Action.LawDomain, PayerText.DefaultFor(x.Action.LawDomain),
                    catalogue.Indexed(x.Action.ExpectedCost!.Value, year, analysis.PriceYear), x.Month);
            })];
    }

    private MicroAnalysis RequireAnalysis() => Analysis ?? throw DomainException.Conflict("analysis.none", "Begin eerst een kostenanalyse voor deze casus.");
}
