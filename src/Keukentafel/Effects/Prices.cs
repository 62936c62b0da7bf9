using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Effects;

/// <summary>The unit prices that hold in a neighbourhood: the catalogue's, with the neighbourhood's own where it set one.</summary>
public sealed class Prices(KeukentafelDbContext db, CostCatalogues catalogues, TimeProvider time)
{
    /// <summary>
    /// The neighbourhood's coordinator sets its own price for an item, with the source; the catalogue's stays in the
    /// catalogue, and earlier prices stay in the history. Analyses locked before keep the prices they were locked with.
    /// </summary>
    public async Task<NeighbourhoodPrice> SetAsync(Guid neighbourhoodId, Guid? staffMemberId, Cases.Actor by, string itemCode, decimal price, int priceYear,
        string? source, CancellationToken ct)
    {
        var isCoordinator = staffMemberId is not null && await db.Neighbourhoods.AnyAsync(n => n.Id == neighbourhoodId && n.CoordinatorId == staffMemberId, ct);
        if (!isCoordinator)
        {
            throw new NotYoursException("price.not_coordinator", "Alleen de wijkcoördinator van deze wijk stelt de prijzen van de wijk vast.");
        }

        var set = NeighbourhoodPrice.Set(catalogues.Current, neighbourhoodId, itemCode, price, priceYear, source, by, time.GetUtcNow().UtcDateTime);
        db.NeighbourhoodPrices.Add(set);
        await db.SaveChangesAsync(ct);
        return set;
    }

    public async Task<IReadOnlyDictionary<string, UnitPrice>> ForAsync(Guid neighbourhoodId, CostCatalogue catalogue, int priceYear, CancellationToken ct)
    {
        var own = (await db.NeighbourhoodPrices.AsNoTracking().Where(p => p.NeighbourhoodId == neighbourhoodId).ToListAsync(ct))
            .GroupBy(p => p.ItemCode)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.SetAtUtc).ThenByDescending(p => p.Id).First());
        return catalogue.Items.ToDictionary(i => i.Code, i => own.TryGetValue(i.Code, out var p)
            ? new UnitPrice(i.Code, i.Name, i.Unit, catalogue.Indexed(p.Price, p.PriceYear, priceYear), priceYear, p.Price, p.PriceYear, i.LawDomain, i.Payer,
                $"{p.Source} (prijs van de wijk, vastgesteld door {p.SetByName})", null, Estimate: false, Neighbourhood: true)
            : new UnitPrice(i.Code, i.Name, i.Unit, catalogue.Indexed(i.Price, i.PriceYear, priceYear), priceYear, i.Price, i.PriceYear, i.LawDomain, i.Payer,
                i.Source, i.Url, i.Estimate, Neighbourhood: false));
    }

    /// <summary>Today's price of a catalogue item in the neighbourhood of a case, in the price year of its analysis.</summary>
    public async Task<UnitPrice> ForCaseAsync(Cases.Case @case, string? itemCode, CancellationToken ct) =>
        (await ForAsync(@case.NeighbourhoodId, catalogues.Current, @case.Analysis?.PriceYear ?? catalogues.Current.LastYear, ct))
            .GetValueOrDefault(itemCode?.Trim() ?? "")
        ?? throw DomainException.About("ItemCode", "price.item_unknown", "Kies een onderdeel uit de kostencatalogus.");

    /// <summary>A colleague locks the case's analysis with today's prices of its neighbourhood (the case refuses when there is none).</summary>
    public async Task LockAnalysisAsync(Cases.Case @case, Cases.Actor by, DateTime nowUtc, CancellationToken ct) =>
        @case.LockAnalysis(catalogues.Current,
            @case.Analysis is { } analysis
                ? await ForAsync(@case.NeighbourhoodId, catalogues.Current, analysis.PriceYear, ct)
                : new Dictionary<string, UnitPrice>(),
            by, nowUtc);

    public Task<IReadOnlyDictionary<string, UnitPrice>> CurrentAsync(Guid neighbourhoodId, int priceYear, CancellationToken ct) =>
        ForAsync(neighbourhoodId, catalogues.Current, priceYear, ct);

    /// <summary>The neighbourhood's own prices, newest first, the replaced ones included (history is kept).</summary>
    public async Task<IReadOnlyList<NeighbourhoodPrice>> HistoryAsync(Guid neighbourhoodId, CancellationToken ct) =>
        (await db.NeighbourhoodPrices.AsNoTracking().Where(p => p.NeighbourhoodId == neighbourhoodId).ToListAsync(ct))
            .OrderByDescending(p => p.SetAtUtc).ThenByDescending(p => p.Id).ToList();
}
