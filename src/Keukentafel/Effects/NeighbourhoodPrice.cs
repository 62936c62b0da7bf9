using Keukentafel.Cases;

namespace Keukentafel.Effects;

/// <summary>
/// A neighbourhood's own price for a catalogue item (e.g. the tariff its municipality contracted), with its source.
/// Never changed: a new price is a new row, and the newest counts from then on; analyses locked before keep theirs.
/// </summary>
public sealed class NeighbourhoodPrice
{
    private NeighbourhoodPrice() { ItemCode = Source = SetByName = ""; }

    private NeighbourhoodPrice(Guid neighbourhoodId, string itemCode, decimal price, int priceYear, string source, Actor by, DateTime atUtc)
    {
        NeighbourhoodId = neighbourhoodId;
        ItemCode = itemCode;
        Price = price;
        PriceYear = priceYear;
        Source = source;
        SetByName = by.Description;
        SetAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid NeighbourhoodId { get; private set; }
    public string ItemCode { get; private set; }
    public decimal Price { get; private set; }
    public int PriceYear { get; private set; }

    /// <summary>Where the figure comes from: a contract, a tariff decision, a report. Required: no untraceable prices.</summary>
    public string Source { get; private set; }

    public string SetByName { get; private set; }
    public DateTime SetAtUtc { get; private set; }

    public static NeighbourhoodPrice Set(CostCatalogue catalogue, Guid neighbourhoodId, string itemCode, decimal price, int priceYear, string? source,
        Actor by, DateTime nowUtc)
    {
        var item = catalogue.Item(itemCode?.Trim() ?? "")
            ?? throw DomainException.About("ItemCode", "price.item_unknown", "Kies een onderdeel uit de kostencatalogus.");
        if (price < 0)
        {
            throw DomainException.About("Price", "price.negative", "Een prijs kan niet negatief zijn.");
        }

        if (!catalogue.HasYear(priceYear))
        {
            throw DomainException.About("PriceYear", "catalogue.year_unknown", $"Voor het prijsjaar {priceYear} is er geen prijsindex.");
        }

        var from = Text.Required(source, "price.source_required",
            "Geef de bron van deze prijs, bijvoorbeeld het contract of het tariefbesluit. Een prijs zonder bron kan niemand nagaan.", "Source");
        return new NeighbourhoodPrice(neighbourhoodId, item.Code, decimal.Round(price, 2), priceYear, from, by, nowUtc);
    }
}

/// <summary>A unit price as an analysis uses it: from the catalogue or the neighbourhood, in the euros of the analysis's price year.</summary>
public sealed record UnitPrice(string Code, string Name, string Unit, decimal Price, int PriceYear, decimal OriginalPrice, int OriginalYear,
    Plans.LawDomain LawDomain, Payer Payer, string Source, string? Url, bool Estimate, bool Neighbourhood);
