using System.Reflection;
using Keukentafel.Budget;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Data;

/// <summary>
/// Every migration is tried on a database filled before it: the demo seed, kept as a fixture of each migration while it was
/// the newest (<see cref="DataFixture"/>). The fixture is loaded at its own migration, the application starts on it and
/// upgrades it as it would in production, and then the data must still be there and whole.
/// </summary>
public sealed class MigrationUpgradeTests
{
    public static TheoryData<string> Fixtures() => [.. DataFixture.Available()];

    [Fact]
    public async Task The_newest_migration_has_a_fixture_of_the_data_before_the_next()
    {
        var newest = MigrationNames().Last();
        if (File.Exists(DataFixture.FileOf(newest)))
        {
            return;
        }

        // Made here, from the demo seed of the code that the newest migration belongs to: later, when a newer migration
        // changes the model, that data can no longer be made.
        var canWrite = !TestDatabase.IsPostgres && Environment.GetEnvironmentVariable("CI") != "true";
        if (canWrite)
        {
            await using var app = new KeukentafelApp();
            await app.InitializeAsync();
            await UseAsync(app);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", TestContext.Current.CancellationToken);
            }

            await DataFixture.WriteAsync(app.Database.SqliteFile!, newest);
        }

        Assert.Fail(canWrite
            ? $"The newest migration {newest} had no fixture: it was made now ({DataFixture.FileOf(newest)}). Commit it with the migration."
            : $"The newest migration {newest} has no fixture. Run the tests on SQLite outside CI once to make it (docs/migrations.md).");
    }

    [Fact]
    public void Each_migration_after_the_first_has_the_fixture_of_the_migration_before_it()
    {
        var migrations = MigrationNames();
        var missing = migrations.Skip(1).Select((_, i) => migrations[i]).Where(before => !File.Exists(DataFixture.FileOf(before))).ToList();

        missing.ShouldBeEmpty("a migration is tried on the data of the one before it: restore the fixture from git history");
        DataFixture.Available().ShouldBeSubsetOf(migrations, "a fixture names a migration that does not exist");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task A_database_filled_at_a_migration_upgrades_with_its_data_whole(string migration)
    {
        var fixture = await DataFixture.ReadAsync(migration);
        await using var database = TestDatabase.Create();
        await database.CreateAsync();
        await using (var db = Context(database))
        {
            var id = db.Database.GetMigrations().Single(m => NameOf(m) == migration);
            await db.GetService<IMigrator>().MigrateAsync(id, TestContext.Current.CancellationToken);
        }

        await fixture.LoadAsync(database);

        // The application upgrades the database on start, as it does in production.
        await using var app = new UpgradedApp(database);
        await app.InitializeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var upgraded = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();

        (await upgraded.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        foreach (var (table, rows) in fixture.Tables)
        {
            (await CountAsync(upgraded, table)).ShouldBeGreaterThanOrEqualTo(rows.Rows.Count, $"rows of {table} after upgrading from {migration}");
        }

        foreach (var entity in upgraded.Model.GetEntityTypes().Where(e => !e.IsOwned() && !e.HasSharedClrType))
        {
            // Every row reads back into today's entity types: no column the model needs was left empty or unreadable.
            await ReadAllAsync(upgraded, entity.ClrType);
        }

        (await app.Services.GetRequiredService<AuditLog>().VerifyAsync(TestContext.Current.CancellationToken)).Intact.ShouldBeTrue();
        (await scope.ServiceProvider.GetRequiredService<Financing>().VerifyAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        // Residents stored before their search key existed got it at start-up.
        (await upgraded.Residents.AsNoTracking().Select(r => new { r.Name, r.SearchKey }).ToListAsync(TestContext.Current.CancellationToken))
            .ShouldAllBe(r => r.SearchKey == Keukentafel.Neighbourhoods.NameSearch.KeyOf(r.Name));

        using var professional = await app.ApiAsync(PageSession.Professional);
        var cases = await professional.GetJsonAsync("/api/v1/cases");
        cases.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0);
    }

    /// <summary>What the seed does not write: sign-in sessions, and the audit log's chain of reads.</summary>
    private static async Task UseAsync(KeukentafelApp app)
    {
        using var browser = await app.SignedInAsync(PageSession.Coordinator);
        using var professional = await app.ApiAsync(PageSession.Professional);
        var cases = await professional.GetJsonAsync("/api/v1/cases");
        foreach (var item in cases.GetProperty("items").EnumerateArray().Take(3))
        {
            await professional.GetJsonAsync($"/api/v1/cases/{item.Id()}");
        }
    }

    /// <summary>The migrations by name, without the time stamp that differs between the providers.</summary>
    private static List<string> MigrationNames()
    {
        using var db = SqliteKeukentafelDbContext.Create("Data Source=:memory:");
        return [.. db.Database.GetMigrations().Select(NameOf)];
    }

    private static string NameOf(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];

    private static async Task<long> CountAsync(KeukentafelDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ReadAllAsync(KeukentafelDbContext db, Type entity)
    {
        var read = typeof(MigrationUpgradeTests).GetMethod(nameof(ReadAllOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(entity);
        await (Task)read.Invoke(null, [db])!;
    }

    private static async Task ReadAllOfAsync<T>(KeukentafelDbContext db)
        where T : class =>
        await db.Set<T>().AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);

    private static KeukentafelDbContext Context(TestDatabase database) => database.PostgresConnection is { } postgres
        ? PostgresKeukentafelDbContext.Create(postgres)
        : SqliteKeukentafelDbContext.Create($"Data Source={database.SqliteFile}");

    /// <summary>The application on a database filled from a fixture: no demo seed of its own.</summary>
    private sealed class UpgradedApp(TestDatabase database) : KeukentafelApp(database, ownsDatabase: false)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() => [new("Demo:SeedOnStart", "false")];
    }
}
