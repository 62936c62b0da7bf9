using Microsoft.Data.Sqlite;

namespace Keukentafel.Data;

/// <summary>
/// A copy of the SQLite file taken while the application runs: SQLite's online backup reads every page in one
/// consistent snapshot (the write-ahead log's committed writes included) while writers go on. Copying the file with
/// <c>cp</c> instead can miss what is still in the log, or catch a page half written.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the database to <paramref name="target"/> (a new file) and checks the copy's integrity.</summary>
    public static async Task CopyAsync(DatabaseSettings settings, string target, CancellationToken ct)
    {
        if (settings.SqliteFile is not { } source)
        {
            throw new InvalidOperationException(
                "backup copies the SQLite file. For PostgreSQL use pg_dump --format=custom or the platform's WAL archiving (docs/deployment.md).");
        }

        if (!File.Exists(source))
        {
            throw new InvalidOperationException($"There is no database at {source}.");
        }

        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            throw new InvalidOperationException($"{target} exists already: a backup never overwrites a file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Pooling = false }.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
            await using var check = to.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            if (await check.ExecuteScalarAsync(ct) is not "ok")
            {
                throw new InvalidDataException($"The copy at {target} did not pass SQLite's integrity check.");
            }
        }
    }
}
