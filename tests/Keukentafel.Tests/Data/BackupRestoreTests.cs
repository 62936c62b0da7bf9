using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Keukentafel.Tests.Data;

/// <summary>
/// A backup is only as good as its restore. A backup taken as the operations guide says (SQLite: the <c>backup</c>
/// command's online copy; PostgreSQL: <c>pg_dump --format=custom</c> and <c>pg_restore</c>) while residents' cases are
/// being written, restored into a database of its own: an instance that does not migrate starts on it, every case
/// acknowledged before the backup is there, the audit log verifies and every budget's ledger adds up.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_taken_while_cases_are_written_restores_to_a_database_that_verifies()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = TestDatabase.Create();
        await database.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("keukentafel-backup-").FullName;
        string? restoredDatabase = null;
        try
        {
            await using var source = new OnDatabase(database, null);
            await source.InitializeAsync();
            using var api = await source.ApiAsync(PageSession.Professional);
            var neighbourhood = await source.NeighbourhoodIdAsync("WK990101");

            // Cases keep coming in while the backup is taken.
            var acknowledged = new ConcurrentQueue<Guid>();
            using var stop = new CancellationTokenSource();
            var writing = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var created = await api.PostJsonAsync("/api/v1/cases", NewCases.Body(neighbourhood, family: $"Back{i:D3}"), HttpStatusCode.Created);
                    acknowledged.Enqueue(created.Id());
                }
            }, ct);
            while (acknowledged.Count < 5)
            {
                await Task.Delay(50, ct);
            }

            var before = acknowledged.ToArray();
            Dictionary<string, string?> restored;
            if (database.PostgresConnection is { } postgres)
            {
                // The backup command copies SQLite files only; it names the PostgreSQL tools instead.
                var (refused, _, why) = await OperatorCommand.RunAsync(database, ["backup", "--to", Path.Combine(folder, "copy.db")]);
                refused.ShouldBe(1);
                why.ShouldContain("pg_dump --format=custom");
                var dump = Path.Combine(folder, "keukentafel.dump");
                await RunAsync(Tool("pg_dump"), postgres, ["--format=custom", "--file", dump]);
                restoredDatabase = new NpgsqlConnectionStringBuilder(postgres).Database + "_restored";
                var target = new NpgsqlConnectionStringBuilder(postgres) { Database = restoredDatabase }.ConnectionString;
                await ExecuteAsync(postgres, $"CREATE DATABASE \"{restoredDatabase}\"");
                await RunAsync(Tool("pg_restore"), target, ["--exit-on-error", "--no-owner", dump]);
                restored = new() { ["ConnectionStrings:Postgres"] = target };
            }
            else
            {
                var copy = Path.Combine(folder, "keukentafel-backup.db");
                var (code, output, errors) = await OperatorCommand.RunAsync(database, ["backup", "--to", copy]);
                code.ShouldBe(0, errors);
                output.ShouldContain("Backup written to");
                restored = new() { ["Database:SqlitePath"] = copy };
            }

            await stop.CancelAsync();
            await writing;
            acknowledged.Count.ShouldBeGreaterThan(before.Length, "cases were written during the backup too");

            await using var back = new OnDatabase(database, restored);
            await back.InitializeAsync();
            using (var ready = await back.CreateClient().GetAsync("/health/ready", ct))
            {
                (await ready.Content.ReadAsStringAsync(ct)).ShouldBe("Healthy");
            }

            await using var scope = back.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            (await db.Cases.CountAsync(c => before.Contains(c.Id), ct)).ShouldBe(before.Length);
            var audit = await back.Services.GetRequiredService<AuditLog>().VerifyAsync(ct);
            audit.Intact.ShouldBeTrue(audit.Problem);
            (await scope.ServiceProvider.GetRequiredService<Keukentafel.Budget.Financing>().VerifyAsync(ct)).ShouldBeEmpty();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            if (restoredDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(database.PostgresConnection!, $"DROP DATABASE IF EXISTS \"{restoredDatabase}\" WITH (FORCE)");
            }
        }
    }

    /// <summary>A PostgreSQL client program: the newest installed version's (Debian keeps them per version), else the one on the path.</summary>
    private static string Tool(string name) =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
                .FirstOrDefault() ?? name
            : name;

    private static async Task RunAsync(string program, string connection, string[] arguments)
    {
        var on = new NpgsqlConnectionStringBuilder(connection);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--host", on.Host!, "--port", on.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--username", on.Username!, "--dbname", on.Database!, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        if (on.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, $"{program}: {await output}{await errors}");
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString);
        await server.OpenAsync();
        await using var command = new NpgsqlCommand(sql, server);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The application on the source database, or (with settings) on the restored one: it only checks the schema there.</summary>
    private sealed class OnDatabase(TestDatabase database, Dictionary<string, string?>? restored) : KeukentafelApp(database, ownsDatabase: false)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() => restored is null
            ? []
            : [.. restored, new("Database:MigrateOnStart", "false"), new("Demo:SeedOnStart", "false")];
    }
}
