using System.Security.Cryptography;
using System.Text;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Effects;

/// <summary>
/// One version of the cost catalogue as the database keeps it: the delivered file's text, its SHA-256, where and when
/// it came in. Never changed: a changed price is a new version.
/// </summary>
public sealed class CostCatalogueVersion
{
    public const int MaxVersionLength = 40;

    private CostCatalogueVersion()
    {
    }

    public CostCatalogueVersion(CostCatalogue catalogue, string content, string file, DateTime loadedAtUtc)
    {
        Version = catalogue.Version;
        Published = catalogue.Published;
        Content = content;
        Sha256 = HashOf(content);
        File = file;
        LoadedAtUtc = loadedAtUtc;
    }

    public string Version { get; private set; } = "";

    public DateOnly Published { get; private set; }

    /// <summary>The catalogue's text as delivered: its prices, each with its source, and the price index.</summary>
    public string Content { get; private set; } = "";

    public string Sha256 { get; private set; } = "";

    /// <summary>The name of the file it was delivered in.</summary>
    public string File { get; private set; } = "";

    public DateTime LoadedAtUtc { get; private set; }

    public static string HashOf(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}

internal sealed class CostCatalogueVersionConfiguration : IEntityTypeConfiguration<CostCatalogueVersion>
{
    public void Configure(EntityTypeBuilder<CostCatalogueVersion> e)
    {
        e.HasKey(v => v.Version);
        e.Property(v => v.Version).HasMaxLength(CostCatalogueVersion.MaxVersionLength);
        e.Property(v => v.Sha256).HasMaxLength(64);
        e.Property(v => v.File).HasMaxLength(260);
    }
}

/// <summary>What delivering the catalogue files did: versions added, and files that differ from the version already kept.</summary>
public sealed record CatalogueDelivery(IReadOnlyList<string> Added, IReadOnlyList<string> Conflicts);

/// <summary>
/// Keeps the cost catalogue in the database, so every instance prices with the same versions: files deliver new
/// versions (<see cref="DeliverAsync"/>: by the <c>migrate</c> step, and by each instance at start), and every instance
/// uses what the database holds (<see cref="LoadAsync"/>: at start, then every <c>Effects:CatalogueRefreshSeconds</c>).
/// </summary>
public sealed partial class CostCatalogueStore(IServiceScopeFactory scopes, CostCatalogues catalogues, TimeProvider time, IConfiguration configuration,
    IHostEnvironment environment, ILogger<CostCatalogueStore> logger)
{
    /// <summary>
    /// Where the files come from: <c>Effects:CatalogueFolder</c>, or the copy of <c>data/cost-catalogue</c> the build puts
    /// beside the application.
    /// </summary>
    public string Folder => configuration["Effects:CatalogueFolder"] is { Length: > 0 } folder
        ? Path.GetFullPath(folder, environment.ContentRootPath)
        : Path.Combine(AppContext.BaseDirectory, "data", "cost-catalogue");

    /// <summary>
    /// Adds the versions of the folder's files that the database does not have yet. A file whose version the database
    /// has with other contents is not taken: it is named in <see cref="CatalogueDelivery.Conflicts"/>, and the kept version stays.
    /// Several instances delivering at once add each version once.
    /// </summary>
    public async Task<CatalogueDelivery> DeliverAsync(CancellationToken ct)
    {
        var files = CostCatalogues.ReadFolder(Folder);
        var added = new List<string>();
        var conflicts = new List<string>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        foreach (var (file, content, catalogue) in files)
        {
            var kept = await KeptHashAsync(db, catalogue.Version, ct);
            if (kept is null)
            {
                db.CostCatalogueVersions.Add(new CostCatalogueVersion(catalogue, content, file, time.GetUtcNow().UtcDateTime));
                try
                {
                    await db.SaveChangesAsync(ct);
                    added.Add(catalogue.Version);
                    LogAdded(logger, catalogue.Version, file);
                    continue;
                }
                catch (DbUpdateException)
                {
                    // Another instance added the same version at the same moment: compare with what it kept.
                    db.ChangeTracker.Clear();
                    kept = await KeptHashAsync(db, catalogue.Version, ct);
                    if (kept is null)
                    {
                        throw;
                    }
                }
            }

            if (kept != CostCatalogueVersion.HashOf(content))
            {
                conflicts.Add($"{file}: version {catalogue.Version} is already in the database with other contents; "
                    + "a changed price is a new version (a new file with a version of its own)");
            }
        }

        return new CatalogueDelivery(added, conflicts);
    }

    /// <summary>The SHA-256 of the version the database keeps, or null when it has none of that version.</summary>
    private static Task<string?> KeptHashAsync(KeukentafelDbContext db, string version, CancellationToken ct) =>
        db.CostCatalogueVersions.AsNoTracking().Where(v => v.Version == version).Select(v => (string?)v.Sha256).SingleOrDefaultAsync(ct);

    /// <summary>Puts the versions the database holds in use; false when it holds none.</summary>
    public async Task<bool> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var stored = await db.CostCatalogueVersions.AsNoTracking().ToListAsync(ct);
        if (stored.Count == 0)
        {
            return false;
        }

        catalogues.Use([.. stored.Select(v => CostCatalogue.Parse(v.Content, $"cost catalogue {v.Version} in the database"))]);
        return true;
    }

    /// <summary>At start: delivers the files (a conflict is logged, the kept version is used) and loads what the database holds.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var delivery = await DeliverAsync(ct);
        foreach (var conflict in delivery.Conflicts)
        {
            LogConflict(logger, conflict);
        }

        if (!await LoadAsync(ct))
        {
            throw new InvalidDataException($"No cost catalogue: the database has none and {Folder} holds no catalogue file.");
        }
    }

    /// <summary>Loads again when the database holds other versions than the ones in use (another instance delivered one).</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var versions = await db.CostCatalogueVersions.AsNoTracking().Select(v => v.Version).ToListAsync(ct);
        if (!versions.Order(StringComparer.Ordinal).SequenceEqual(catalogues.All.Select(c => c.Version).Order(StringComparer.Ordinal)))
        {
            await LoadAsync(ct);
            LogRefreshed(logger, catalogues.Current.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cost catalogue {Version} added to the database from {File}")]
    private static partial void LogAdded(ILogger logger, string version, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cost catalogue file not taken: {Conflict}")]
    private static partial void LogConflict(ILogger logger, string conflict);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cost catalogue versions changed in the database; now pricing with {Version}")]
    private static partial void LogRefreshed(ILogger logger, string version);
}

/// <summary>Every <c>Effects:CatalogueRefreshSeconds</c> (default 60; 0 turns it off): takes up versions another instance delivered.</summary>
public sealed class CostCatalogueRefresh(CostCatalogueStore store, IConfiguration configuration, IHostApplicationLifetime lifetime,
    ILogger<CostCatalogueRefresh> logger) : PeriodicJob(lifetime, logger)
{
    protected override string Description => "Refreshing the cost catalogue (the versions in use stay)";

    protected override TimeSpan LookEvery => TimeSpan.FromSeconds(configuration.GetValue("Effects:CatalogueRefreshSeconds", 60.0));

    protected override Task RunAsync(CancellationToken ct) => store.RefreshAsync(ct);
}
