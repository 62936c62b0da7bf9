using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Keukentafel.Data;

/// <summary>
/// Writes what a context tracks as added, table by table, without SaveChanges: prepared INSERTs in one transaction on
/// SQLite, binary COPY on PostgreSQL. Columns and values come from the EF model (shadow keys, complex properties and
/// value converters included), so the rows are exactly those SaveChanges would write, only far faster. The audit log
/// writes its events this way; the benchmark's data generator its millions of rows.
/// </summary>
internal sealed class BulkWriter(KeukentafelDbContext db)
{
    private readonly bool postgres = db.Database.IsNpgsql();

    /// <summary>Writes every added entity the context tracks, principals before dependents, then forgets them.</summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        var groups = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added)
            .GroupBy(e => e.Metadata.GetTableName() ?? throw new InvalidOperationException($"{e.Metadata.DisplayName()} has no table."))
            .ToDictionary(g => g.Key, g => g.ToList());
        var written = 0;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        // Inside the caller's transaction when it has one (its other changes commit with these rows), else in one of its own.
        var outer = db.Database.CurrentTransaction is { } current ? current.GetDbTransaction() : null;
        await using var own = outer is null ? await connection.BeginTransactionAsync(ct) : null;
        var transaction = outer ?? own!;
        foreach (var table in Ordered(groups.Keys))
        {
            var rows = groups[table];
            var columns = Columns(rows[0].Metadata, table);
            written += postgres
                ? await CopyAsync((NpgsqlConnection)connection, table, columns, rows, ct)
                : await InsertAsync((SqliteConnection)connection, (SqliteTransaction)transaction, table, columns, rows, ct);
        }

        if (own is not null)
        {
            await own.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        return written;
    }

    private sealed record Column(string Name, string StoreType, Func<EntityEntry, object?> Value);

    private static List<Column> Columns(IEntityType type, string table)
    {
        var identifier = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = new List<Column>();
        foreach (var property in type.GetProperties())
        {
            columns.Add(Of(property, identifier, e => e.Property(property.Name).CurrentValue));
        }

        foreach (var complex in type.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                columns.Add(Of(property, identifier, e => e.ComplexProperty(complex.Name).Property(property.Name).CurrentValue));
            }
        }

        return columns;
    }

    private static Column Of(IProperty property, StoreObjectIdentifier table, Func<EntityEntry, object?> read)
    {
        var converter = property.GetTypeMapping().Converter;
        // COPY names the type without its facets: "character varying", not "character varying(200)".
        var storeType = System.Text.RegularExpressions.Regex.Replace(property.GetColumnType(), @"\(.*\)", "");
        return new Column(property.GetColumnName(table) ?? property.Name, storeType, e =>
        {
            var value = read(e);
            return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
        });
    }

    /// <summary>
    /// Tables in an order in which every required foreign key's principal table comes first. Optional keys may form a
    /// circle (a neighbourhood's coordinator works in the neighbourhood): the caller fills those in afterwards.
    /// </summary>
    private List<string> Ordered(IEnumerable<string> tables)
    {
        var wanted = tables.ToHashSet(StringComparer.Ordinal);
        var dependsOn = db.Model.GetEntityTypes().Where(t => t.GetTableName() is { } n && wanted.Contains(n))
            .GroupBy(t => t.GetTableName()!)
            .ToDictionary(g => g.Key, g => g.SelectMany(t => t.GetForeignKeys()).Where(f => f.IsRequired).Select(f => f.PrincipalEntityType.GetTableName())
                .OfType<string>().Where(p => wanted.Contains(p) && p != g.Key).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var done = new List<string>();
        while (done.Count < wanted.Count)
        {
            var next = wanted.Where(t => !done.Contains(t) && dependsOn[t].All(done.Contains)).OrderBy(t => t, StringComparer.Ordinal).FirstOrDefault()
                ?? throw new InvalidOperationException("The tables refer to each other in a circle.");
            done.Add(next);
        }

        return done;
    }

    private static async Task<int> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string table, List<Column> columns,
        List<EntityEntry> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = SqliteValues.Of(columns[i].Value(row));
            }

            await command.ExecuteNonQueryAsync(ct);
        }

        return rows.Count;
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, string table, List<Column> columns, List<EntityEntry> rows, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.Value(row) is { } value)
                {
                    await importer.WriteAsync(value, column.StoreType, ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
        return rows.Count;
    }
}
