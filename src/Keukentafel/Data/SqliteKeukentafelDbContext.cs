using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Data;

/// <summary>The embedded default: a SQLite file, with its own migrations (src/Keukentafel.Migrations.Sqlite).</summary>
public sealed class SqliteKeukentafelDbContext(DbContextOptions<SqliteKeukentafelDbContext> options)
    : KeukentafelDbContext(options)
{
    /// <summary>Points a context at a SQLite database, with the migrations made for SQLite.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssemblies.Sqlite));

    /// <summary>A context of its own on the given database, for operator commands, tests and benchmarks.</summary>
    public static SqliteKeukentafelDbContext Create(string connectionString) =>
        new((DbContextOptions<SqliteKeukentafelDbContext>)Configure(new DbContextOptionsBuilder<SqliteKeukentafelDbContext>(), connectionString).Options);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite keeps no time zone: every DateTime is written and read as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
