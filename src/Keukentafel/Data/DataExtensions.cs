using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Data;

public static class DataExtensions
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        // Pooled contexts: a request takes a ready context instead of building one (measured in bench/: the case list
        // is mostly small queries, where setting up a context is a visible part of the cost).
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContextPool<KeukentafelDbContext, PostgresKeukentafelDbContext>(
                o => Quiet(PostgresKeukentafelDbContext.Configure(o, settings.ConnectionString)));
        }
        else
        {
            builder.Services.AddDbContextPool<KeukentafelDbContext, SqliteKeukentafelDbContext>(
                o => Quiet(SqliteKeukentafelDbContext.Configure(o, settings.ConnectionString)).AddInterceptors(new SqliteNoCommitCheckpoints()));
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<JobLeases>();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddHostedService<SqliteCheckpointJob>();
        return builder;
    }

    /// <summary>
    /// A failed command or save is logged by EF Core at Error, also when it is an expected clash that the application
    /// answers with a 409 (two saves of one case at the same moment) or tries again. Those are not errors for an
    /// operator; a failure nobody handles still reaches the host's own error log with its exception.
    /// </summary>
    private static DbContextOptionsBuilder Quiet(DbContextOptionsBuilder options) => options.ConfigureWarnings(w => w.Log(
        (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Information),
        (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Information)));

    /// <summary>Brings the database to the newest schema: creates the SQLite file's folder, applies migrations.</summary>
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        await services.RefuseUnknownSchemaAsync(cancellationToken: cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await Neighbourhoods.NameSearch.FillMissingKeysAsync(db, cancellationToken);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers go on while one writer writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Refuses a database that holds migrations this version does not know: a newer version's (an instance left behind
    /// in a rolling update), or from before the migrations were squashed into one. Never guess. With
    /// <paramref name="olderToo"/> (an instance that does not migrate itself) it refuses a database that lacks migrations
    /// of this version too: the migration step did not run (yet), and this version would meet tables it cannot find.
    /// </summary>
    public static async Task RefuseUnknownSchemaAsync(this IServiceProvider services, bool olderToo = false, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var (pending, unknown) = await MigrationsAsync(scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>(), cancellationToken);
        var database = services.GetRequiredService<DatabaseSettings>().Describe();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{database} holds migrations this version does not know ({string.Join(", ", unknown.Take(3))}). " +
                "Start the version that made it, or, for a development database, remove it and start again.");
        }

        if (olderToo && pending.Count > 0)
        {
            throw new InvalidOperationException($"{database} lacks {pending.Count} migration(s) of this version ({string.Join(", ", pending.Take(3))}). " +
                "Run the migrate step first (or set Database:MigrateOnStart).");
        }
    }

    /// <summary>This version's migrations the database lacks, and the database's migrations this version does not know.</summary>
    public static async Task<(IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)> MigrationsAsync(KeukentafelDbContext db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        return ([.. known.Except(applied, StringComparer.Ordinal)], [.. applied.Except(known, StringComparer.Ordinal)]);
    }
}
