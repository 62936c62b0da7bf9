using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Keukentafel.Budget;

/// <summary>The coordinator keeps the budget: starts one, records contributions, sets each organisation's room per year.</summary>
public sealed class BudgetAdminPage(BudgetAdministration admin, Dashboards dashboards, TimeProvider time) : PageModel, Web.IRefusablePage
{
    public IReadOnlyList<(Guid Id, string Name)> Budgets { get; private set; } = [];
    public BudgetDetail? Detail { get; private set; }
    public IReadOnlyList<SelectListItem> Neighbourhoods { get; private set; } = [];
    public IEnumerable<SelectListItem> LawDomains { get; } = Enum.GetValues<LawDomain>().Select(d => new SelectListItem(d.Dutch(), d.ToString()));
    public string? Message { get; private set; }

    public NewBudgetInput Create { get; set; } = new();
    public ContributionInput Contribution { get; set; } = new();
    public RoomInput Room { get; set; } = new();

    /// <summary>The budget the form was sent from, to show again after a refusal.</summary>
    private Guid? shown;

    public async Task<IActionResult> OnGetAsync(Guid? id, string? message)
    {
        Message = message;
        return await ShowAsync(id);
    }

    public Task<IActionResult> OnPostCreateAsync([Bind(Prefix = nameof(Create))] NewBudgetInput input) => SaveAsync(null, input, async ct =>
    {
        var budget = await admin.CreateAsync(input.NeighbourhoodId ?? Guid.Empty, input.Name, input.FirstYear!.Value, input.LastYear!.Value, ct);
        return (budget.Id, "Het wijkbudget is aangemaakt. Leg nu de bijdragen vast en verdeel de ruimte.");
    });

    public Task<IActionResult> OnPostContributeAsync(Guid id, [Bind(Prefix = nameof(Contribution))] ContributionInput input) => SaveAsync(id, input, async ct =>
    {
        await admin.ContributeAsync(id, input.Contributor, input.OrganisationId, Amount(input.Amount), input.Date!.Value, input.LawDomain, ct);
        return (id, "De bijdrage is vastgelegd.");
    });

    public Task<IActionResult> OnPostRoomAsync(Guid id, [Bind(Prefix = nameof(Room))] RoomInput input) => SaveAsync(id, input, async ct =>
    {
        await admin.SetRoomAsync(id, input.OrganisationId ?? Guid.Empty, input.Year!.Value, Amount(input.Amount), ct);
        return (id, "De ruimte is vastgelegd.");
    });

    private static decimal Amount(string? text) =>
        Web.DutchNumber.Parse(text) ?? throw DomainException.About("Amount", "budget.amount_format", "Geef het bedrag in euro, bijvoorbeeld 48000 of 1250,50.");

    private async Task<IActionResult> SaveAsync(Guid? id, object input, Func<CancellationToken, Task<(Guid Id, string Message)>> save)
    {
        switch (input)
        {
            case NewBudgetInput c: Create = c; break;
            case ContributionInput c: Contribution = c; break;
            case RoomInput r: Room = r; break;
        }

        shown = id;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id);
        }

        var (budgetId, message) = await save(HttpContext.RequestAborted);
        return RedirectToPage(new { id = budgetId, message });
    }

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => ShowAsync(shown);

    private async Task<IActionResult> ShowAsync(Guid? id)
    {
        var ct = HttpContext.RequestAborted;
        Budgets = await dashboards.VisibleAsync(User.StaffId(), ct);
        Neighbourhoods = [.. (await admin.NeighbourhoodsAsync(User.StaffId(), ct)).Select(n => new SelectListItem(n.Name, n.Id.ToString()))];
        var chosen = id ?? (Budgets.Count > 0 ? Budgets[0].Id : null);
        if (chosen is { } budgetId)
        {
            Detail = await admin.DetailAsync(budgetId, ct);
        }

        var year = DutchTime.Today(time).Year;
        Create.FirstYear ??= year + 1;
        Create.LastYear ??= year + 5;
        Contribution.Date ??= DutchTime.Today(time);
        Room.Year ??= Detail is null ? year : Math.Clamp(year, Detail.FirstYear, Detail.LastYear);
        return Page();
    }
}

public sealed class NewBudgetInput
{
    [Required(ErrorMessage = "Kies de wijk.")]
    public Guid? NeighbourhoodId { get; set; }

    [Required(ErrorMessage = "Geef het budget een naam, bijvoorbeeld: Wijkbudget Rietvelden 2027-2031."), StringLength(200)]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Geef het eerste jaar."), Range(2000, 2100, ErrorMessage = "Geef een jaar, bijvoorbeeld 2027.")]
    public int? FirstYear { get; set; }

    [Required(ErrorMessage = "Geef het laatste jaar."), Range(2000, 2100, ErrorMessage = "Geef een jaar, bijvoorbeeld 2031.")]
    public int? LastYear { get; set; }
}

public sealed class ContributionInput
{
    [Required(ErrorMessage = "Geef wie bijdraagt, bijvoorbeeld: Gemeente (Wmo)."), StringLength(300)]
    public string? Contributor { get; set; }

    public Guid? OrganisationId { get; set; }

    [Required(ErrorMessage = "Geef het bedrag in euro.")]
    public string? Amount { get; set; }

    [Required(ErrorMessage = "Geef de datum van de bijdrage.")]
    public DateOnly? Date { get; set; }

    public LawDomain LawDomain { get; set; } = LawDomain.Wmo;
}

public sealed class RoomInput
{
    [Required(ErrorMessage = "Kies de organisatie.")]
    public Guid? OrganisationId { get; set; }

    [Required(ErrorMessage = "Kies het jaar.")]
    public int? Year { get; set; }

    [Required(ErrorMessage = "Geef de ruimte in euro.")]
    public string? Amount { get; set; }
}
