using System.Security.Claims;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Keukentafel.Learning;

/// <summary>The bottleneck report of a neighbourhood the user works in, for coordinators, managers, directors and financiers; counts only.</summary>
public sealed class BottleneckReportPage(WorkAreas workAreas, BottleneckReports reports, BottleneckReportExport export, CaseAccess access, TimeProvider time)
    : PageModel, Web.IRefusablePage
{
    public BottleneckReport? Report { get; private set; }
    public IReadOnlyList<SelectListItem> Neighbourhoods { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "wijk")]
    public Guid? NeighbourhoodId { get; set; }

    [BindProperty(SupportsGet = true, Name = "van")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "tot")]
    public DateOnly? To { get; set; }

    private bool exporting;

    public async Task<IActionResult> OnGetAsync() => await BuildAsync(AuditAction.Read) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync() => await BuildAsync(AuditAction.Export)
        ?? File(BottleneckReportExport.Xlsx(Report!), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"knelpunten-{Slug}.xlsx");

    public async Task<IActionResult> OnGetPdfAsync() => await BuildAsync(AuditAction.Export)
        ?? File(export.Pdf(Report!, AccessLogExport.MadeFor($"Van {Report!.From:d-M-yyyy} tot en met {Report.To:d-M-yyyy}; voor {User.FindFirstValue(AccountClaims.DisplayName)}", time)),
            "application/pdf", $"knelpunten-{Slug}.pdf");

    /// <summary>The query of this report, for the links to its downloads.</summary>
    public string Query(string handler) => QueryString.Create(new Dictionary<string, string?>
    {
        ["handler"] = handler,
        ["wijk"] = Report!.NeighbourhoodId.ToString(),
        ["van"] = Report.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["tot"] = Report.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    }).ToString();

    private string Slug => $"{Report!.Neighbourhood.ToLowerInvariant().Replace(' ', '-')}-{Report.From:yyyyMMdd}-{Report.To:yyyyMMdd}";

    /// <summary>
    /// Null when the report is built; otherwise what to answer instead: the page with the message beside the period, or for
    /// a download 400. A neighbourhood the user does not work in is not his (404, see <see cref="WorkAreas"/>).
    /// </summary>
    private async Task<IActionResult?> BuildAsync(AuditAction action)
    {
        var ct = HttpContext.RequestAborted;
        exporting = action == AuditAction.Export;
        var chosen = await workAreas.ChooseAsync(HttpContext, NeighbourhoodId, action, "knelpuntenrapportage", ct);
        Neighbourhoods = chosen.Options;
        var (from, to) = BottleneckReports.DefaultPeriod(DutchTime.Today(time));
        Report = await reports.BuildAsync(chosen.Id, From ?? from, To ?? to, ct);
        await access.LogAsync(HttpContext, null, null, action, "knelpuntenrapportage", ct);
        return null;
    }

    /// <summary>A period the report cannot cover: the message beside its first date.</summary>
    public string? FieldKey(DomainException refused) => "van";

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => Task.FromResult<IActionResult>(exporting ? BadRequest() : Page());
}
