using Keukentafel.Cases;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Effects;

/// <summary>A case's micro-analysis as the team reads it: the terms, every line (removed ones too), and what it comes to.</summary>
public sealed record AnalysisFile(
    Guid CaseId, int Version, AnalysisTerms? Terms, AnalysisResult? Result, IReadOnlyList<AnalysisLineView> Lines, string CurrentCatalogue,
    IReadOnlyList<UnitPrice> Prices, int DefaultPriceYear, IReadOnlyList<ReplacedAnalysis> Replaced);

/// <summary>The terms of the version that counts; <see cref="Number"/> is 1 for the first version.</summary>
public sealed record AnalysisTerms(
    Guid Id, int HorizonMonths, int PriceYear, string CatalogueVersion, bool ExistingCare, string? Assumptions,
    string CreatedBy, DateTime CreatedAtUtc, string? LockedBy, DateTime? LockedAtUtc, bool Locked, int Number);

/// <summary>An earlier version, as it was locked: its outcome in its own frozen prices, who replaced it, when and why.</summary>
public sealed record ReplacedAnalysis(Guid Id, int Number, int PriceYear, string? LockedBy, DateTime? LockedAtUtc, decimal Without, decimal With,
    decimal Difference, string? ReplacedBy, DateTime ReplacedAtUtc, string? Reason);

public sealed record AnalysisLineView(Guid Id, Scenario Scenario, string Description, decimal Quantity,
    [property: Web.Fraction] decimal Probability, int FromMonth, int ToMonth,
    string AddedBy, DateTime AddedAtUtc, string? RemovedBy, DateTime? RemovedAtUtc);

/// <summary>Reads micro-analyses (after the case access check) and prices them.</summary>
public sealed class Analyses(KeukentafelDbContext db, CostCatalogues catalogues, Prices prices, TimeProvider time)
{
    public const int DefaultHorizonMonths = 12;

    /// <summary>New analyses price in euros of this year, when the index has it (else the newest year it has).</summary>
    public int DefaultPriceYear => catalogues.Current.PriceYearFor(DutchTime.Today(time));

    public async Task<AnalysisFile> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var @case = await db.Cases.AsNoTracking().Include(c => c.Actions).Include(c => c.Analyses).ThenInclude(a => a.Lines)
            .AsSplitQuery().SingleAsync(c => c.Id == caseId, ct);
        var analysis = @case.Analysis;
        var replaced = @case.Analyses.Where(a => a.ReplacedAtUtc is not null).OrderByDescending(a => a.Number)
            .Select(a => (Analysis: a, Result: AnalysisResult.Of(a, new Dictionary<string, UnitPrice>(), [])))
            .Select(x => new ReplacedAnalysis(x.Analysis.Id, x.Analysis.Number, x.Analysis.PriceYear, x.Analysis.LockedByName, x.Analysis.LockedAtUtc,
                x.Result.Without, x.Result.With, x.Result.Difference, x.Analysis.ReplacedByName, x.Analysis.ReplacedAtUtc!.Value, x.Analysis.ReplacedReason))
            .ToList();
        var catalogue = catalogues.Current;
        // A locked analysis has its prices frozen in its lines: today's prices play no part in it.
        IReadOnlyDictionary<string, UnitPrice> unitPrices = analysis is { IsLocked: true }
            ? new Dictionary<string, UnitPrice>()
            : await prices.ForAsync(@case.NeighbourhoodId, catalogue, analysis?.PriceYear ?? DefaultPriceYear, ct);
        var list = unitPrices.Values.OrderBy(p => p.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true)).ToList();
        if (analysis is null)
        {
            return new AnalysisFile(caseId, @case.Version, null, null, [], catalogues.Current.Version, list, DefaultPriceYear, replaced);
        }

        var result = AnalysisResult.Of(analysis, unitPrices, analysis.IsLocked ? [] : @case.PricedActions(catalogue, analysis));
        var terms = new AnalysisTerms(analysis.Id, analysis.HorizonMonths, analysis.PriceYear, analysis.CatalogueVersion, analysis.ExistingCare,
            analysis.Assumptions, analysis.CreatedByName, analysis.CreatedAtUtc, analysis.LockedByName, analysis.LockedAtUtc, analysis.IsLocked,
            analysis.Number);
        var lines = analysis.Lines.Where(l => l.PlanActionId is null).OrderBy(l => l.AddedAtUtc).ThenBy(l => l.Id)
            .Select(l => new AnalysisLineView(l.Id, l.Scenario, l.Description, l.Quantity, l.Probability, l.FromMonth, l.ToMonth, l.AddedByName, l.AddedAtUtc,
                l.RemovedByName, l.RemovedAtUtc))
            .ToList();
        return new AnalysisFile(caseId, @case.Version, terms, result, lines, catalogues.Current.Version, list, DefaultPriceYear, replaced);
    }
}
