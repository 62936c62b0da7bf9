using System.Security.Claims;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Learning;

/// <summary>The bottleneck report of a neighbourhood the user works in, for coordinators, managers, directors and financiers; counts only.</summary>
public sealed class BottleneckReportPage(KeukentafelDbContext db, BottleneckReports reports, BottleneckReportExport export, CaseAccess access, TimeProvider time) : PageModel
{
    public BottleneckReport? Report { get; private set; }
    public IReadOnlyList<SelectListItem> Neighbourhoods { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "wijk")]
    public Guid? NeighbourhoodId { get; set; }

    [BindProperty(SupportsGet = true, Name = "van")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "tot")]
    public DateOnly? To { get; set; }

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

    /// <summary>Null when the report is built; otherwise what to answer instead (a neighbourhood the user does not work in: 404).</summary>
    private async Task<IActionResult?> BuildAsync(AuditAction action)
    {
        var ct = HttpContext.RequestAborted;
        var staffId = User.StaffId();
        var mine = await db.StaffNeighbourhoods.AsNoTracking().Where(w => w.StaffMemberId == staffId)
            .Select(w => new { w.NeighbourhoodId, w.Neighbourhood!.Name }).ToListAsync(ct);
        var chosen = NeighbourhoodId is { } wanted ? mine.FirstOrDefault(n => n.NeighbourhoodId == wanted) : mine.OrderBy(n => n.Name, StringComparer.Ordinal).FirstOrDefault();
        Neighbourhoods = [.. mine.OrderBy(n => n.Name, StringComparer.Ordinal).Select(n => new SelectListItem(n.Name, n.NeighbourhoodId.ToString(), n.NeighbourhoodId == chosen?.NeighbourhoodId))];
        if (chosen is null)
        {
            await access.LogAsync(HttpContext, null, null, action, "knelpuntenrapportage van een andere wijk", ct, allowed: false);
            return NotFound();
        }

        var (from, to) = BottleneckReports.DefaultPeriod(DutchTime.Today(time));
        try
        {
            Report = await reports.BuildAsync(chosen.NeighbourhoodId, From ?? from, To ?? to, ct);
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError("van", refused.Message);
            return action == AuditAction.Read ? null : BadRequest();
        }

        await access.LogAsync(HttpContext, null, null, action, "knelpuntenrapportage", ct);
        return null;
    }
}
