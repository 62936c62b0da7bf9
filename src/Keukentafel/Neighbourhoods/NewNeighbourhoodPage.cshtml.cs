using System.ComponentModel.DataAnnotations;
using Keukentafel.Cases;
using Keukentafel.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Neighbourhoods;

/// <summary>The aanjager starts the approach in another neighbourhood: one form, one transaction; then its start-up page.</summary>
public sealed class NewNeighbourhoodPage(NeighbourhoodStarts starts, KeukentafelDbContext db, TimeProvider time) : PageModel, Web.IRefusablePage
{
    [BindProperty]
    public NewNeighbourhoodInput Start { get; set; } = new();

    public IReadOnlyList<SelectListItem> Municipalities { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Coordinators { get; private set; } = [];
    public IEnumerable<SelectListItem> Types { get; } = Enum.GetValues<OrganisationType>().Select(t => new SelectListItem(t.Dutch(), t.ToString()));

    public async Task<IActionResult> OnGetAsync()
    {
        var today = DutchTime.Today(time);
        Start.StartedOn ??= today;
        Start.BudgetFirstYear ??= today.Year;
        Start.BudgetLastYear ??= today.Year;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync();
        }

        var s = Start;
        var started = await starts.StartAsync(new StartRequest(s.MunicipalityId ?? Guid.Empty, s.Name, s.Code, s.Inhabitants, s.StartedOn, s.OrganisationIds,
            string.IsNullOrWhiteSpace(s.NewOrganisationName) ? [] : [new NewOrganisation(s.NewOrganisationName, s.NewOrganisationType)],
            s.CoordinatorId, new NewCoordinator(s.CoordinatorGivenName, s.CoordinatorPrefix, s.CoordinatorFamilyName, s.CoordinatorEmail),
            s.WithBudget ? new StartBudget($"Wijkbudget {s.Name}", s.BudgetFirstYear ?? 0, s.BudgetLastYear ?? 0) : null), HttpContext.RequestAborted);
        return RedirectToPage("/Neighbourhoods/StartupPage",
            new { id = started.Id, message = $"De aanpak begint in {started.Name}. Hieronder staat wat er nog moet gebeuren." });
    }

    /// <summary>The rules name the parts of the start; the form has one field for each.</summary>
    public string? FieldKey(DomainException refused) => refused.Field switch
    {
        null => "",
        "NewOrganisations" => $"{nameof(Start)}.{nameof(NewNeighbourhoodInput.NewOrganisationName)}",
        "NewCoordinator" => $"{nameof(Start)}.{nameof(NewNeighbourhoodInput.CoordinatorEmail)}",
        "FirstYear" or "LastYear" or "Name" when refused.Code.StartsWith("budget.", StringComparison.Ordinal) =>
            $"{nameof(Start)}.{nameof(NewNeighbourhoodInput.BudgetFirstYear)}",
        var field => $"{nameof(Start)}.{field}",
    };

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => ShowAgainAsync();

    private async Task<IActionResult> ShowAgainAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).Select(m => new SelectListItem(m.Name, m.Id.ToString())).ToListAsync(ct);
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
        Coordinators = [.. (await db.StaffMembers.AsNoTracking().Where(s => s.Function == StaffFunction.Coordinator).Select(s => new { s.Id, s.Name })
                .ToListAsync(ct))
            .OrderBy(s => s.Name.Family, StringComparer.Ordinal).Select(s => new SelectListItem(s.Name.Display, s.Id.ToString()))];
    }
}

public sealed class NewNeighbourhoodInput
{
    [Required(ErrorMessage = "Kies de gemeente.")]
    public Guid? MunicipalityId { get; set; }

    [Required(ErrorMessage = "Geef de naam van de wijk."), StringLength(200)]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Geef de CBS-wijkcode, bijvoorbeeld WK082801."), StringLength(20)]
    public string? Code { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Vul een aantal inwoners in tussen 0 en 1.000.000.")]
    public int? Inhabitants { get; set; }

    [Required(ErrorMessage = "Kies de datum waarop de aanpak in deze wijk begint.")]
    public DateOnly? StartedOn { get; set; }

    public List<Guid> OrganisationIds { get; set; } = [];

    [StringLength(200)]
    public string? NewOrganisationName { get; set; }

    public OrganisationType NewOrganisationType { get; set; } = OrganisationType.Welfare;

    public Guid? CoordinatorId { get; set; }

    [StringLength(100)]
    public string? CoordinatorGivenName { get; set; }

    [StringLength(20)]
    public string? CoordinatorPrefix { get; set; }

    [StringLength(100)]
    public string? CoordinatorFamilyName { get; set; }

    [StringLength(256), EmailAddress(ErrorMessage = "Dit is geen e-mailadres.")]
    public string? CoordinatorEmail { get; set; }

    public bool WithBudget { get; set; }

    public int? BudgetFirstYear { get; set; }

    public int? BudgetLastYear { get; set; }
}
