using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Effects;

/// <summary>A neighbourhood's unit prices: the catalogue's with their sources, and the neighbourhood's own, which its coordinator sets.</summary>
public sealed class PricesPage(KeukentafelDbContext db, Prices prices, Analyses analyses, CostCatalogues catalogues, CaseAccess access)
    : PageModel, Web.IRefusablePage
{
    public string Neighbourhood { get; private set; } = "";
    public bool IsCoordinator { get; private set; }
    public CostCatalogue Catalogue => catalogues.Current;
    public PricesApi.NeighbourhoodPrices View { get; private set; } = null!;

    [BindProperty]
    public PriceInput Input { get; set; } = new();

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? jaar, string? message)
    {
        Message = message;
        return await ShowAsync(id, jaar);
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, null);
        }

        await prices.SetAsync(id, User.StaffId(), await access.ActorAsync(HttpContext.RequestAborted), Input.ItemCode ?? "",
            Web.DutchNumber.Parse(Input.Price) ?? throw DomainException.About("Price", "price.format", "Geef de prijs in euro, bijvoorbeeld 45 of 32,40."),
            Input.PriceYear!.Value, Input.Source, HttpContext.RequestAborted);
        return RedirectToPage(new { id, message = "De prijs van de wijk is vastgelegd." });
    }

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => ShowAsync(this.RouteId(), null);

    private async Task<IActionResult> ShowAsync(Guid id, int? year)
    {
        var n = await db.Neighbourhoods.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Name, x.CoordinatorId })
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (n is null)
        {
            return NotFound();
        }

        Neighbourhood = n.Name;
        IsCoordinator = n.CoordinatorId is not null && n.CoordinatorId == User.StaffId();
        var priceYear = year is { } y && catalogues.Current.HasYear(y) ? y : analyses.DefaultPriceYear;
        View = await PricesApi.ViewAsync(id, priceYear, prices, catalogues, HttpContext.RequestAborted);
        Input.PriceYear ??= priceYear;
        return Page();
    }
}

public sealed class PriceInput
{
    [Required(ErrorMessage = "Kies een onderdeel uit de kostencatalogus.")]
    public string? ItemCode { get; set; }

    [Required(ErrorMessage = "Geef de prijs in euro.")]
    public string? Price { get; set; }

    [Required(ErrorMessage = "Geef het prijsjaar.")]
    public int? PriceYear { get; set; }

    [Required(ErrorMessage = "Geef de bron van deze prijs, bijvoorbeeld het contract of het tariefbesluit."), StringLength(1000)]
    public string? Source { get; set; }
}
