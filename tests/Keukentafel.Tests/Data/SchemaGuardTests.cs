using System.Net;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Data;

/// <summary>
/// In a rolling update the database may already carry a newer version's migration. An old instance is then not ready,
/// and one that does not migrate itself refuses to start, instead of working on a schema it does not know.
/// </summary>
public sealed class SchemaGuardTests
{
    [Fact]
    public async Task A_schema_newer_than_this_version_is_not_ready_and_an_instance_that_does_not_migrate_refuses_to_start()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = TestDatabase.Create();
        await database.CreateAsync();
        await using (var first = new OnDatabase(database, migrate: true))
        {
            await first.InitializeAsync();
            await using (var scope = first.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Database.ExecuteSqlRawAsync(
                    """INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('29991231000000_FromALaterVersion', '10.0.0')""", ct);
            }

            using var ready = await first.CreateClient().GetAsync("/health/ready", ct);
            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }

        await using var second = new OnDatabase(database, migrate: false);
        var refused = await Should.ThrowAsync<InvalidOperationException>(async () => await second.InitializeAsync());
        refused.Message.ShouldContain("29991231000000_FromALaterVersion");
    }

    private sealed class OnDatabase(TestDatabase database, bool migrate) : KeukentafelApp(database, ownsDatabase: false)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() =>
            [new("Database:MigrateOnStart", migrate ? "true" : "false"), new("Demo:SeedOnStart", migrate ? "true" : "false")];
    }
}
