using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Keukentafel.Data;

// Used only by `dotnet ef migrations add`, so the tools need no running host or database.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKeukentafelDbContext>
{
    public SqliteKeukentafelDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKeukentafelDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKeukentafelDbContext>
{
    public PostgresKeukentafelDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKeukentafelDbContext>().UseNpgsql("Host=localhost;Database=keukentafel").Options);
}
