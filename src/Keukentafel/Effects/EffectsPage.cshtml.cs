using System.Globalization;
using System.Security.Claims;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace Keukentafel.Effects;

/// <summary>
/// The effect report of a neighbourhood the user works in: for coordinators, managers, directors and financiers.
/// Aggregates only; the coordinator also sees the case numbers, to open a case's analysis (with his reason).
/// </summary>
public sealed class EffectsPage(WorkAreas workAreas, EffectReports reports, EffectReportExport export, CaseAccess access, TimeProvider time)
    : NeighbourhoodReportPage(workAreas)
{
    public EffectReport? Report { get; private set; }

    [BindProperty(SupportsGet = true, Name = "steekproef")]
    public int? Sample { get; set; }

    [BindProperty(SupportsGet = true, Name = "prijsjaar")]
    public int? PriceYear { get; set; }

    /// <summary>What the period counts by: "aangebracht" (signalled, the default) or "afgesloten" (closed).</summary>
    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? PeriodName { get; set; }

    public ReportPeriod Period => PeriodName == "afgesloten" ? ReportPeriod.Closed : ReportPeriod.Signalled;

    public async Task<IActionResult> OnGetAsync() => await BuildAsync(AuditAction.Read) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync() => await BuildAsync(AuditAction.Export)
        ?? File(EffectReportExport.Csv(Report!), "text/csv; charset=utf-8", $"effecten-{FileSlug}.csv");

    public async Task<IActionResult> OnGetXlsxAsync() => await BuildAsync(AuditAction.Export)
        ?? File(EffectReportExport.Xlsx(Report!), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"effecten-{FileSlug}.xlsx");

    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (await BuildAsync(AuditAction.Export) is { } refused)
        {
            return refused;
        }

        var madeFor = $"{Report!.Cases} casussen {Report.PeriodText} van {Report.From:d-M-yyyy} tot en met {Report.To:d-M-yyyy}; "
            + $"voor {User.FindFirstValue(AccountClaims.DisplayName)}";
        return File(export.Pdf(Report, AccessLogExport.MadeFor(madeFor, time)), "application/pdf", $"effecten-{FileSlug}.pdf");
    }

    /// <summary>The query of this report, for the links to its downloads.</summary>
    public string Query(string? handler = null) => Query(handler, Report?.NeighbourhoodId, Report?.From, Report?.To,
        ("steekproef", Report?.Sample?.ToString(CultureInfo.InvariantCulture)), ("prijsjaar", Report?.PriceYear.ToString(CultureInfo.InvariantCulture)),
        ("periode", Report?.Period == ReportPeriod.Closed ? "afgesloten" : null));

    private string FileSlug => Slug(Report!.Neighbourhood, Report.From, Report.To);

    /// <summary>Null when the report is built; otherwise what to answer instead (see <see cref="NeighbourhoodReportPage"/>).</summary>
    private async Task<IActionResult?> BuildAsync(AuditAction action)
    {
        var chosen = await ChooseAsync(action, "effectrapportage");

        var (defaultFrom, defaultTo) = EffectReport.DefaultPeriod(DutchTime.Today(time));
        var to = To ?? defaultTo;
        var from = From ?? defaultFrom;
        if (Sample is < 1)
        {
            return Invalid("steekproef", "Geef een steekproef van minstens 1 casus, of laat het veld leeg.");
        }

        RefusedField = "van";
        EffectReport.CheckPeriod(from, to);
        RefusedField = "prijsjaar";
        var ct = HttpContext.RequestAborted;
        Report = await reports.BuildAsync(new ReportSelection(chosen.Id, from, to, Sample, null, PriceYear, Period), chosen.CoordinatorId == User.StaffId(),
            ct);
        await access.LogAsync(null, null, action, $"effectrapportage ({Report!.Cases} casussen)", ct);
        return null;
    }
}
