using Keukentafel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Keukentafel.Neighbourhoods;

/// <summary>The start-up of a neighbourhood: ambassadors per organisation and the checklist, kept by the aanjager or the coordinator.</summary>
public sealed class StartupPage(NeighbourhoodStarts starts) : PageModel, IRefusablePage
{
    public StartupView Startup { get; private set; } = null!;
    public string? Message { get; private set; }
    public IEnumerable<SelectListItem> Statuses { get; } = Enum.GetValues<StepStatus>().Select(s => new SelectListItem(s.Dutch(), s.ToString()));

    [BindProperty]
    public StepInput Step { get; set; } = new();

    private Func<DomainException, string>? fieldKey;

    public async Task<IActionResult> OnGetAsync(Guid id, string? message)
    {
        Message = message;
        return await ShowAsync(id);
    }

    public Task<IActionResult> OnPostStepAsync(Guid id) =>
        ChangeAsync(id, () => starts.AddStepAsync(id, Step.Text, Step.Owner, HttpContext.RequestAborted), "De stap staat op de lijst.", nameof(Step));

    public Task<IActionResult> OnPostFollowAsync(Guid id, Guid stepId, StepStatus status, string? owner, int version) =>
        ChangeAsync(id, () => starts.FollowStepAsync(stepId, status, owner, version, HttpContext.RequestAborted), "De stap is bijgewerkt.", $"follow-{stepId}");

    public Task<IActionResult> OnPostAmbassadorAsync(Guid id, Guid organisationId, Guid? staffMemberId) =>
        ChangeAsync(id, () => starts.AppointAmbassadorAsync(id, organisationId, staffMemberId ?? Guid.Empty, HttpContext.RequestAborted),
            "De ambassadeur is aangewezen.", $"ambassador-{organisationId}");

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task> change, string done, string prefix)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id);
        }

        // A new step's refusal goes beside its field; a step's or an organisation's own form shows it as a whole.
        fieldKey = refused => prefix == nameof(Step) && refused.Field is { } field ? $"{prefix}.{field}" : prefix;
        await change();
        return RedirectToPage(new { id, message = done });
    }

    public string? FieldKey(DomainException refused) => fieldKey?.Invoke(refused);

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => ShowAsync(this.RouteId());

    private async Task<IActionResult> ShowAsync(Guid id)
    {
        if (await starts.GetAsync(id, HttpContext.RequestAborted) is not { } view)
        {
            return NotFound();
        }

        Startup = view;
        return Page();
    }
}

public sealed class StepInput
{
    [System.ComponentModel.DataAnnotations.StringLength(1_000)]
    public string? Text { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(300)]
    public string? Owner { get; set; }
}
