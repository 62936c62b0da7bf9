using Keukentafel.Accounts;
using Keukentafel.Neighbourhoods;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Web;

/// <summary>The start page: what the signed-in person needs first, by role.</summary>
public sealed class StartPage(StaffDirectory directory) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public StaffStart? Staff { get; private set; }
    public bool IsResident { get; private set; }
    public bool IsAdministrator { get; private set; }

    public async Task OnGetAsync()
    {
        DisplayName = User.FindFirst(AccountClaims.DisplayName)?.Value ?? "";
        IsResident = User.IsInRole(Roles.Resident);
        IsAdministrator = User.IsInRole(Roles.Administrator);
        if (User.StaffId() is { } staffId)
        {
            Staff = await directory.StaffStartAsync(staffId, HttpContext.RequestAborted);
        }
    }
}
