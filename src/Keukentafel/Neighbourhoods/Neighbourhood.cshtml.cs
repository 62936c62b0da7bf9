using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Neighbourhoods;

public sealed class NeighbourhoodPage(StaffDirectory directory) : PageModel
{
    public NeighbourhoodDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await directory.NeighbourhoodAsync(id, HttpContext.RequestAborted) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}
