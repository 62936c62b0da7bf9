using Keukentafel.Accounts;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Cases;

/// <summary>For the coordinator: the open cases of his neighbourhoods, the work still to do first (late on top), without names.</summary>
public sealed class NeighbourhoodCasesPage(CaseLists lists, CaseAccess access) : PageModel, Web.IRefusablePage
{
    public Web.Page<NeighbourhoodCaseItem> Cases { get; private set; } = new([], null);

    public Task OnGetAsync(string? cursor) => ShowAsync(cursor);

    /// <summary>A cursor that cannot be read: the message at the top, and the first page.</summary>
    public async Task<IActionResult> ShowAgainAsync(DomainException refused)
    {
        await ShowAsync(null);
        return Page();
    }

    private async Task ShowAsync(string? cursor)
    {
        Cases = await lists.InMyNeighbourhoodsAsync(User.StaffId() ?? Guid.Empty, cursor, CaseLists.PageSize, HttpContext.RequestAborted);
        await access.LogAsync(null, null, AuditAction.List, $"casussen in de wijk ({Cases.Items.Count})", HttpContext.RequestAborted);
    }
}
