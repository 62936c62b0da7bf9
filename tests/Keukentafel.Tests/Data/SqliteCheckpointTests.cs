using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Data;

/// <summary>
/// On SQLite the application's commits never copy the write-ahead log into the database file (that made one commit in
/// a thousand pages, and every request behind it, wait: bench/FINDINGS.md); the checkpoint job does it beside them,
/// copies everything no reader needs, and the log starts again from the beginning at the next write.
/// </summary>
public sealed class SqliteCheckpointTests
{
    [Fact]
    public async Task Commits_leave_the_log_to_the_checkpoint_job_which_copies_it_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = TestDatabase.Create();
        Assert.SkipWhen(database.SqliteFile is null, "PostgreSQL keeps its own write-ahead log; this is about the SQLite file.");
        await using var app = new WithoutCheckpointJob(database);
        await app.InitializeAsync();

        // The application's own connections: no checkpoint in a commit.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            (await db.Database.SqlQueryRaw<long>("PRAGMA wal_autocheckpoint").ToListAsync(ct)).ShouldBe([0L]);

            // Some 3,000 pages in ten commits: with SQLite's default, a commit would have checkpointed at 1,000 pages and
            // the next one started the log again.
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE scratch (payload BLOB)", ct);
            for (var i = 0; i < 10; i++)
            {
                await db.Database.ExecuteSqlRawAsync("INSERT INTO scratch VALUES (randomblob(1200000))", ct);
            }
        }

        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var (log, copied) = await SqliteCheckpointJob.CheckpointAsync(settings.ConnectionString, ct);
        log.ShouldBeGreaterThan(2_500, "every commit's pages are still in the log: none of them checkpointed");
        copied.ShouldBe(log, "no reader holds on to the log, so the job copies it whole");

        // The next write starts the log again from the beginning (cut back to the size limit).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM scratch", ct);
        }

        var (after, _) = await SqliteCheckpointJob.CheckpointAsync(settings.ConnectionString, ct);
        after.ShouldBeLessThan(log);
        new FileInfo(database.SqliteFile + "-wal").Length.ShouldBeLessThanOrEqualTo(64L * 1024 * 1024 + 4 * 4096);
    }

    private sealed class WithoutCheckpointJob(TestDatabase database) : KeukentafelApp(database, ownsDatabase: true)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() => [new("Database:SqliteCheckpointSeconds", "0")];
    }
}
