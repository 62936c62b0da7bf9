using System.ComponentModel.DataAnnotations;
using Keukentafel.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Learning;

/// <summary>The collective initiatives of the neighbourhoods the user works in; the coordinator starts one here.</summary>
public sealed class InitiativesPage(Initiatives initiatives, LearningSessions sessions, KeukentafelDbContext db) : PageModel, Web.IRefusablePage
{
    /// <summary>The neighbourhood the form was sent in, to show again after a refusal.</summary>
    private Guid? shown;

    public IReadOnlyList<LearningNeighbourhood> Neighbourhoods { get; private set; } = [];
    public LearningNeighbourhood? Chosen { get; private set; }
    public IReadOnlyList<InitiativeSummary> List { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];
    public string? Message { get; private set; }

    public StartInput Start { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? wijk, string? message)
    {
        Message = message;
        return await ShowAsync(wijk);
    }

    public async Task<IActionResult> OnPostStartAsync(Guid wijk, [Bind(Prefix = nameof(Start))] StartInput input)
    {
        Start = input;
        shown = wijk;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(wijk);
        }

        var started = await initiatives.StartAsync(wijk, new InitiativeInput(input.Name, input.Description, input.RunByResidents, input.OrganisationId,
            input.BudgetPerYear, input.FromNeighbourhoodBudget), HttpContext.RequestAborted);
        return RedirectToPage("/Learning/InitiativePage", new { id = started.Id, message = "Het initiatief staat erin. Leg hieronder de eerste meting vast." });
    }

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => ShowAsync(shown);

    private async Task<IActionResult> ShowAsync(Guid? wijk)
    {
        var ct = HttpContext.RequestAborted;
        (Neighbourhoods, Chosen) = await sessions.ChooseForInitiativesAsync(wijk, ct);

        if (Chosen is not null)
        {
            List = await initiatives.ListAsync(Chosen.Id, ct);
            Organisations = await db.OrganisationNeighbourhoods.AsNoTracking().Where(w => w.NeighbourhoodId == Chosen.Id)
                .Join(db.Organisations, w => w.OrganisationId, o => o.Id, (w, o) => o).OrderBy(o => o.Name)
                .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
        }

        return Page();
    }
}

public sealed class StartInput
{
    [Required(ErrorMessage = "Geef de naam van het initiatief, bijvoorbeeld: het buurthuis."), StringLength(300)]
    public string? Name { get; set; }

    [StringLength(4_000)]
    public string? Description { get; set; }

    public bool RunByResidents { get; set; } = true;

    public Guid? OrganisationId { get; set; }

    [Range(0, 10_000_000, ErrorMessage = "Vul een bedrag in tussen 0 en 10.000.000 euro.")]
    public decimal? BudgetPerYear { get; set; }

    public bool FromNeighbourhoodBudget { get; set; }
}
