using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Learning;

/// <summary>One collective initiative: its measures over time and how many plan actions it serves; professionals record a week's measures.</summary>
public sealed class InitiativePage(Initiatives initiatives, TimeProvider time) : PageModel, IRefusablePage
{
    public InitiativeView Initiative { get; private set; } = null!;
    public string? Message { get; private set; }
    public bool MayMeasure => User.WorksWithCases();

    public int ThisYear => DutchTime.Today(time).Year;

    public MeasureForm Measure { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? message)
    {
        Message = message;
        return await ShowAsync(id);
    }

    public async Task<IActionResult> OnPostMeasureAsync(Guid id, [Bind(Prefix = nameof(Measure))] MeasureForm input)
    {
        Measure = input;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id);
        }

        var measure = await initiatives.MeasureAsync(id,
            new MeasureInput(input.Week, input.Visitors, input.Volunteers, input.ResidentsGivingBack, input.Activities, input.Note),
            HttpContext.RequestAborted);
        return RedirectToPage(new { id, message = $"De meting van de week van {measure.Week:d-M-yyyy} is vastgelegd." });
    }

    /// <summary>The coordinator books the budget line of another year in the neighbourhood budget.</summary>
    public async Task<IActionResult> OnPostBookAsync(Guid id, int? year)
    {
        var entry = await initiatives.BookYearAsync(id, year, HttpContext.RequestAborted);
        return RedirectToPage(new { id, message = $"Het budget voor {entry.Year} is vastgelegd in het wijkbudget." });
    }

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => ShowAsync(this.RouteId());

    private async Task<IActionResult> ShowAsync(Guid id)
    {
        if (await initiatives.GetAsync(id, HttpContext.RequestAborted) is not { } view)
        {
            return NotFound();
        }

        Initiative = view;
        Measure.Week ??= DutchTime.Today(time);
        return Page();
    }
}

/// <summary>A week's measure as typed; a negative number is refused by the initiative with a message beside the field.</summary>
public sealed class MeasureForm
{
    [Required(ErrorMessage = "Kies een dag in de week van de meting.")]
    public DateOnly? Week { get; set; }

    public int? Visitors { get; set; }
    public int? Volunteers { get; set; }
    public int? ResidentsGivingBack { get; set; }
    public int? Activities { get; set; }

    [StringLength(2_000)]
    public string? Note { get; set; }
}
