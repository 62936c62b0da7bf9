using Npgsql;

namespace Keukentafel.Tests;

/// <summary>
/// A fresh, empty database for one test class: a new SQLite file, or, when
/// KEUKENTAFEL_TEST_POSTGRES holds a server connection string, a new PostgreSQL database on that
/// server. Under CI=true a PostgreSQL run that cannot reach its server fails; it never falls back.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "KEUKENTAFEL_TEST_POSTGRES";

    private readonly string? serverConnection;
    private readonly string name = $"kt_test_{Guid.NewGuid():N}";

    private TestDatabase(string? serverConnection)
    {
        this.serverConnection = serverConnection;
        SqliteFile = serverConnection is null ? Path.Combine(Path.GetTempPath(), "keukentafel-tests", $"{name}.db") : null;
    }

    public static string ProviderName => IsPostgres ? "PostgreSQL" : "SQLite";

    public static bool IsPostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public string? SqliteFile { get; }

    public string? PostgresConnection => serverConnection is null
        ? null
        : new NpgsqlConnectionStringBuilder(serverConnection) { Database = name }.ToString();

    public static TestDatabase Create() => new(IsPostgres ? Environment.GetEnvironmentVariable(PostgresVariable) : null);

    /// <summary>The settings that point the application at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() => PostgresConnection is { } postgres
        ? [new("ConnectionStrings:Postgres", postgres)]
        : [new("Database:SqlitePath", SqliteFile)];

    public async Task CreateAsync()
    {
        if (serverConnection is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SqliteFile)!);
            return;
        }

        await using var connection = new NpgsqlConnection(serverConnection);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (serverConnection is null)
        {
            foreach (var file in new[] { SqliteFile!, SqliteFile + "-wal", SqliteFile + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
