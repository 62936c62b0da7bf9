using System.Net;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Data;

/// <summary>
/// In a rolling update the database may already carry a newer version's migration. A running old instance then says
/// it is degraded (it keeps serving: migrations add), and one that does not migrate itself refuses to start; it refuses
/// a database the migration step has not brought to its own schema yet too.
/// </summary>
public sealed class SchemaGuardTests
{
    [Fact]
    public async Task A_schema_newer_than_this_version_degrades_a_running_instance_and_one_that_does_not_migrate_refuses_to_start()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = TestDatabase.Create();
        await database.CreateAsync();
        await using var first = new OnDatabase(database, migrate: true);
        await first.InitializeAsync();
        await using (var scope = first.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Database.ExecuteSqlRawAsync(
                """INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('29991231000000_FromALaterVersion', '10.0.0')""", ct);
        }

        // The old instance keeps serving (migrations add), but says it is behind.
        using (var ready = await first.CreateClient().GetAsync("/health/ready", ct))
        {
            ready.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ready.Content.ReadAsStringAsync(ct)).ShouldBe("Degraded");
        }

        await using var second = new OnDatabase(database, migrate: false);
        var refused = await Should.ThrowAsync<InvalidOperationException>(async () => await second.InitializeAsync());
        refused.Message.ShouldContain("29991231000000_FromALaterVersion");

        // And a schema older than this version (the migration step did not run) is refused by an instance that does not migrate.
        string newest;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            newest = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlAsync(
                $"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" IN ('29991231000000_FromALaterVersion', {newest})""", ct);
        }

        await using var third = new OnDatabase(database, migrate: false);
        var behind = await Should.ThrowAsync<InvalidOperationException>(async () => await third.InitializeAsync());
        behind.Message.ShouldContain(newest);
        behind.Message.ShouldContain("Run the migrate step first");
    }

    private sealed class OnDatabase(TestDatabase database, bool migrate) : KeukentafelApp(database, ownsDatabase: false)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() =>
            [new("Database:MigrateOnStart", migrate ? "true" : "false"), new("Demo:SeedOnStart", migrate ? "true" : "false")];
    }
}
