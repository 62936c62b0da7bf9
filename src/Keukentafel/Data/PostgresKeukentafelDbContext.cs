using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Data;

/// <summary>PostgreSQL, for production and for several hosts sharing one database.</summary>
public sealed class PostgresKeukentafelDbContext(DbContextOptions<PostgresKeukentafelDbContext> options)
    : KeukentafelDbContext(options);
