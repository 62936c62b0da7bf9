using System.Globalization;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Keukentafel.Neighbourhoods;

/// <summary>
/// A report about one neighbourhood the user works in, over a period, shown as a page and downloaded as files (the effect
/// report, the bottleneck report). A neighbourhood he does not work in is not his (404, logged, <see cref="WorkAreas"/>);
/// a period or setting the report refuses is said beside its field on the page, and a download is then 400.
/// </summary>
public abstract class NeighbourhoodReportPage(WorkAreas workAreas) : PageModel, IRefusablePage
{
    public IReadOnlyList<SelectListItem> Neighbourhoods { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "wijk")]
    public Guid? NeighbourhoodId { get; set; }

    [BindProperty(SupportsGet = true, Name = "van")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "tot")]
    public DateOnly? To { get; set; }

    /// <summary>A download is asked for: a refusal is then 400, not the page.</summary>
    protected bool Exporting { get; private set; }

    /// <summary>The field a refusal of the report is about (default: the period's first date).</summary>
    protected string RefusedField { get; set; } = "van";

    /// <summary>The neighbourhood to report on, chosen from those the user works in; <paramref name="part"/> names the report in the log.</summary>
    protected async Task<WorkAreaChoice> ChooseAsync(AuditAction action, string part)
    {
        Exporting = action == AuditAction.Export;
        var chosen = await workAreas.ChooseAsync(NeighbourhoodId, action, part, HttpContext.RequestAborted);
        Neighbourhoods = chosen.Options;
        return chosen;
    }

    /// <summary>The answer to input the report cannot use, beside its field: the page, or for a download 400.</summary>
    protected IActionResult? Invalid(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return Exporting ? BadRequest() : null;
    }

    /// <summary>A file name's part for a neighbourhood and period: rietvelden-20260101-20261231.</summary>
    protected static string Slug(string neighbourhood, DateOnly from, DateOnly to) =>
        $"{neighbourhood.ToLowerInvariant().Replace(' ', '-')}-{from:yyyyMMdd}-{to:yyyyMMdd}";

    /// <summary>The query of a report, for the links to its downloads: the neighbourhood, the period, and what else it was made with.</summary>
    protected static string Query(string? handler, Guid? neighbourhoodId, DateOnly? from, DateOnly? to, params (string Name, string? Value)[] more) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["handler"] = handler,
            ["wijk"] = neighbourhoodId?.ToString(),
            ["van"] = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["tot"] = to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }.Concat(more.Select(m => new KeyValuePair<string, string?>(m.Name, m.Value))).Where(p => p.Value is not null)).ToString();

    public string? FieldKey(DomainException refused) => RefusedField;

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => Task.FromResult<IActionResult>(Exporting ? BadRequest() : Page());
}
