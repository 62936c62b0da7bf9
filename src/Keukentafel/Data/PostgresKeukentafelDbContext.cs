using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Data;

/// <summary>PostgreSQL, for production and for several hosts sharing one database (src/Keukentafel.Migrations.Postgres).</summary>
public sealed class PostgresKeukentafelDbContext(DbContextOptions<PostgresKeukentafelDbContext> options)
    : KeukentafelDbContext(options)
{
    /// <summary>Points a context at a PostgreSQL database, with the migrations made for PostgreSQL.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, postgres => postgres.MigrationsAssembly(MigrationsAssemblies.Postgres));

    /// <summary>A context of its own on the given database, for operator commands, tests and benchmarks.</summary>
    public static PostgresKeukentafelDbContext Create(string connectionString) =>
        new((DbContextOptions<PostgresKeukentafelDbContext>)Configure(new DbContextOptionsBuilder<PostgresKeukentafelDbContext>(), connectionString).Options);
}
