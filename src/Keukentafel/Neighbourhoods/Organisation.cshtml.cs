using Keukentafel.Accounts;
using Keukentafel.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Neighbourhoods;

public sealed class OrganisationPage(StaffDirectory directory, KeukentafelDbContext db, IAuthorizationService authorization) : PageModel
{
    public OrganisationDetail Detail { get; private set; } = null!;

    /// <summary>Administrators keep which kinds of help an organisation delivers.</summary>
    public bool MayChangeServices { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? message)
    {
        Message = message;
        if (await directory.OrganisationAsync(id, HttpContext.RequestAborted) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        MayChangeServices = (await authorization.AuthorizeAsync(User, Policies.Administration)).Succeeded;
        return Page();
    }

    public async Task<IActionResult> OnPostServicesAsync(Guid id, Services[]? services)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Administration)).Succeeded)
        {
            return Forbid();
        }

        await OfferAsync(db, id, services ?? [], HttpContext.RequestAborted);
        return RedirectToPage(new { id, message = "Opgeslagen: het wijkbudget wijst deze hulp nu aan deze organisatie toe." });
    }

    /// <summary>Sets the kinds of help an organisation delivers; false when there is no such organisation.</summary>
    internal static async Task<bool> OfferAsync(KeukentafelDbContext db, Guid id, IEnumerable<Services> services, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return false;
        }

        organisation.Offer(services.Aggregate(Services.None, (all, s) => all | s));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
