using Keukentafel.Neighbourhoods.Demo;

namespace Keukentafel.Data;

/// <summary>
/// Runs before the web server takes requests: applies migrations (Database:MigrateOnStart, default on; when off, it
/// refuses to start on a schema newer than it knows), loads the cost catalogue from the database (delivering the
/// versions of its own files that are new), and seeds the demo neighbourhood where that is asked for (Demo:SeedOnStart,
/// development only).
/// </summary>
public sealed partial class DatabaseStartup(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (configuration.GetValue("Database:MigrateOnStart", true))
        {
            var database = settings.Describe();
            LogMigrating(logger, database);
            await services.MigrateAsync(cancellationToken);
        }
        else
        {
            // Migrations are a step of their own (the migrate command, an init container): this instance only checks.
            await services.RefuseUnknownSchemaAsync(olderToo: true, cancellationToken);
        }

        // Every instance prices with the catalogue versions the database holds; its own files may add a new one.
        await services.GetRequiredService<Effects.CostCatalogueStore>().StartAsync(cancellationToken);

        if (configuration.GetValue("Demo:SeedOnStart", false))
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrating {Database}")]
    private static partial void LogMigrating(ILogger logger, string database);
}
