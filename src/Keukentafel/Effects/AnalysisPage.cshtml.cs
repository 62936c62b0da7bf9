using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Keukentafel.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Keukentafel.Effects;

/// <summary>The case's micro-analysis: what would have happened without the approach against what did, in euros.</summary>
public sealed class AnalysisPage(CaseWork work, CaseFiles files, Analyses analyses, CostCatalogues catalogues, Prices prices) : CasePageModel(work, files)
{
    public AnalysisFile Analysis { get; private set; } = null!;

    public TermsInput Terms { get; set; } = new();
    public LineInput Line { get; set; } = new();
    public RemoveInput Remove { get; set; } = new();
    public NewVersionInput NewVersion { get; set; } = new();

    public IReadOnlyList<SelectListItem> Items => [.. Analysis.Prices.Select(p => new SelectListItem(
        $"{p.Name} ({p.Price.ToString("C", CultureInfo.GetCultureInfo("nl-NL"))} per {p.Unit}){(p.Estimate ? ", schatting" : "")}", p.Code))];

    public Task<IActionResult> OnPostStartAsync() => ChangeAsync(Terms, nameof(Terms),
        (c, by, now) => c.StartAnalysis(Terms.HorizonMonths!.Value, Terms.PriceYear!.Value, catalogues.Current, Terms.ExistingCare, Terms.Assumptions, by, now),
        "De kostenanalyse is begonnen.");

    public Task<IActionResult> OnPostTermsAsync() => ChangeAsync(Terms, nameof(Terms),
        (c, by, now) => c.ChangeAnalysisTerms(Terms.HorizonMonths!.Value, Terms.PriceYear!.Value, catalogues.Current, Terms.ExistingCare, Terms.Assumptions,
            by, now),
        "De uitgangspunten zijn aangepast.");

    public Task<IActionResult> OnPostLineAsync() =>
        ChangeAsync(Line, nameof(Line), async (c, by, now) =>
        {
            var price = await prices.ForCaseAsync(c, Line.ItemCode, HttpContext.RequestAborted);
            var quantity = Line.QuantityValue()
                ?? throw DomainException.About("Quantity", "analysis.quantity_format", "Geef een aantal, bijvoorbeeld 3 of 1,5.");
            c.AddCostLine(Line.Scenario, price, quantity, Line.ProbabilityPercent!.Value / 100m, Line.FromMonth!.Value, Line.ToMonth!.Value, Line.Note, by,
                now);
        }, "De regel is toegevoegd.");

    public Task<IActionResult> OnPostRemoveAsync() => ChangeAsync(Remove, nameof(Remove), (c, by, now) => c.RemoveCostLine(Remove.LineId, by, now),
        "De regel is eruit gehaald. Hij blijft in de geschiedenis.");

    public Task<IActionResult> OnPostLockAsync() => ApplyAsync((c, by, now) => prices.LockAnalysisAsync(c, by, now, HttpContext.RequestAborted),
        "De kostenanalyse is gecontroleerd en vastgezet.");

    public Task<IActionResult> OnPostNewVersionAsync() => ChangeAsync(NewVersion, nameof(NewVersion),
        (c, by, now) => c.NewAnalysisVersion(NewVersion.Reason, catalogues.Current, by, now),
        "Er is een nieuwe versie van de kostenanalyse. Pas hem aan; daarna controleert een collega hem opnieuw en zet hem vast.");

    protected override async Task PrepareAsync()
    {
        Analysis = await analyses.ForCaseAsync(Decision.CaseId, HttpContext.RequestAborted);
        if (!ModelState.ContainsKey("Terms.HorizonMonths"))
        {
            Terms = Analysis.Terms is { } t
                ? new TermsInput { HorizonMonths = t.HorizonMonths, PriceYear = t.PriceYear, ExistingCare = t.ExistingCare, Assumptions = t.Assumptions }
                : new TermsInput { HorizonMonths = Analyses.DefaultHorizonMonths, PriceYear = Analysis.DefaultPriceYear };
        }

        if (!ModelState.ContainsKey("Line.ItemCode"))
        {
            Line = new LineInput { ProbabilityPercent = 100, FromMonth = 1, ToMonth = Analysis.Terms?.HorizonMonths ?? Analyses.DefaultHorizonMonths };
        }
    }
}

public sealed class TermsInput
{
    [Required(ErrorMessage = "Geef de horizon in maanden."),
        Range(1, MicroAnalysis.MaxHorizonMonths, ErrorMessage = "Kies een horizon van 1 tot en met 60 maanden.")]
    public int? HorizonMonths { get; set; }

    [Required(ErrorMessage = "Geef het prijsjaar.")]
    public int? PriceYear { get; set; }

    public bool ExistingCare { get; set; }

    [StringLength(8000)]
    public string? Assumptions { get; set; }
}

public sealed class LineInput
{
    public Scenario Scenario { get; set; }

    [Required(ErrorMessage = "Kies een onderdeel uit de kostencatalogus.")]
    public string? ItemCode { get; set; }

    /// <summary>As typed: "1,5" and "1.5" are the same.</summary>
    [Required(ErrorMessage = "Geef het aantal.")]
    public string? Quantity { get; set; }

    [Required(ErrorMessage = "Geef de kans in procent."), Range(1, 100, ErrorMessage = "Geef een kans van 1 tot en met 100 procent.")]
    public int? ProbabilityPercent { get; set; }

    [Required(ErrorMessage = "Geef de eerste maand.")]
    public int? FromMonth { get; set; }

    [Required(ErrorMessage = "Geef de laatste maand.")]
    public int? ToMonth { get; set; }

    [StringLength(2000)]
    public string? Note { get; set; }

    public decimal? QuantityValue() => Web.DutchNumber.Parse(Quantity);
}

public sealed class RemoveInput
{
    public Guid LineId { get; set; }
}

public sealed class NewVersionInput
{
    [Required(ErrorMessage = "Schrijf op waarom er een nieuwe versie van de analyse komt.")]
    [StringLength(2000, ErrorMessage = "Schrijf de reden in hooguit 2000 tekens.")]
    public string? Reason { get; set; }
}
