using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Neighbourhoods;

public sealed class OrganisationPage(StaffDirectory directory) : PageModel
{
    public OrganisationDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await directory.OrganisationAsync(id, HttpContext.RequestAborted) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}
