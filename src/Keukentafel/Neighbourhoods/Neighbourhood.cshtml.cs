using Keukentafel.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Neighbourhoods;

public sealed class NeighbourhoodPage(StaffDirectory directory, WorkAreas workAreas, NeighbourhoodStarts starts, IAuthorizationService authorization)
    : PageModel
{
    public NeighbourhoodDetail Detail { get; private set; } = null!;

    /// <summary>The links to this neighbourhood's effects and start-up, shown only to whom they open for.</summary>
    public bool ShowsEffects { get; private set; }

    public bool ShowsStartup { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await directory.NeighbourhoodAsync(id, HttpContext.RequestAborted) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        var ct = HttpContext.RequestAborted;
        ShowsEffects = (await authorization.AuthorizeAsync(User, Policies.Effects)).Succeeded && await workAreas.WorksInAsync(id, ct);
        ShowsStartup = await starts.MaySeeAsync(id, ct);
        return Page();
    }
}
