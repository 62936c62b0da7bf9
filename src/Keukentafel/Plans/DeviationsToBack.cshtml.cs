using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Plans;

public sealed class DeviationsToBackPage(DeviationBacking backing) : PageModel
{
    public IReadOnlyList<DeviationToBack> Deviations { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(string? message)
    {
        Message = message;
        Deviations = await backing.MineAsync(HttpContext, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostBackAsync(Guid deviationId)
    {
        try
        {
            await backing.BackAsync(HttpContext, deviationId, HttpContext.RequestAborted);
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError("", refused.Message);
            Deviations = await backing.MineAsync(HttpContext, HttpContext.RequestAborted);
            return Page();
        }

        return RedirectToPage(new { message = "U steunt de afwijking. De professional ziet dat in de casus." });
    }
}
