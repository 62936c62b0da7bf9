using System.Security.Claims;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Keukentafel.Effects;

/// <summary>
/// The effect report of a neighbourhood the user works in: for coordinators, managers, directors and financiers.
/// Aggregates only; the coordinator also sees the case numbers, to open a case's analysis (with his reason).
/// </summary>
public sealed class EffectsPage(WorkAreas workAreas, EffectReports reports, EffectReportExport export, CaseAccess access, TimeProvider time)
    : PageModel, Web.IRefusablePage
{
    public EffectReport? Report { get; private set; }
    public IReadOnlyList<SelectListItem> Neighbourhoods { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "wijk")]
    public Guid? NeighbourhoodId { get; set; }

    [BindProperty(SupportsGet = true, Name = "van")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "tot")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "steekproef")]
    public int? Sample { get; set; }

    [BindProperty(SupportsGet = true, Name = "prijsjaar")]
    public int? PriceYear { get; set; }

    private bool exporting;
    private string? refusedField;

    public async Task<IActionResult> OnGetAsync()
    {
        return await BuildAsync(AuditAction.Read) ?? Page();
    }

    public async Task<IActionResult> OnGetCsvAsync() => await BuildAsync(AuditAction.Export)
        ?? File(EffectReportExport.Csv(Report!), "text/csv; charset=utf-8", $"effecten-{Slug}.csv");

    public async Task<IActionResult> OnGetXlsxAsync() => await BuildAsync(AuditAction.Export)
        ?? File(EffectReportExport.Xlsx(Report!), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"effecten-{Slug}.xlsx");

    public async Task<IActionResult> OnGetPdfAsync() => await BuildAsync(AuditAction.Export)
        ?? File(export.Pdf(Report!, Privacy.AccessLogExport.MadeFor($"{Report!.Cases} casussen aangebracht van {Report.From:d-M-yyyy} tot en met {Report.To:d-M-yyyy}; voor {User.FindFirstValue(AccountClaims.DisplayName)}", time)),
            "application/pdf", $"effecten-{Slug}.pdf");

    /// <summary>The query of this report, for the links to its downloads.</summary>
    public string Query(string? handler = null) => QueryString.Create(new Dictionary<string, string?>
    {
        ["handler"] = handler,
        ["wijk"] = Report?.NeighbourhoodId.ToString(),
        ["van"] = Report?.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["tot"] = Report?.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["steekproef"] = Report?.Sample?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["prijsjaar"] = Report?.PriceYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToString();

    private string Slug => $"{Report!.Neighbourhood.ToLowerInvariant().Replace(' ', '-')}-{Report.From:yyyyMMdd}-{Report.To:yyyyMMdd}";

    /// <summary>
    /// Null when the report is built; otherwise what to answer instead: the page with the message beside the field, or for a
    /// download 400. A neighbourhood the user does not work in is not his (404, see <see cref="WorkAreas"/>).
    /// </summary>
    private async Task<IActionResult?> BuildAsync(AuditAction action)
    {
        var ct = HttpContext.RequestAborted;
        exporting = action == AuditAction.Export;
        var chosen = await workAreas.ChooseAsync(HttpContext, NeighbourhoodId, action, "effectrapportage", ct);
        Neighbourhoods = chosen.Options;

        // By default the last eight whole quarters.
        var today = DutchTime.Today(time);
        var lastQuarter = EffectReport.Quarters(today, today).From.AddDays(-1);
        var to = To ?? lastQuarter;
        var from = From ?? EffectReport.Quarters(lastQuarter, lastQuarter).From.AddMonths(-21);
        if (Sample is < 1)
        {
            ModelState.AddModelError("steekproef", "Geef een steekproef van minstens 1 casus, of laat het veld leeg.");
            return Invalid();
        }

        refusedField = "van";
        EffectReport.CheckPeriod(from, to);
        refusedField = "prijsjaar";
        Report = await reports.BuildAsync(new ReportSelection(chosen.Id, from, to, Sample, null, PriceYear), chosen.CoordinatorId == User.StaffId(), ct);
        await access.LogAsync(HttpContext, null, null, action, $"effectrapportage ({Report!.Cases} casussen)", ct);
        return null;
    }

    /// <summary>A period or price year the report cannot use: the message beside that field.</summary>
    public string? FieldKey(DomainException refused) => refusedField;

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => Task.FromResult<IActionResult>(exporting ? BadRequest() : Page());

    private BadRequestResult? Invalid() => exporting ? BadRequest() : null;
}
