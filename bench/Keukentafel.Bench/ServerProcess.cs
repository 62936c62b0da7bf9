using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Keukentafel.Bench;

/// <summary>
/// What every measurement that runs the application as its own process shares: a free port, the Production settings an
/// operator sets (with a throwaway database's relaxations), waiting until the instance is ready, and a bearer token.
/// </summary>
internal static class ServerProcess
{
    /// <summary>A start of the published application (<c>dotnet Keukentafel.dll arguments</c>) in Production settings.</summary>
    /// <remarks>
    /// The working directory is the application's folder, as in its container: its appsettings.json (logging included) is
    /// read from there. Production refuses to start without a way to send mail and the site's own address: mail goes to a
    /// pickup folder of the given name in the temporary folder.
    /// </remarks>
    public static ProcessStartInfo Production(string serverDll, string mailFolder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [serverDll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(serverDll))!,
        };
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Demo__SeedOnStart"] = "false";
        // A throwaway database of synthetic data: no certificate to protect its keys.
        environment["DataProtection__AllowUnencryptedKeys"] = "true";
        environment["Mail__PickupFolder"] = Path.Combine(Path.GetTempPath(), mailFolder);
        environment["Mail__SiteUrl"] = "http://127.0.0.1/";
        // The load comes from one address: the API limit would measure itself.
        environment["RateLimiting__ApiPerMinute"] = "100000000";
        environment["Serilog__MinimumLevel__Default"] = "Warning";
        return start;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Polls <c>/health/ready</c> (database reachable, schema current) every half second for up to two minutes; fails at
    /// once when the process stops, with the last lines it wrote.
    /// </summary>
    public static async Task WaitUntilReadyAsync(Uri server, Func<Process?> process, Func<string> lastLines, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 240 && process() is { HasExited: false }; i++)
        {
            try
            {
                using var response = await http.GetAsync("health/ready", ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // slow to answer while starting
            }

            await Task.Delay(500, ct);
        }

        var why = process() is { HasExited: false } ? "did not answer /health/ready within two minutes" : "stopped";
        throw new TimeoutException($"The server at {server} {why}:\n{lastLines()}");
    }

    public static async Task<string> TokenAsync(HttpClient http, string email, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("api/v1/auth/token", new { email, password = BenchAccounts.Password }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
    }
}
