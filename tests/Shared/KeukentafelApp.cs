using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;

namespace Keukentafel.Tests;

/// <summary>
/// The real application over real HTTP, on its own fresh database, with the demo neighbourhood
/// seeded. One per test class (IClassFixture). Subclasses change settings for their scenario.
/// </summary>
public class KeukentafelApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public KeukentafelApp()
        : this(TestDatabase.Create(), ownsDatabase: true)
    {
    }

    /// <summary>The application on a database the caller owns (and creates and disposes).</summary>
    protected KeukentafelApp(TestDatabase database, bool ownsDatabase)
    {
        Database = database;
        this.ownsDatabase = ownsDatabase;
        ClientOptions.BaseAddress = HttpsAddress;
    }

    /// <summary>
    /// Where the test clients reach the app: over HTTPS, as in production, because every cookie of the app is Secure and a
    /// cookie jar sends a Secure cookie over HTTPS only.
    /// </summary>
    public static Uri HttpsAddress { get; } = new("https://localhost");

    private readonly bool ownsDatabase;

    public TestDatabase Database { get; }

    /// <summary>The pickup folder this application's mails land in (one per application, removed with it).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "keukentafel-tests", $"mail-{Guid.NewGuid():N}");

    /// <summary>Settings on top of the test defaults, for a scenario that needs them.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets(); // serve wwwroot (and the npm files copied into it) as in development
        IEnumerable<KeyValuePair<string, string?>> defaults =
        [
            new("Demo:SeedOnStart", "true"),
            new("Serilog:MinimumLevel:Default", "Error"),
            new("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Error"),
            new("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Error"),
            new("RateLimiting:SignInPerMinute", "10000"),
            new("RateLimiting:ApiPerMinute", "100000"),
            new("Privacy:Retention:RunEveryHours", "0"), // tests run the retention themselves
            new("Learning:AgendaMail:EveryMinutes", "0"), // and look for changed agendas themselves
            new("Mail:PickupFolder", MailFolder),
        ];
        foreach (var (key, value) in defaults.Concat(Database.Settings()).Concat(ScenarioSettings()))
        {
            builder.UseSetting(key, value);
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (ownsDatabase)
        {
            await Database.CreateAsync();
        }

        StartServer(); // migrations and the demo seed run before the first request
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A browser-like client: keeps cookies (in the given jar), does not follow redirects (so tests see them).</summary>
    public HttpClient Browser(CookieContainer? jar = null) =>
        CreateDefaultClient(HttpsAddress, new CookieContainerHandler(jar ?? new CookieContainer()));
}
