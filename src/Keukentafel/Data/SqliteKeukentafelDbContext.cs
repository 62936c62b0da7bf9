using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Data;

/// <summary>The embedded default: a SQLite file, with its own migrations.</summary>
public sealed class SqliteKeukentafelDbContext(DbContextOptions<SqliteKeukentafelDbContext> options)
    : KeukentafelDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite keeps no time zone: every DateTime is written and read as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
