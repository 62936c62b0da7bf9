using Keukentafel.Accounts;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Learning;

/// <summary>Every neighbourhood of the municipality side by side: for directors, financiers, managers, coordinators and the aanjager.</summary>
public sealed class OverviewPage(MunicipalityOverview overview, CaseAccess access) : PageModel, Web.IRefusablePage
{
    public Overview? Report { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Municipalities { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "gemeente")]
    public Guid? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "van")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "tot")]
    public DateOnly? To { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Municipalities = await overview.MunicipalitiesAsync(User.StaffId(), ct);
        if (Municipalities.Count == 0)
        {
            return Page();
        }

        Report = await overview.BuildAsync(User.StaffId(), MunicipalityId ?? Municipalities[0].Id, From, To, ct);
        await access.LogAsync(null, null, AuditAction.Read, "gemeenteoverzicht", ct, allowed: Report is not null);
        return Report is null ? NotFound() : Page();
    }

    /// <summary>A period the overview cannot cover: the message beside its first date, the municipalities to choose from.</summary>
    public string? FieldKey(DomainException refused) => "van";

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => Task.FromResult<IActionResult>(Page());
}
