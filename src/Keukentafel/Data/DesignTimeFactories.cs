using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Keukentafel.Data;

// Used only by `dotnet ef migrations add` (see docs/migrations.md), so the tools need no running host or database.
// The migrations assembly is named, not loaded: the tools load it themselves from the --project given.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKeukentafelDbContext>
{
    public SqliteKeukentafelDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKeukentafelDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(MigrationsAssemblies.SqliteName)).Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKeukentafelDbContext>
{
    public PostgresKeukentafelDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKeukentafelDbContext>()
            .UseNpgsql("Host=localhost;Database=keukentafel", postgres => postgres.MigrationsAssembly(MigrationsAssemblies.PostgresName)).Options);
}
