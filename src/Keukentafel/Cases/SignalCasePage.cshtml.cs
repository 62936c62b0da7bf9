using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Cases;

/// <summary>Core rule 1: any professional picks up the question, wherever it comes in.</summary>
public sealed class SignalCasePage(CaseWork work, KeukentafelDbContext db) : PageModel, Web.IRefusablePage
{
    [BindProperty]
    public SignalInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Neighbourhoods { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Sources { get; } =
        [.. Enum.GetValues<CaseSource>().Select(s => new SelectListItem(s.Dutch(), s.ToString()))];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Neighbourhoods.Count == 1)
        {
            Input.NeighbourhoodId = Guid.Parse(Neighbourhoods[0].Value);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var @case = await work.SignalAsync(new SignalCase(Input.NeighbourhoodId!.Value, Input.GivenName, Input.FamilyNamePrefix, Input.FamilyName,
            Input.DateOfBirth!.Value, Input.Street, Input.HouseNumber, Input.PostalCode, Input.Town, Input.Description, Input.Source, Input.SourceDetail),
            HttpContext.RequestAborted);
        return RedirectToPage("/Cases/CaseOverview", new { id = @case.Id, message = $"Casus {@case.Number} is aangebracht. U bent de casusaanbrenger." });
    }

    public async Task<IActionResult> ShowAgainAsync(DomainException refused)
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var staffId = User.StaffId();
        Neighbourhoods = await db.StaffNeighbourhoods.Where(w => w.StaffMemberId == staffId)
            .OrderBy(w => w.Neighbourhood!.Name)
            .Select(w => new SelectListItem(w.Neighbourhood!.Name, w.NeighbourhoodId.ToString()))
            .ToListAsync(HttpContext.RequestAborted);
    }
}

public sealed class SignalInput
{
    [Required(ErrorMessage = "Kies de wijk waar de bewoner woont.")]
    public Guid? NeighbourhoodId { get; set; }

    [Required(ErrorMessage = "Vul de voornaam van de bewoner in."), StringLength(100)]
    public string GivenName { get; set; } = "";

    [StringLength(20, ErrorMessage = "Een tussenvoegsel is hooguit 20 tekens.")]
    public string? FamilyNamePrefix { get; set; }

    [Required(ErrorMessage = "Vul de achternaam van de bewoner in."), StringLength(100)]
    public string FamilyName { get; set; } = "";

    [Required(ErrorMessage = "Vul de geboortedatum in.")]
    public DateOnly? DateOfBirth { get; set; }

    [Required(ErrorMessage = "Vul de straat in."), StringLength(200)]
    public string Street { get; set; } = "";

    [Required(ErrorMessage = "Vul het huisnummer in."), StringLength(20)]
    public string HouseNumber { get; set; } = "";

    [Required(ErrorMessage = "Vul de postcode in."), StringLength(7, ErrorMessage = "Een postcode is vier cijfers en twee letters, bijvoorbeeld 5341 AB.")]
    public string PostalCode { get; set; } = "";

    [Required(ErrorMessage = "Vul de woonplaats in."), StringLength(100)]
    public string Town { get; set; } = "";

    [Required(ErrorMessage = "Beschrijf de vraag, in de woorden van de bewoner."), StringLength(4000)]
    public string Description { get; set; } = "";

    public CaseSource Source { get; set; } = CaseSource.Resident;

    [StringLength(500)]
    public string? SourceDetail { get; set; }
}
