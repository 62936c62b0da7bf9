using System.ComponentModel.DataAnnotations;
using Keukentafel.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Keukentafel.Learning;

/// <summary>The learning sessions of the neighbourhoods the user works in; the coordinator plans the next one here.</summary>
public sealed class LearningSessionsPage(LearningSessions sessions, TimeProvider time) : PageModel, Web.IRefusablePage
{
    /// <summary>The neighbourhood the form was sent in, to show again after a refusal.</summary>
    private Guid? shown;

    public IReadOnlyList<LearningNeighbourhood> Neighbourhoods { get; private set; } = [];
    public LearningNeighbourhood? Chosen { get; private set; }
    public IReadOnlyList<SessionListItem> Sessions { get; private set; } = [];
    public IEnumerable<SelectListItem> Levels { get; } = Enum.GetValues<SessionLevel>().Select(l => new SelectListItem(l.Dutch(), l.ToString()));
    public string? Message { get; private set; }

    public PlanInput Plan { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? wijk, string? message)
    {
        Message = message;
        return await ShowAsync(wijk);
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid wijk, [Bind(Prefix = nameof(Plan))] PlanInput input)
    {
        Plan = input;
        shown = wijk;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(wijk);
        }

        var names = (input.Participants ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var session = await sessions.PlanAsync(wijk, input.Date, input.Level, [.. names.Select(n => ((Guid?)null, n))], HttpContext.RequestAborted);
        return RedirectToPage("/Learning/LearningSessionPage",
            new { id = session.Id, message = "De leersessie staat gepland. Hieronder staat de agenda die uit de casussen volgt." });
    }

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => ShowAsync(shown);

    private async Task<IActionResult> ShowAsync(Guid? wijk)
    {
        var ct = HttpContext.RequestAborted;
        (Neighbourhoods, Chosen) = await sessions.ChooseForSessionsAsync(wijk, ct);

        if (Chosen is not null)
        {
            Sessions = await sessions.ListAsync(Chosen.Id, ct);
        }

        Plan.Date ??= DutchTime.Today(time).AddDays(14);
        return Page();
    }
}

public sealed class PlanInput
{
    [Required(ErrorMessage = "Kies de datum van de leersessie.")]
    public DateOnly? Date { get; set; }

    public SessionLevel Level { get; set; } = SessionLevel.Professionals;

    [Required(ErrorMessage = "Noem wie er meedoen, één naam per regel."), StringLength(5_000)]
    public string? Participants { get; set; }
}
