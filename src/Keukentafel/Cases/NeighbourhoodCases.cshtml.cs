using Keukentafel.Accounts;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Cases;

public sealed class NeighbourhoodCasesPage(CaseLists lists, CaseAccess access) : PageModel
{
    public NeighbourhoodCasePage Cases { get; private set; } = new([], null);

    public async Task OnGetAsync(string? cursor)
    {
        try
        {
            Cases = await lists.InMyNeighbourhoodsAsync(User.StaffId() ?? Guid.Empty, cursor, CaseLists.PageSize, HttpContext.RequestAborted);
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError("", refused.Message);
            Cases = await lists.InMyNeighbourhoodsAsync(User.StaffId() ?? Guid.Empty, null, CaseLists.PageSize, HttpContext.RequestAborted);
        }

        await access.LogAsync(HttpContext, null, null, AuditAction.List, $"casussen in de wijk ({Cases.Items.Count})", HttpContext.RequestAborted);
    }
}
