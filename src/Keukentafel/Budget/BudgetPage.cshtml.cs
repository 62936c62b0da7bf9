using Keukentafel.Accounts;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Budget;

/// <summary>
/// The monthly dashboard of the shared budget of a neighbourhood the user works in: charts with the table behind each,
/// downloads, the forecast; financed actions for the coordinator (all) and a manager (his organisation's), where the
/// coordinator also settles pre-financing. Aggregates only for directors and financiers.
/// </summary>
public sealed class BudgetPage(Dashboards dashboards, Financing financing, CaseAccess access) : PageModel, Web.IRefusablePage
{
    public DashboardView? View { get; private set; }

    public BudgetDashboard Dashboard => View!.Dashboard;

    public string? Message { get; private set; }

    /// <summary>The action whose settlement was refused: its form shows the message.</summary>
    public Guid? Refused { get; private set; }

    public string? RefusedMessage { get; private set; }

    /// <summary>The case and resident of the settlement being recorded, to log its refusal.</summary>
    private (Guid CaseId, Guid ResidentId)? settling;

    public bool Settles => User.IsInRole(Roles.Coordinator);

    public async Task<IActionResult> OnGetAsync(Guid? id, int? jaar, int? pagina, string? message)
    {
        Message = message;
        await LoadAsync(id, jaar, pagina);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid? id, int? jaar, string? formaat)
    {
        // The downloads hold sums only: the financed actions are not read, and the download is logged once, as a download.
        await LoadAsync(id, jaar, download: true);
        if (View is null)
        {
            return NotFound();
        }

        var name = $"wijkbudget-{Dashboard.Year}";
        return formaat == "xlsx"
            ? File(Web.FigureFiles.Xlsx(Dashboard.Figures()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx")
            : File(Web.FigureFiles.Csv(Dashboard.Figures()), "text/csv; charset=utf-8", $"{name}.csv");
    }

    /// <summary>The coordinator records that a pre-financed action's regular payer paid back, or writes off what will not come back.</summary>
    public async Task<IActionResult> OnPostSettleAsync(Guid id, int jaar, Guid actionId, EntryKind kind, string? amount, string? reason)
    {
        if (!Settles)
        {
            return Forbid();
        }

        await LoadAsync(id, jaar, null, actionId);

        var item = View?.Detail?.Items.SingleOrDefault(d => d.PlanActionId == actionId);
        if (item is null)
        {
            return NotFound();
        }

        Refused = actionId;
        settling = (item.CaseId, item.ResidentId);
        var euros = Web.DutchNumber.Parse(amount)
            ?? throw DomainException.About("Amount", "budget.amount_required", "Vul een bedrag in euro's in, bijvoorbeeld 250,00.");
        await financing.SettleAsync(id, actionId, kind, euros, reason, await access.ActorAsync(HttpContext.RequestAborted), HttpContext.RequestAborted);
        await access.LogAsync(item.CaseId, item.ResidentId, AuditAction.Change, "wijkbudget", HttpContext.RequestAborted);
        return RedirectToPage(new
        {
            id,
            jaar,
            pagina = View!.Detail!.Page,
            message = kind == EntryKind.Settlement ? "De terugbetaling is vastgelegd." : "Het bedrag is afgeschreven."
        });
    }

    /// <summary>A refused settlement: the action's own form shows the message, on the dashboard already loaded.</summary>
    public string? FieldKey(DomainException refused) => "";

    public async Task<IActionResult> ShowAgainAsync(DomainException refused)
    {
        RefusedMessage = refused.Message;
        if (settling is var (caseId, residentId))
        {
            // A refused change to a resident's case is logged as every refusal is: he sees that someone tried.
            await access.LogAsync(caseId, residentId, AuditAction.Change, "wijkbudget", HttpContext.RequestAborted, allowed: false);
        }

        return Page();
    }

    private async Task LoadAsync(Guid? id, int? jaar, int? pagina = null, Guid? containing = null, bool download = false) =>
        View = await dashboards.ForAsync(id, jaar, HttpContext.RequestAborted, pagina, containing, download);
}
