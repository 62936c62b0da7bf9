using System.Security.Claims;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Effects;

/// <summary>
/// The effect report of a neighbourhood the user works in: for coordinators, managers, directors and financiers.
/// Aggregates only; the coordinator also sees the case numbers, to open a case's analysis (with his reason).
/// </summary>
public sealed class EffectsPage(KeukentafelDbContext db, EffectReports reports, EffectReportExport export, CaseAccess access, TimeProvider time) : PageModel
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

    /// <summary>Null when the report is built; otherwise what to answer instead (a neighbourhood the user does not work in: 404).</summary>
    private async Task<IActionResult?> BuildAsync(AuditAction action)
    {
        var ct = HttpContext.RequestAborted;
        var staffId = User.StaffId();
        var mine = await db.StaffNeighbourhoods.AsNoTracking().Where(w => w.StaffMemberId == staffId)
            .Select(w => new { w.NeighbourhoodId, w.Neighbourhood!.Name, w.Neighbourhood.CoordinatorId }).ToListAsync(ct);
        var chosen = NeighbourhoodId is { } wanted ? mine.FirstOrDefault(n => n.NeighbourhoodId == wanted) : mine.OrderBy(n => n.Name, StringComparer.Ordinal).FirstOrDefault();
        Neighbourhoods = [.. mine.OrderBy(n => n.Name, StringComparer.Ordinal).Select(n => new SelectListItem(n.Name, n.NeighbourhoodId.ToString(), n.NeighbourhoodId == chosen?.NeighbourhoodId))];
        if (chosen is null)
        {
            await access.LogAsync(HttpContext, null, null, action, "effectrapportage van een andere wijk", ct, allowed: false);
            return NotFound();
        }

        // By default the last eight whole quarters.
        var today = DutchTime.Today(time);
        var lastQuarter = EffectReport.Quarters(today, today).From.AddDays(-1);
        var to = To ?? lastQuarter;
        var from = From ?? EffectReport.Quarters(lastQuarter, lastQuarter).From.AddMonths(-21);
        try
        {
            EffectReport.CheckPeriod(from, to);
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError("van", refused.Message);
        }

        if (Sample is < 1)
        {
            ModelState.AddModelError("steekproef", "Geef een steekproef van minstens 1 casus, of laat het veld leeg.");
        }

        if (!ModelState.IsValid)
        {
            return action == AuditAction.Read ? null : BadRequest();
        }

        try
        {
            Report = await reports.BuildAsync(new ReportSelection(chosen.NeighbourhoodId, from, to, Sample, null, PriceYear), chosen.CoordinatorId == staffId, ct);
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError("prijsjaar", refused.Message);
            return action == AuditAction.Read ? null : BadRequest();
        }

        await access.LogAsync(HttpContext, null, null, action, $"effectrapportage ({Report!.Cases} casussen)", ct);
        return null;
    }
}
