using System.Text.Json.Nodes;
using Keukentafel.Data;
using Keukentafel.Effects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Effects;

/// <summary>
/// The cost catalogue lives in the database: every instance prices with the versions kept there, whatever files its own
/// release carries. Files deliver new versions; a file that changes a kept version is not taken.
/// </summary>
public sealed class CostCatalogueStoreTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "data", "cost-catalogue", "2026.1.json");

    [Fact]
    public async Task Every_instance_prices_with_the_versions_in_the_database_and_takes_up_a_new_one_another_delivered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = TestDatabase.Create();
        await database.CreateAsync();
        var newer = Folder(("2026.1.json", File.ReadAllText(Shipped)), ("2027.1.json", Variant("2027.1", "2027-01-15", 2m)));
        var changed = Folder(("2026.1.json", Variant("2026.1", "2026-11-23", 3m)));
        var empty = Folder();
        try
        {
            await using var old = new Instance(database, null);
            await old.InitializeAsync();
            var oldCatalogues = old.Services.GetRequiredService<CostCatalogues>();
            oldCatalogues.Current.Version.ShouldBe("2026.1");
            var price = oldCatalogues.Current.Item("huisarts-consult")!.Price;

            // A newer release delivers 2027.1 at its start; the instance still on the old release takes it up at its refresh.
            await using var next = new Instance(database, newer);
            await next.InitializeAsync();
            next.Services.GetRequiredService<CostCatalogues>().Current.Version.ShouldBe("2027.1");
            await old.Services.GetRequiredService<CostCatalogueStore>().RefreshAsync(ct);
            oldCatalogues.Current.Version.ShouldBe("2027.1");
            oldCatalogues.All.Select(c => c.Version).ShouldBe(["2026.1", "2027.1"]);
            oldCatalogues.Current.Item("huisarts-consult")!.Price.ShouldBe(price * 2);

            // An instance without files, and one whose file changes a kept version, price with what the database keeps.
            await using var bare = new Instance(database, empty);
            await bare.InitializeAsync();
            bare.Services.GetRequiredService<CostCatalogues>().Current.Version.ShouldBe("2027.1");
            await using var wrong = new Instance(database, changed);
            await wrong.InitializeAsync();
            var kept = wrong.Services.GetRequiredService<CostCatalogues>().Version("2026.1")!;
            kept.Item("huisarts-consult")!.Price.ShouldBe(price);
            var delivery = await wrong.Services.GetRequiredService<CostCatalogueStore>().DeliverAsync(ct);
            delivery.Added.ShouldBeEmpty();
            delivery.Conflicts.ShouldHaveSingleItem().ShouldContain("version 2026.1 is already in the database with other contents");

            // Each version once, with its text, hash and file; and never changed in place.
            await using var scope = old.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            var versions = await db.CostCatalogueVersions.OrderBy(v => v.Version).ToListAsync(ct);
            versions.Select(v => (v.Version, v.File)).ShouldBe([("2026.1", "2026.1.json"), ("2027.1", "2027.1.json")]);
            versions.ShouldAllBe(v => v.Sha256 == CostCatalogueVersion.HashOf(v.Content));
            versions[0].Content.ShouldBe(File.ReadAllText(Shipped));
            await Should.ThrowAsync<Exception>(() => db.CostCatalogueVersions.Where(v => v.Version == "2026.1")
                .ExecuteUpdateAsync(u => u.SetProperty(v => v.Content, "{}"), ct));
            await Should.ThrowAsync<Exception>(() => db.CostCatalogueVersions.Where(v => v.Version == "2026.1").ExecuteDeleteAsync(ct));
        }
        finally
        {
            foreach (var folder in new[] { newer, changed, empty })
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Instances_starting_at_once_add_a_new_version_once()
    {
        await using var database = TestDatabase.Create();
        await database.CreateAsync();
        await using (var first = new Instance(database, null))
        {
            await first.InitializeAsync(); // migrates
        }

        var folder = Folder(("2027.1.json", Variant("2027.1", "2027-01-15", 1m)));
        try
        {
            var instances = Enumerable.Range(0, 3).Select(_ => new Instance(database, folder)).ToList();
            await Task.WhenAll(instances.Select(i => i.InitializeAsync().AsTask()));
            foreach (var instance in instances)
            {
                instance.Services.GetRequiredService<CostCatalogues>().Current.Version.ShouldBe("2027.1");
                await instance.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The shipped catalogue as another version, every price multiplied.</summary>
    private static string Variant(string version, string published, decimal factor)
    {
        var json = JsonNode.Parse(File.ReadAllText(Shipped))!;
        json["version"] = version;
        json["published"] = published;
        foreach (var item in json["items"]!.AsArray())
        {
            item!["price"] = item["price"]!.GetValue<decimal>() * factor;
        }

        return json.ToJsonString();
    }

    private static string Folder(params (string Name, string Content)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("keukentafel-catalogue-").FullName;
        foreach (var (name, content) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), content);
        }

        return folder;
    }

    private sealed class Instance(TestDatabase database, string? folder) : KeukentafelApp(database, ownsDatabase: false)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() =>
            folder is null ? [] : [new("Effects:CatalogueFolder", folder)];
    }
}
