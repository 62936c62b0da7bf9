using System.Diagnostics;
using System.Net.Http.Headers;

namespace Keukentafel.Bench;

/// <summary>Latencies of one measurement: median, 99th percentile, requests per second over the measured time.</summary>
internal sealed record Measured(string Name, int Clients, int Requests, double MedianMs, double P99Ms, double RequestsPerSecond, int Failures);

/// <summary>
/// A small HTTP load client over loopback: each of N clients, signed in with its own bearer token, sends its requests
/// one after another for a fixed time (after a warm-up); every latency is kept, so the percentiles are exact.
/// </summary>
internal sealed class LoadDriver(Uri server)
{
    public async Task<Measured> RunAsync(string name, IReadOnlyList<string> tokens, int clients, Func<int, int, string> path,
        TimeSpan warmUp, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new List<double>[clients];
        var failures = 0;
        var stop = DateTime.UtcNow + warmUp + duration;
        var measureFrom = DateTime.UtcNow + warmUp;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            latencies[c] = new List<double>(capacity: 100_000);
            var token = tokens[c % tokens.Count];
            for (var i = 0; DateTime.UtcNow < stop; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path(c, i));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (DateTime.UtcNow >= measureFrom)
                {
                    latencies[c].Add(ms);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        })));
        var measuredSeconds = Math.Min(duration.TotalSeconds, clock.Elapsed.TotalSeconds - warmUp.TotalSeconds);
        var all = latencies.SelectMany(l => l).Order().ToList();
        return all.Count == 0
            ? new Measured(name, clients, 0, double.NaN, double.NaN, 0, failures)
            : new Measured(name, clients, all.Count, Percentile(all, 0.5), Percentile(all, 0.99), all.Count / measuredSeconds, failures);
    }

    public static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
