using System.Text.Json;
using System.Text.Json.Serialization;
using Keukentafel.Plans;

namespace Keukentafel.Effects;

/// <summary>One unit price: what a unit of an event or service costs, under which law and for which payer, and where the figure comes from.</summary>
public sealed record CostItem(
    string Code, string Name, string Unit, decimal Price, int PriceYear, LawDomain LawDomain, Payer Payer, string Source, string? Url, bool Estimate);

/// <summary>The price index the catalogue indexes prices with (e.g. the CBS consumer price index, yearly averages).</summary>
public sealed record PriceIndex(string Name, string Source, string? Url, string? Note, IReadOnlyDictionary<int, decimal> Values);

/// <summary>
/// A version of the cost catalogue, read from a data file in the repository (<c>data/cost-catalogue/{version}.json</c>).
/// Every price names its public source; a price without one is marked as an estimate. A file that breaks these rules
/// is refused when it is read, so the application never prices with a figure nobody can trace.
/// </summary>
public sealed class CostCatalogue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) }
    };

    private readonly Dictionary<string, CostItem> items;

    private CostCatalogue(string version, DateOnly published, string description, PriceIndex index, IReadOnlyList<CostItem> list)
    {
        Version = version;
        Published = published;
        Description = description;
        Index = index;
        Items = list;
        items = list.ToDictionary(i => i.Code, StringComparer.Ordinal);
    }

    public string Version { get; }
    public DateOnly Published { get; }
    public string Description { get; }
    public PriceIndex Index { get; }
    public IReadOnlyList<CostItem> Items { get; }

    public CostItem? Item(string code) => items.GetValueOrDefault(code);

    public bool HasYear(int year) => Index.Values.ContainsKey(year);

    public int FirstYear => Index.Values.Keys.Min();

    public int LastYear => Index.Values.Keys.Max();

    /// <summary>The price year new figures are in: this year, or the newest year the index has.</summary>
    public int PriceYearFor(DateOnly today) => Math.Min(today.Year, LastYear);

    /// <summary>A price of one year in the euros of another, by the price index; unrounded (cents only at the edges).</summary>
    public decimal Indexed(decimal price, int fromYear, int toYear)
    {
        if (!HasYear(fromYear) || !HasYear(toYear))
        {
            throw DomainException.About("PriceYear", "catalogue.year_unknown",
                $"Voor het prijsjaar {(HasYear(fromYear) ? toYear : fromYear)} is er geen prijsindex. Kies een jaar van {FirstYear} tot en met {LastYear}.");
        }

        return fromYear == toYear ? price : price * Index.Values[toYear] / Index.Values[fromYear];
    }

    /// <summary>Reads and checks a catalogue file; every problem is named, and one problem refuses the whole file.</summary>
    public static CostCatalogue Read(Stream json, string name)
    {
        using var reader = new StreamReader(json);
        return Parse(reader.ReadToEnd(), name);
    }

    /// <summary>Checks a catalogue's text (a file's, or a version's as the database keeps it).</summary>
    public static CostCatalogue Parse(string json, string name)
    {
        CatalogueFile file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogueFile>(json, Json) ?? throw new InvalidDataException($"{name}: empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: {e.Message}", e);
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(file.Version))
        {
            problems.Add("no version");
        }
        else if (file.Version.Length > CostCatalogueVersion.MaxVersionLength)
        {
            problems.Add($"a version has at most {CostCatalogueVersion.MaxVersionLength} characters");
        }

        var index = file.PriceIndex?.Values ?? new Dictionary<int, decimal>();
        if (index.Count == 0 || index.Values.Any(v => v <= 0))
        {
            problems.Add("the price index needs a positive value for every year");
        }

        foreach (var item in file.Items ?? [])
        {
            var what = $"item '{item.Code}'";
            if (string.IsNullOrWhiteSpace(item.Code) || string.IsNullOrWhiteSpace(item.Name) || string.IsNullOrWhiteSpace(item.Unit))
            {
                problems.Add($"{what}: code, name and unit are required");
            }

            if (item.Price < 0)
            {
                problems.Add($"{what}: negative price");
            }

            // The rule of the catalogue: every price has a public source, or says it is an estimate (and on what it rests).
            if (string.IsNullOrWhiteSpace(item.Source))
            {
                problems.Add($"{what}: no source (a price without a public source is an estimate, and says what it is based on)");
            }
            else if (!item.Estimate && string.IsNullOrWhiteSpace(item.Url))
            {
                problems.Add($"{what}: a price from a public source gives the address where it can be found, or is marked as an estimate");
            }

            if (!index.ContainsKey(item.PriceYear))
            {
                problems.Add($"{what}: no price index for its year {item.PriceYear}");
            }
        }

        foreach (var twice in (file.Items ?? []).GroupBy(i => i.Code).Where(g => g.Count() > 1))
        {
            problems.Add($"item '{twice.Key}' appears {twice.Count()} times");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{name}: {string.Join("; ", problems)}.");
        }

        var priceIndex = new PriceIndex(file.PriceIndex!.Name ?? "", file.PriceIndex.Source ?? "", file.PriceIndex.Url, file.PriceIndex.Note, index);
        return new CostCatalogue(file.Version!, file.Published, file.Description ?? "", priceIndex,
            [.. file.Items!.Select(i => i with { Code = i.Code.Trim(), Source = i.Source.Trim() })]);
    }

    private sealed record CatalogueFile(string? Version, DateOnly Published, string? Description, IndexFile? PriceIndex, List<CostItem>? Items);

    private sealed record IndexFile(string? Name, string? Source, string? Url, string? Note, Dictionary<int, decimal>? Values);
}

/// <summary>
/// The catalogue versions every instance prices with: the ones in the database (<see cref="CostCatalogueVersion"/>),
/// loaded at start and refreshed while running (<see cref="CostCatalogueStore"/>). A new version is a new file; the old
/// ones stay, so an analysis locked with one can always be traced to the prices it used.
/// </summary>
public sealed class CostCatalogues
{
    private IReadOnlyList<CostCatalogue>? all;

    public CostCatalogues()
    {
    }

    /// <summary>A fixed set (a test, a tool): what <see cref="Use"/> would hold.</summary>
    public CostCatalogues(IReadOnlyList<CostCatalogue> versions) => Use(versions);

    /// <summary>Every version, oldest first.</summary>
    public IReadOnlyList<CostCatalogue> All =>
        Volatile.Read(ref all) ?? throw new InvalidOperationException("The cost catalogue is not loaded yet: the database startup loads it.");

    /// <summary>The newest version: what a new analysis prices with.</summary>
    public CostCatalogue Current => All[^1];

    public CostCatalogue? Version(string version) => All.FirstOrDefault(v => v.Version == version);

    /// <summary>Replaces the versions in use at once (a request sees either the old set or the new one).</summary>
    public void Use(IReadOnlyList<CostCatalogue> versions)
    {
        if (versions.Count == 0)
        {
            throw new InvalidDataException("No cost catalogue found.");
        }

        Volatile.Write(ref all, [.. versions.OrderBy(v => v.Published).ThenBy(v => v.Version, StringComparer.Ordinal)]);
    }

    /// <summary>Reads every <c>*.json</c> in the folder (the build copies <c>data/cost-catalogue</c> next to the application).</summary>
    public static CostCatalogues FromFolder(string folder) => new([.. ReadFolder(folder).Select(f => f.Catalogue)]);

    /// <summary>Every catalogue file in the folder, checked, with its text as delivered; none when there is no folder.</summary>
    public static IReadOnlyList<(string File, string Content, CostCatalogue Catalogue)> ReadFolder(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(path =>
            {
                var content = File.ReadAllText(path);
                return (Path.GetFileName(path), content, CostCatalogue.Parse(content, Path.GetFileName(path)));
            })]
            : [];
}
