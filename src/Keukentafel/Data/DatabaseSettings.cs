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
            return new DatabaseSettings(DatabaseProvider.Postgres, WithPreparedStatements(postgres), null);
        }

        var file = Path.GetFullPath(configuration["Database:SqlitePath"] ?? Path.Combine("data", "keukentafel.db"), contentRoot);
        var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 };
        return new DatabaseSettings(DatabaseProvider.Sqlite, connection.ToString(), file);
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs often (unless the operator chose otherwise): PostgreSQL then
    /// plans the case list once per connection instead of on every request (measured in bench/: most of the list's time).
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        // Only when the key is absent: "Max Auto Prepare=0" is a choice (behind PgBouncer in transaction mode, say).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 100 }.ConnectionString;
    }

    /// <summary>A description for operators that never shows a password.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite file {SqliteFile}"
        : $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}";
}
