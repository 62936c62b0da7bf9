using System.Security.Claims;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace Keukentafel.Learning;

/// <summary>The bottleneck report of a neighbourhood the user works in, for coordinators, managers, directors and financiers; counts only.</summary>
public sealed class BottleneckReportPage(WorkAreas workAreas, BottleneckReports reports, BottleneckReportExport export, CaseAccess access, TimeProvider time)
    : NeighbourhoodReportPage(workAreas)
{
    public BottleneckReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await BuildAsync(AuditAction.Read) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync() => await BuildAsync(AuditAction.Export)
        ?? File(BottleneckReportExport.Xlsx(Report!), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"knelpunten-{FileSlug}.xlsx");

    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (await BuildAsync(AuditAction.Export) is { } refused)
        {
            return refused;
        }

        var madeFor = $"Van {Report!.From:d-M-yyyy} tot en met {Report.To:d-M-yyyy}; voor {User.FindFirstValue(AccountClaims.DisplayName)}";
        return File(export.Pdf(Report, AccessLogExport.MadeFor(madeFor, time)), "application/pdf", $"knelpunten-{FileSlug}.pdf");
    }

    /// <summary>The query of this report, for the links to its downloads.</summary>
    public string Query(string handler) => Query(handler, Report!.NeighbourhoodId, Report.From, Report.To);

    private string FileSlug => Slug(Report!.Neighbourhood, Report.From, Report.To);

    /// <summary>Null when the report is built; otherwise what to answer instead (see <see cref="NeighbourhoodReportPage"/>).</summary>
    private async Task<IActionResult?> BuildAsync(AuditAction action)
    {
        var chosen = await ChooseAsync(action, "knelpuntenrapportage");
        var (from, to) = BottleneckReports.DefaultPeriod(DutchTime.Today(time));
        Report = await reports.BuildAsync(chosen.Id, From ?? from, To ?? to, HttpContext.RequestAborted);
        await access.LogAsync(null, null, action, "knelpuntenrapportage", HttpContext.RequestAborted);
        return null;
    }
}
