using System.Text;
using Keukentafel.Effects;

namespace Keukentafel.Tests.Effects;

/// <summary>The cost catalogue: the shipped file holds to its rules, and a file that breaks them is refused.</summary>
public sealed class CostCatalogueTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "data", "cost-catalogue");

    [Fact]
    public void The_shipped_catalogue_names_a_source_for_every_price_and_covers_the_events_of_these_cases()
    {
        var catalogue = CostCatalogues.FromFolder(Folder).Current;

        catalogue.Items.ShouldAllBe(i => !string.IsNullOrWhiteSpace(i.Source) && (i.Estimate || i.Url != null));
        string[] needed = ["huisarts-consult", "ggz-crisiscontact", "klinische-opname-dag-ggz", "wijkverpleging-uur", "huishoudelijke-hulp-uur",
            "dagbesteding-dag", "schuldhulp-traject", "huisuitzetting", "maatschappelijke-opvang-nacht", "politie-inzet", "jeugdzorg-verblijf-dag",
            "buurthuis-activiteit", "vrijwilligersuur"];
        needed.ShouldAllBe(code => catalogue.Item(code) != null);
        catalogue.Items.ShouldAllBe(i => catalogue.HasYear(i.PriceYear));
    }

    [Fact]
    public void A_price_without_a_source_is_refused_unless_it_is_an_estimate_that_says_what_it_rests_on()
    {
        var noSource = Read("""{ "code": "x", "name": "X", "unit": "uur", "price": 10, "priceYear": 2024, "lawDomain": "Wmo", "payer": "Municipality","""
            + """ "source": "", "estimate": false }""");
        var noAddress = Read("""{ "code": "x", "name": "X", "unit": "uur", "price": 10, "priceYear": 2024, "lawDomain": "Wmo", "payer": "Municipality","""
            + """ "source": "Een rapport", "estimate": false }""");
        var negative = Read("""{ "code": "x", "name": "X", "unit": "uur", "price": -1, "priceYear": 2024, "lawDomain": "Wmo", "payer": "Municipality","""
            + """ "source": "Schatting", "estimate": true }""");
        var noYear = Read("""{ "code": "x", "name": "X", "unit": "uur", "price": 10, "priceYear": 1999, "lawDomain": "Wmo", "payer": "Municipality","""
            + """ "source": "Schatting", "estimate": true }""");

        Should.Throw<InvalidDataException>(noSource).Message.ShouldContain("no source");
        Should.Throw<InvalidDataException>(noAddress).Message.ShouldContain("marked as an estimate");
        Should.Throw<InvalidDataException>(negative).Message.ShouldContain("negative price");
        Should.Throw<InvalidDataException>(noYear).Message.ShouldContain("no price index");
        Read("""{ "code": "x", "name": "X", "unit": "uur", "price": 10, "priceYear": 2024, "lawDomain": "Wmo", "payer": "Municipality","""
            + """ "source": "Schatting: tarief van vergelijkbaar werk", "estimate": true }""")()
            .Item("x")!.Estimate.ShouldBeTrue();
    }

    [Fact]
    public void Indexation_follows_the_price_index_and_a_year_without_index_is_refused()
    {
        var catalogue = Read("""{ "code": "x", "name": "X", "unit": "uur", "price": 100, "priceYear": 2024, "lawDomain": "Wmo", "payer": "Municipality","""
            + """ "source": "Schatting", "estimate": true }""")();

        catalogue.Indexed(100m, 2024, 2026).ShouldBe(110m);
        catalogue.Indexed(110m, 2026, 2024).ShouldBe(100m);
        Should.Throw<DomainException>(() => catalogue.Indexed(100m, 2024, 2030)).Code.ShouldBe("catalogue.year_unknown");
    }

    private static Func<CostCatalogue> Read(string item) => () =>
    {
        var json = """{ "version": "test", "published": "2026-01-01", "description": "test","""
            + $$""" "priceIndex": { "name": "i", "source": "s", "values": { "2024": 100, "2026": 110 } }, "items": [ {{item}} ] }""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return CostCatalogue.Read(stream, "test.json");
    };
}
