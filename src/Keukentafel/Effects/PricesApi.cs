using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Effects;

/// <summary>The cost catalogue and a neighbourhood's own prices, over JSON. No resident's data: prices only.</summary>
public static class PricesApi
{
    public static IEndpointRouteBuilder MapPricesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Effects").RequireAuthorization(Policies.Api, Policies.Staff);
        api.MapGet("/cost-catalogue", Catalogue)
            .WithSummary("The current cost catalogue: unit prices with law domain, payer, year and public source (or marked as an estimate), "
                + "and the price index.");
        api.MapGet("/neighbourhoods/{id:guid}/prices", PricesOf)
            .WithSummary("The prices that hold in a neighbourhood (its own where it set one), in euros of a price year, and the history of its own prices.");
        api.MapPost("/neighbourhoods/{id:guid}/prices", SetPrice).RequireAuthorization(Policies.Coordination).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The neighbourhood's coordinator sets its own price for a catalogue item, with its source; the earlier one stays in the history.");
        return endpoints;
    }

    public sealed record PriceRequest(
        [property: Required(ErrorMessage = "Kies een onderdeel uit de kostencatalogus."), StringLength(60)] string ItemCode,
        [property: Required(ErrorMessage = "Geef de prijs."), Range(0, 10_000_000, ErrorMessage = "Een prijs kan niet negatief zijn.")] decimal? Price,
        [property: Required(ErrorMessage = "Geef het prijsjaar."), Range(2000, 2100, ErrorMessage = "Geef een prijsjaar, bijvoorbeeld 2026.")] int? PriceYear,
        [property: Required(ErrorMessage = "Geef de bron van deze prijs."), StringLength(1000)] string? Source);

    public sealed record CatalogueView(string Version, DateOnly Published, string Description, PriceIndex Index, IReadOnlyList<CostItem> Items);

    public sealed record NeighbourhoodPrices(Guid NeighbourhoodId, int PriceYear, string Catalogue, IReadOnlyList<UnitPrice> Prices,
        IReadOnlyList<NeighbourhoodPriceView> History);

    public sealed record NeighbourhoodPriceView(Guid Id, string ItemCode, decimal Price, int PriceYear, string Source, string SetBy, DateTime SetAtUtc);

    public static async Task<NeighbourhoodPrices> ViewAsync(Guid neighbourhoodId, int priceYear, Prices prices, CostCatalogues catalogues, CancellationToken ct)
    {
        var list = await prices.ForAsync(neighbourhoodId, catalogues.Current, priceYear, ct);
        return new NeighbourhoodPrices(neighbourhoodId, priceYear, catalogues.Current.Version,
            [.. list.Values.OrderBy(p => p.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))],
            [.. (await prices.HistoryAsync(neighbourhoodId, ct)).Select(View)]);
    }

    private static Ok<CatalogueView> Catalogue(CostCatalogues catalogues)
    {
        var c = catalogues.Current;
        return TypedResults.Ok(new CatalogueView(c.Version, c.Published, c.Description, c.Index, c.Items));
    }

    private static async Task<Ok<NeighbourhoodPrices>> PricesOf(Guid id, int? priceYear, Prices prices, Analyses analyses, CostCatalogues catalogues,
        CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(id, priceYear ?? analyses.DefaultPriceYear, prices, catalogues, ct));

    private static async Task<Created<NeighbourhoodPriceView>> SetPrice(Guid id, PriceRequest request, HttpContext http, Prices prices, CaseAccess access,
        CancellationToken ct)
    {
        var by = await access.ActorAsync(ct);
        var set = await prices.SetAsync(id, http.User.StaffId(), by, request.ItemCode, request.Price!.Value, request.PriceYear!.Value, request.Source, ct);
        return TypedResults.Created($"/api/v1/neighbourhoods/{id}/prices", View(set));
    }

    private static NeighbourhoodPriceView View(NeighbourhoodPrice p) => new(p.Id, p.ItemCode, p.Price, p.PriceYear, p.Source, p.SetByName, p.SetAtUtc);
}
