using Microsoft.Data.Sqlite;

namespace Keukentafel.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database to use. PostgreSQL when <c>ConnectionStrings:Postgres</c> is set; otherwise the
/// embedded SQLite file at <c>Database:SqlitePath</c> (default <c>data/keukentafel.db</c> under the content root).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string? SqliteFile)
{
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return new DatabaseSettings(DatabaseProvider.Postgres, postgres, null);
        }

        var file = Path.GetFullPath(configuration["Database:SqlitePath"] ?? Path.Combine("data", "keukentafel.db"), contentRoot);
        var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 };
        return new DatabaseSettings(DatabaseProvider.Sqlite, connection.ToString(), file);
    }

    /// <summary>A description for operators that never shows a password.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite file {SqliteFile}"
        : $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}";
}
