using System.Net;
using Keukentafel.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>
/// The application on a real Kestrel socket on 127.0.0.1, and Debian's headless Chromium driven by
/// Playwright against it. Outside CI a machine without Chromium skips these tests; in CI it fails.
/// </summary>
public sealed class BrowserApp : KeukentafelApp
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public BrowserApp() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public IBrowser Chromium { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public static bool Available => File.Exists(ChromiumPath);

    public async ValueTask StartAsync()
    {
        if (playwright is not null)
        {
            return;
        }

        if (!Available)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}; .ci/run installs it with apt.");
            }

            Assert.Skip($"Chromium is not installed at {ChromiumPath} (apt-get install chromium).");
        }

        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        // "localhost", not 127.0.0.1: WebAuthn (passkeys) does not accept an IP address as the site it belongs to.
        Address = new UriBuilder(addresses.Single()) { Host = "localhost" }.Uri;
        playwright = await Playwright.CreateAsync();
        Chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new browser (own cookies) on the app; <paramref name="javaScript"/> off shows the pages work without it.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        await StartAsync();
        var context = await Chromium.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "nl-NL", JavaScriptEnabled = javaScript });
        // Generous: on a 2-core CI machine the HTTP tests run beside these.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (playwright is not null)
        {
            await Chromium.DisposeAsync();
            playwright.Dispose();
        }

        await base.DisposeAsync();
    }
}
