using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database()
    {
        await using var database = TestDatabase.Create();
        await database.CreateAsync();
        await using var db = Context(database);

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBe(db.Database.GetMigrations());
        (await db.Municipalities.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task Applying_the_migrations_again_changes_nothing()
    {
        await using var database = TestDatabase.Create();
        await database.CreateAsync();
        await using (var first = Context(database))
        {
            await first.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }

        await using var second = Context(database);
        await second.Database.MigrateAsync(TestContext.Current.CancellationToken);

        (await second.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).Count().ShouldBe(second.Database.GetMigrations().Count());
    }

    [Fact]
    public void The_migrations_of_both_providers_match_the_model()
    {
        // A changed entity without a new migration for SQLite and for PostgreSQL fails here.
        using var sqlite = SqliteKeukentafelDbContext.Create("Data Source=design-time.db");
        using var postgres = PostgresKeukentafelDbContext.Create("Host=localhost;Database=keukentafel");

        sqlite.Database.HasPendingModelChanges().ShouldBeFalse("add a migration for both providers: see docs/migrations.md");
        postgres.Database.HasPendingModelChanges().ShouldBeFalse("add a migration for both providers: see docs/migrations.md");
        // The same migrations, by name and in the same order; their time stamps differ.
        sqlite.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..])
            .ShouldBe(postgres.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public async Task Times_are_stored_and_read_back_as_UTC()
    {
        await using var database = TestDatabase.Create();
        await database.CreateAsync();
        var registered = new DateTime(2026, 11, 23, 14, 30, 15, DateTimeKind.Utc);
        Guid residentId;
        await using (var db = Context(database))
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            var municipality = new Municipality("Gemeente Proefdorp", "GM9998");
            var neighbourhood = new Neighbourhood(municipality, "Centrum", "WK999801", 1200);
            var resident = new Resident(new PersonName("Test", null, "Bewoner"), new DateOnly(1970, 1, 1), neighbourhood,
                new Address("Dorpsstraat", "1", "9999ZZ", "Proefdorp"), registered);
            db.AddRange(municipality, neighbourhood, resident);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            residentId = resident.Id;
        }

        await using var read = Context(database);
        var stored = await read.Residents.SingleAsync(r => r.Id == residentId, TestContext.Current.CancellationToken);

        stored.RegisteredAtUtc.ShouldBe(registered);
        stored.RegisteredAtUtc.Kind.ShouldBe(DateTimeKind.Utc);
        stored.Address.PostalCode.ShouldBe("9999 ZZ");
    }

    [Fact]
    public async Task A_time_that_is_not_UTC_is_refused_rather_than_guessed()
    {
        await using var database = TestDatabase.Create();
        await database.CreateAsync();
        await using var db = Context(database);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var municipality = new Municipality("Gemeente Proefdorp", "GM9998");
        var neighbourhood = new Neighbourhood(municipality, "Centrum", "WK999801", 1200);
        db.AddRange(municipality, neighbourhood);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var registered = DateTime.SpecifyKind(new DateTime(2026, 11, 23, 14, 30, 0), DateTimeKind.Utc);
        var resident = new Resident(new PersonName("Test", null, "Bewoner"), new DateOnly(1970, 1, 1), neighbourhood,
            new Address("Dorpsstraat", "1", "9999ZZ", "Proefdorp"), registered);
        db.Residents.Add(resident);
        db.Entry(resident).Property(r => r.RegisteredAtUtc).CurrentValue = DateTime.SpecifyKind(registered.AddHours(1), DateTimeKind.Unspecified);

        var refusal = await Should.ThrowAsync<Exception>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));

        (refusal.Message + refusal.InnerException?.Message).ShouldContain("UTC");
    }

    private static KeukentafelDbContext Context(TestDatabase database) => database.PostgresConnection is { } postgres
        ? PostgresKeukentafelDbContext.Create(postgres)
        : SqliteKeukentafelDbContext.Create($"Data Source={database.SqliteFile}");
}
