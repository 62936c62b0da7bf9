using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Plans;

/// <summary>A manager backs the rule deviations his professionals asked him to, without seeing the case file.</summary>
public sealed class DeviationsToBackPage(DeviationBacking backing) : PageModel, Web.IRefusablePage
{
    public IReadOnlyList<DeviationToBack> Deviations { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(string? message)
    {
        Message = message;
        Deviations = await backing.MineAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostBackAsync(Guid deviationId)
    {
        await backing.BackAsync(deviationId, HttpContext.RequestAborted);
        return RedirectToPage(new { message = "U steunt de afwijking. De professional ziet dat in de casus." });
    }

    public string? FieldKey(DomainException refused) => "";

    public async Task<IActionResult> ShowAgainAsync(DomainException refused)
    {
        Deviations = await backing.MineAsync(HttpContext.RequestAborted);
        return Page();
    }
}
