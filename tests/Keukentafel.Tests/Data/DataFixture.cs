using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Keukentafel.Tests.Data;

/// <summary>
/// Every row of a database at one migration, as provider-neutral JSON: made from the demo seed on SQLite when that migration
/// was the newest, and loaded into an empty SQLite or PostgreSQL database migrated to the same point, so the migrations after
/// it can be tried on real data (<see cref="MigrationUpgradeTests"/>). SQLite's values are what EF Core wrote there (text for
/// ids, times, dates and decimals; integers for booleans); PostgreSQL gets them converted to each column's own type.
/// </summary>
public sealed class DataFixture
{
    private DataFixture(string migration, Dictionary<string, Table> tables)
    {
        Migration = migration;
        Tables = tables;
    }

    public string Migration { get; }

    public IReadOnlyDictionary<string, Table> Tables { get; }

    /// <summary>The folder of the fixtures in the repository: one per migration, named after it (without its time stamp).</summary>
    public static string Folder => Path.Combine(RepositoryFolder.Root, "tests", "Keukentafel.Tests", "Data", "Fixtures");

    public static string FileOf(string migration) => Path.Combine(Folder, $"{migration}.json.gz");

    public static IEnumerable<string> Available() => Directory.Exists(Folder)
        ? Directory.GetFiles(Folder, "*.json.gz").Select(f => Path.GetFileName(f)[..^".json.gz".Length]).Order(StringComparer.Ordinal)
        : [];

    public static async Task<DataFixture> ReadAsync(string migration)
    {
        await using var file = File.OpenRead(FileOf(migration));
        await using var unzipped = new GZipStream(file, CompressionMode.Decompress);
        var root = (await JsonNode.ParseAsync(unzipped))!.AsObject();
        var tables = root["tables"]!.AsObject().ToDictionary(
            t => t.Key,
            t => new Table(
                [.. t.Value!["columns"]!.AsArray().Select(c => (string)c!)],
                [.. t.Value!["types"]!.AsArray().Select(c => (string)c!)],
                [.. t.Value!["rows"]!.AsArray().Select(r => r!.AsArray().Select(v => v?.DeepClone()).ToArray())]));
        return new DataFixture((string)root["migration"]!, tables);
    }

    /// <summary>Reads every table of a SQLite database (but EF's own: its migration history and lock) into a fixture file.</summary>
    public static async Task WriteAsync(string sqliteFile, string migration)
    {
        await using var connection = new SqliteConnection($"Data Source={sqliteFile};Pooling=False");
        await connection.OpenAsync();
        var tables = new JsonObject();
        foreach (var name in await NamesAsync(connection))
        {
            var columns = new JsonArray();
            var types = new JsonArray();
            await using (var info = connection.CreateCommand())
            {
                info.CommandText = $"SELECT name, type FROM pragma_table_info('{name}') ORDER BY cid";
                await using var reader = await info.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                    types.Add(reader.GetString(1));
                }
            }

            var rows = new JsonArray();
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = $"SELECT * FROM \"{name}\" ORDER BY rowid";
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var row = new JsonArray();
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        row.Add(reader.GetValue(i) switch
                        {
                            DBNull => null,
                            long number => JsonValue.Create(number),
                            double number => JsonValue.Create(number),
                            byte[] bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
                            var other => JsonValue.Create(Convert.ToString(other, CultureInfo.InvariantCulture)),
                        });
                    }

                    rows.Add(row);
                }
            }

            tables[name] = new JsonObject { ["columns"] = columns, ["types"] = types, ["rows"] = rows };
        }

        var root = new JsonObject { ["migration"] = migration, ["madeFrom"] = "the demo seed on SQLite", ["tables"] = tables };
        Directory.CreateDirectory(Folder);
        await using var file = File.Create(FileOf(migration));
        await using var zipped = new GZipStream(file, CompressionLevel.SmallestSize);
        await using var writer = new Utf8JsonWriter(zipped);
        root.WriteTo(writer);
    }

    /// <summary>Loads the rows into a database already migrated to this fixture's migration and still empty.</summary>
    public async Task LoadAsync(TestDatabase database)
    {
        if (database.PostgresConnection is { } postgres)
        {
            await LoadPostgresAsync(postgres);
        }
        else
        {
            await LoadSqliteAsync(database.SqliteFile!);
        }
    }

    private async Task LoadSqliteAsync(string file)
    {
        // Rows go in table by table, so foreign keys are checked once the load is done.
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False;Foreign Keys=False");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (name, table) in Tables)
        {
            await InsertAsync(connection, transaction, name, table, (column, value) => table.Types[column] == "BLOB" && value is not null
                ? Convert.FromBase64String((string)value!)
                : value?.GetValueKind() switch
                {
                    JsonValueKind.Number => value.AsValue().TryGetValue<long>(out var whole) ? whole : (double)value,
                    JsonValueKind.String => (string)value!,
                    _ => DBNull.Value,
                });
        }

        await using (var check = connection.CreateCommand())
        {
            check.Transaction = (SqliteTransaction)transaction;
            check.CommandText = "PRAGMA foreign_key_check";
            await using var reader = await check.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                throw new InvalidOperationException(
                    $"The fixture breaks a foreign key: a row of {reader.GetString(0)} refers to a missing {reader.GetString(2)}.");
            }
        }

        await transaction.CommitAsync();
    }

    private async Task LoadPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Rows go in table by table, so foreign keys (and the append-only triggers) wait until the load is done.
        await using (var replica = new NpgsqlCommand("SET LOCAL session_replication_role = replica", connection, transaction))
        {
            await replica.ExecuteNonQueryAsync();
        }

        foreach (var (name, table) in Tables)
        {
            var types = await ColumnTypesAsync(connection, transaction, name);
            await InsertAsync(connection, transaction, name, table, (column, value) => ToPostgres(value, types[table.Columns[column]]));
        }

        // Identity columns continue after the loaded rows.
        await using (var identities = new NpgsqlCommand(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES'
            """, connection, transaction))
        {
            var columns = new List<(string Table, string Column)>();
            await using (var reader = await identities.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    columns.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (table, column) in columns)
            {
                await using var next = new NpgsqlCommand(
                    $"""SELECT setval(pg_get_serial_sequence('"{table}"', '{column}'), COALESCE(MAX("{column}"), 0) + 1, false) FROM "{table}" """,
                    connection, transaction);
                await next.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string name, Table table, Func<int, JsonNode?, object> value)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
        var parameters = string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"));
        foreach (var row in table.Rows)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{name}\" ({columns}) VALUES ({parameters})";
            for (var i = 0; i < row.Length; i++)
            {
                var converted = value(i, row[i]);
                var parameter = converted as DbParameter ?? insert.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                if (converted is not DbParameter)
                {
                    parameter.Value = converted;
                }

                insert.Parameters.Add(parameter);
            }

            await insert.ExecuteNonQueryAsync();
        }
    }

    private static object ToPostgres(JsonNode? value, string type)
    {
        if (value is null)
        {
            return DBNull.Value;
        }

        var text = value.GetValueKind() == JsonValueKind.String ? (string)value! : value.ToJsonString();
        return type switch
        {
            "uuid" => Guid.Parse(text),
            "timestamp with time zone" => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            "date" => DateOnly.Parse(text, CultureInfo.InvariantCulture),
            "boolean" => (long)value != 0,
            "smallint" => (short)(long)value,
            "integer" => (int)(long)value,
            "bigint" => (long)value,
            "numeric" => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            "double precision" => double.Parse(text, CultureInfo.InvariantCulture),
            "bytea" => Convert.FromBase64String(text),
            "jsonb" => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = text },
            "character varying" or "text" => text,
            _ => throw new NotSupportedException($"A fixture cannot load a PostgreSQL column of type {type} yet: add it here."),
        };
    }

    private static async Task<Dictionary<string, string>> ColumnTypesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table",
            connection, transaction);
        command.Parameters.AddWithValue("table", table);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types[reader.GetString(0)] = reader.GetString(1);
        }

        return types;
    }

    private static async Task<List<string>> NamesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT name FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\_\_EF%' ESCAPE '\'
            ORDER BY name
            """;
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>One table: its columns with their SQLite types, and its rows in the order they were written.</summary>
    public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<string> Types, IReadOnlyList<JsonNode?[]> Rows);
}
