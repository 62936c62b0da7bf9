using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;

namespace Keukentafel.Bench;

/// <summary>What one scale-out run measured and found.</summary>
internal sealed record ScaleOutResult(int Instances, int Requests, double RequestsPerSecond, double MedianMs, double P99Ms, string Answers,
    IReadOnlyList<string> Problems);

/// <summary>
/// Several instances of the application on one PostgreSQL database behind nginx (round-robin), as a municipality runs
/// it: a bounded mixed load of reads and writes from several clients, optionally one instance killed (SIGKILL) and
/// restarted in the middle. Then it checks what must hold: no answer of 500 or above, no acknowledged write missing,
/// the audit chains and their checkpoints intact (<c>verify-audit</c>), every ledger adding up (<c>verify-budget</c>),
/// the sign-in limit exact across the instances, and the retention job run once.
/// </summary>
internal sealed class ScaleOut(Target target, string serverDll, string nginx, int clients, TimeSpan duration, TextWriter log)
{
    public const int SignInLimit = 30;

    private const string CheckpointKey = "scale-out-checkpoint-key";

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(15);

    public async Task<ScaleOutResult> RunAsync(int instances, bool kill, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("keukentafel-scale-out-").FullName;
        var (professionals, _, _) = await BenchAccounts.EnsureAsync(target.Configure, true, Math.Max(1, clients / 2), ct);
        var servers = Enumerable.Range(0, instances).Select(i => new Instance(this, i, ServerProcess.FreePort(), folder)).ToList();
        var front = ServerProcess.FreePort();
        using var proxy = StartNginx(folder, front, servers.Select(s => s.Port));
        var problems = new List<string>();
        try
        {
            foreach (var server in servers)
            {
                server.Start();
            }

            foreach (var server in servers)
            {
                await server.WaitUntilUpAsync(ct);
            }

            var entry = new Uri($"http://127.0.0.1:{front}/");
            problems.AddRange(await SignInLimitAsync(entry, ct));

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            using var http = new HttpClient(handler) { BaseAddress = entry, Timeout = TimeSpan.FromSeconds(60) };
            var load = new Load(http, clients);
            await load.PrepareAsync(professionals, ct);

            // A warm-up first (each instance compiles its hot paths), then the measured time; a kill falls in the measured part.
            var running = load.RunAsync(WarmUp, duration, ct);
            await Task.Delay(WarmUp, ct);
            if (kill && servers.Count > 1)
            {
                await Task.Delay(duration * 0.3, ct);
                // The load goes on while the instance is down and restarts, and for at least 15 s after it is back, so
                // the restarted instance serves under load too however long its start takes.
                var plannedEnd = load.End;
                load.EndAt(DateTime.MaxValue);
                log.WriteLine($"scale-out: kill -9 instance 1 (process {servers[1].ProcessId})");
                servers[1].Kill();
                await Task.Delay(TimeSpan.FromSeconds(3), ct);
                servers[1].Start();
                await servers[1].WaitUntilUpAsync(ct);
                var back = DateTime.UtcNow;
                load.EndAt(back + TimeSpan.FromSeconds(15) > plannedEnd ? back + TimeSpan.FromSeconds(15) : plannedEnd);
                log.WriteLine("scale-out: instance 1 is back");
            }

            await running;

            // Every instance has looked for the retention job at least once (ten seconds after its start) before they stop.
            foreach (var server in servers)
            {
                var wait = server.StartedAt + TimeSpan.FromSeconds(15) - DateTime.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }
            }

            foreach (var server in servers)
            {
                await server.StopAsync();
            }

            problems.AddRange(load.Problems());
            problems.AddRange(await LostWritesAsync(load, servers.Count + (kill && servers.Count > 1 ? 1 : 0), ct));
            problems.AddRange(await VerifyAsync(folder, servers, ct));
            var latencies = load.Latencies();
            var (median, p99) = latencies.Count == 0
                ? (double.NaN, double.NaN)
                : (LoadDriver.Percentile(latencies, 0.5), LoadDriver.Percentile(latencies, 0.99));
            var result = new ScaleOutResult(instances, latencies.Count, latencies.Count / load.MeasuredSeconds, median, p99, load.Answers(), problems);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scale-out x{instances}{(kill ? " with a kill" : "")}: {result.Requests} requests, {result.RequestsPerSecond:0} req/s, "
                + $"median {result.MedianMs:0.0} ms, p99 {result.P99Ms:0.0} ms; {load.Summary()}"));
            return result;
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Kill();
            }

            if (!proxy.HasExited)
            {
                // The master and its workers: killing the master alone leaves the workers serving the port.
                proxy.Kill(entireProcessTree: true);
            }

            if (Environment.GetEnvironmentVariable("KEEP_SCALE_OUT") is null)
            {
                Directory.Delete(folder, recursive: true);
            }
            else
            {
                log.WriteLine($"scale-out: kept {folder}");
            }
        }
    }

    /// <summary>
    /// Wrong sign-ins from a network of their own (127.0.0.2), all at once, round-robin over the instances: exactly the
    /// limit get through to be refused as wrong (401), the rest are stopped by the limit (429).
    /// </summary>
    private async Task<List<string>> SignInLimitAsync(Uri entry, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = entry };
        var attempts = SignInLimit + 15;
        var answers = await Task.WhenAll(Enumerable.Range(0, attempts).Select(async i =>
        {
            using var response = await http.PostAsJsonAsync("api/v1/auth/token", new { email = $"onbekend{i}@scale-out.example", password = "Geraden-1!" }, ct);
            return response.StatusCode;
        }));
        var wrong = answers.Count(a => a == HttpStatusCode.Unauthorized);
        var limited = answers.Count(a => a == HttpStatusCode.TooManyRequests);
        log.WriteLine($"scale-out: {attempts} wrong sign-ins at once from one network: {wrong} refused as wrong, {limited} stopped by the limit");
        return wrong == SignInLimit && limited == attempts - SignInLimit
            ? []
            : [$"sign-in limit not exact across instances: {wrong} of {attempts} got through (limit {SignInLimit}), {limited} stopped"];
    }

    private async Task<List<string>> LostWritesAsync(Load load, int starts, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(target.Connection);
        await connection.OpenAsync(ct);
        var problems = new List<string>();
        var cases = load.AcknowledgedCases();
        await using (var count = new NpgsqlCommand("""SELECT COUNT(*) FROM "Cases" WHERE "Id" = ANY(@ids)""", connection))
        {
            count.Parameters.AddWithValue("ids", cases.ToArray());
            var found = (long)(await count.ExecuteScalarAsync(ct))!;
            if (found != cases.Count)
            {
                problems.Add($"{cases.Count - found} of {cases.Count} acknowledged signals are missing");
            }
        }

        var members = load.AcknowledgedMembers();
        await using (var count = new NpgsqlCommand("""SELECT COUNT(DISTINCT "Name") FROM "NetworkMember" WHERE "Name" = ANY(@names)""", connection))
        {
            count.Parameters.AddWithValue("names", members.ToArray());
            var found = (long)(await count.ExecuteScalarAsync(ct))!;
            if (found != members.Count)
            {
                problems.Add($"{members.Count - found} of {members.Count} acknowledged network members are missing");
            }
        }

        // Every start of an instance appended to a chain of its own, the restarted one too once it served again.
        await using (var chains = new NpgsqlCommand("""
            SELECT COUNT(*) FROM "AuditChains" c WHERE c."Writer" LIKE '% web' AND EXISTS (SELECT 1 FROM "AuditEvents" e WHERE e."ChainId" = c."Id")
            """, connection))
        {
            var written = (long)(await chains.ExecuteScalarAsync(ct))!;
            log.WriteLine($"scale-out: {written} instance starts wrote audit events, each in a chain of its own");
            if (written != starts)
            {
                problems.Add($"{starts} instance starts, but {written} audit chains of instances with events");
            }
        }

        log.WriteLine($"scale-out: {cases.Count} acknowledged signals and {members.Count} acknowledged network members, all looked up");
        return problems;
    }

    /// <summary>The operator's commands on the database the instances left, and the retention job's runs in their logs.</summary>
    private async Task<List<string>> VerifyAsync(string folder, List<Instance> servers, CancellationToken ct)
    {
        var problems = new List<string>();
        var (audit, auditOutput) = await CommandAsync(["verify-audit", "--checkpoints", Path.Combine(folder, "logs"), Path.Combine(folder, "checkpoints")], ct);
        log.WriteLine($"scale-out: verify-audit: {auditOutput.Trim()}");
        if (audit != 0)
        {
            problems.Add($"verify-audit exit {audit}: {auditOutput.Trim()}");
        }

        var (budget, budgetOutput) = await CommandAsync(["verify-budget"], ct);
        if (budget != 0)
        {
            problems.Add($"verify-budget exit {budget}: {budgetOutput.Trim()}");
        }

        var runs = servers.Sum(s => s.Lines("Retention: "));
        log.WriteLine($"scale-out: the retention job ran {runs} time(s) over {servers.Count} instances and one restart");
        if (runs != 1)
        {
            problems.Add($"the retention job ran {runs} times, not once");
        }

        return problems;
    }

    private async Task<(int Exit, string Output)> CommandAsync(string[] arguments, CancellationToken ct)
    {
        using var process = Process.Start(Configure(arguments)) ?? throw new InvalidOperationException("The command did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, (await output) + (await error));
    }

    /// <summary>Production settings, as an operator sets them, for every instance and command.</summary>
    private ProcessStartInfo Configure(params string[] arguments)
    {
        var start = ServerProcess.Production(serverDll, "keukentafel-scale-out-mail", arguments);
        var environment = start.Environment;
        environment["ConnectionStrings__Postgres"] = target.Connection;
        environment["Database__MigrateOnStart"] = "false";
        environment["RateLimiting__SignInPerMinute"] = SignInLimit.ToString(CultureInfo.InvariantCulture);
        environment["Privacy__AuditCheckpointKey"] = CheckpointKey;
        environment["Privacy__AuditCheckpointSeconds"] = "5";
        environment["Privacy__Retention__FirstLookSeconds"] = "10";
        environment["Serilog__MinimumLevel__Override__Keukentafel.Privacy"] = "Information";
        return start;
    }

    private Process StartNginx(string folder, int port, IEnumerable<int> upstreams)
    {
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Directory.CreateDirectory(Path.Combine(folder, "nginx", temp));
        }

        var servers = string.Join("\n", upstreams.Select(p => $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=2s;"));
        var n = Path.Combine(folder, "nginx");
        // A POST is passed on to the next instance when the first one dies before it answers: every write of the load
        // carries an Idempotency-Key, so a write that went through is answered again, not made twice.
        var config = $$"""
            worker_processes 1;
            daemon off;
            pid {{n}}/nginx.pid;
            error_log {{n}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{n}}/body;
                proxy_temp_path {{n}}/proxy;
                fastcgi_temp_path {{n}}/fastcgi;
                uwsgi_temp_path {{n}}/uwsgi;
                scgi_temp_path {{n}}/scgi;
                upstream keukentafel {
            {{servers}}
                    keepalive 32;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://keukentafel;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_next_upstream error timeout http_502 http_503 non_idempotent;
                        proxy_next_upstream_tries 3;
                        proxy_connect_timeout 2s;
                        proxy_read_timeout 60s;
                    }
                }
            }
            """;
        var path = Path.Combine(n, "nginx.conf");
        File.WriteAllText(path, config);
        var start = new ProcessStartInfo(nginx, ["-p", n, "-c", path]) { RedirectStandardError = true, RedirectStandardOutput = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                log.WriteLine($"nginx: {line}");
            }
        };
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>One application process on its own port; killed and started again on the same port.</summary>
    private sealed class Instance(ScaleOut run, int number, int port, string folder)
    {
        private readonly ConcurrentQueue<string> lines = new();
        private Process? process;

        public int Port => port;

        public int ProcessId => process?.Id ?? 0;

        public DateTime StartedAt { get; private set; }

        public void Start()
        {
            var start = run.Configure();
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["Privacy__AuditCheckpointFolder"] = Path.Combine(folder, "checkpoints");
            Directory.CreateDirectory(Path.Combine(folder, "logs"));
            var file = Path.Combine(folder, "logs", $"instance-{number}.log");
            process = Process.Start(start) ?? throw new InvalidOperationException("The instance did not start.");
            StartedAt = DateTime.UtcNow;
            DataReceivedEventHandler keep = (_, e) =>
            {
                if (e.Data is { } line)
                {
                    lines.Enqueue(line);
                    lock (lines)
                    {
                        File.AppendAllText(file, line + "\n");
                    }
                }
            };
            process.OutputDataReceived += keep;
            process.ErrorDataReceived += keep;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Task WaitUntilUpAsync(CancellationToken ct) => ServerProcess.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{port}/"), () => process,
            () => $"instance {number}:\n" + string.Join("\n", lines.TakeLast(30)), ct);

        public void Kill()
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }

        /// <summary>SIGTERM, as Kubernetes stops a pod: the instance drains its audit queue and anchors its chain.</summary>
        public async Task StopAsync()
        {
            if (process is not { HasExited: false })
            {
                return;
            }

            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }

        public int Lines(string containing) => lines.Count(l => l.Contains(containing, StringComparison.Ordinal));
    }

    /// <summary>
    /// The clients: each signed in as a professional (two clients share one, and one case, so their writes race), in a loop
    /// of lists, case files, new signals and network members added to the shared case with the version last seen.
    /// </summary>
    private sealed class Load(HttpClient http, int clients)
    {
        private readonly ConcurrentBag<Guid> cases = [];
        private readonly ConcurrentBag<string> members = [];
        private readonly ConcurrentDictionary<int, int> statuses = new();
        private readonly ConcurrentBag<double> latencies = [];
        private readonly ConcurrentBag<string> failures = [];
        private readonly ConcurrentDictionary<int, string> examples = new();
        private string[] tokens = [];
        private Guid[] shared = [];
        private Guid[] neighbourhoods = [];
        private DateTime measureFrom = DateTime.MaxValue;
        private long stopTicks;

        /// <summary>Seconds from the end of the warm-up to the end of the load.</summary>
        public double MeasuredSeconds => (End - measureFrom).TotalSeconds;

        /// <summary>When the load ends.</summary>
        public DateTime End => new(Interlocked.Read(ref stopTicks), DateTimeKind.Utc);

        /// <summary>Moves the end of the load.</summary>
        public void EndAt(DateTime end) => Interlocked.Exchange(ref stopTicks, end.Ticks);

        public async Task PrepareAsync(IReadOnlyList<string> professionals, CancellationToken ct)
        {
            tokens = new string[clients];
            shared = new Guid[clients];
            for (var c = 0; c < clients; c++)
            {
                tokens[c] = c % 2 == 1 ? tokens[c - 1] : await ServerProcess.TokenAsync(http, professionals[(c / 2) % professionals.Count], ct);
            }

            neighbourhoods = new Guid[clients];
            for (var c = 0; c < clients; c += 2)
            {
                // The professional signals in the neighbourhood he works in: that of a case of his own.
                var list = await SendAsync(HttpMethod.Get, "api/v1/cases?limit=1", tokens[c], null, ct, measure: false);
                var first = list.GetProperty("items")[0].GetProperty("id").GetString();
                neighbourhoods[c] = (await SendAsync(HttpMethod.Get, $"api/v1/cases/{first}", tokens[c], null, ct, measure: false))
                    .GetProperty("neighbourhoodId").GetGuid();
                if (c + 1 < clients)
                {
                    neighbourhoods[c + 1] = neighbourhoods[c];
                }

                var signalled = await SignalAsync(c, -1, ct);
                shared[c] = signalled;
                if (c + 1 < clients)
                {
                    shared[c + 1] = signalled;
                }
            }
        }

        public async Task RunAsync(TimeSpan warmUp, TimeSpan duration, CancellationToken ct)
        {
            measureFrom = DateTime.UtcNow + warmUp;
            stopTicks = (measureFrom + duration).Ticks;
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                var random = new Random(c);
                for (var i = 0; DateTime.UtcNow.Ticks < Interlocked.Read(ref stopTicks); i++)
                {
                    try
                    {
                        var roll = random.Next(100);
                        if (roll < 45)
                        {
                            await SendAsync(HttpMethod.Get, "api/v1/cases?limit=25", tokens[c], null, ct);
                        }
                        else if (roll < 75)
                        {
                            await SendAsync(HttpMethod.Get, $"api/v1/cases/{shared[c]}", tokens[c], null, ct);
                        }
                        else if (roll < 85)
                        {
                            await SignalAsync(c, i, ct);
                        }
                        else
                        {
                            await AddMemberAsync(c, i, ct);
                        }
                    }
                    catch (HttpRequestException e)
                    {
                        failures.Add($"client {c}: {e.Message}");
                    }
                }
            }, ct)));
        }

        private async Task<Guid> SignalAsync(int client, int i, CancellationToken ct)
        {
            var body = new
            {
                neighbourhoodId = neighbourhoods[client],
                givenName = "Schaal",
                familyName = $"Proef {client}-{i}",
                dateOfBirth = "1960-05-17",
                street = "Proefstraat",
                houseNumber = (client + 1).ToString(CultureInfo.InvariantCulture),
                postalCode = "9991 AB",
                town = "Heerdonk",
                description = "Een melding uit de schaalproef.",
                source = "Professional",
            };
            var answer = await SendAsync(HttpMethod.Post, "api/v1/cases", tokens[client], body, ct);
            if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("id", out var id))
            {
                cases.Add(id.GetGuid());
                return id.GetGuid();
            }

            return Guid.Empty;
        }

        private async Task AddMemberAsync(int client, int i, CancellationToken ct)
        {
            var file = await SendAsync(HttpMethod.Get, $"api/v1/cases/{shared[client]}", tokens[client], null, ct);
            if (file.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var name = $"Buur {client}-{i}";
            var answer = await SendAsync(HttpMethod.Post, $"api/v1/cases/{shared[client]}/network", tokens[client],
                new { version = file.GetProperty("version").GetInt32(), name, relation = "buurman" }, ct);
            if (answer.ValueKind == JsonValueKind.Object)
            {
                members.Add(name);
            }
        }

        /// <summary>The answer's body on a success (2xx); Undefined otherwise. A write carries a fresh Idempotency-Key.</summary>
        private async Task<JsonElement> SendAsync(HttpMethod method, string path, string token, object? body, CancellationToken ct, bool measure = true)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new("Bearer", token);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, ct);
            var content = await response.Content.ReadAsStringAsync(ct);
            if (measure)
            {
                if (DateTime.UtcNow >= measureFrom)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            }

            examples.TryAdd((int)response.StatusCode, $"{method} {path.Split('?')[0]}: {content[..Math.Min(200, content.Length)]}");
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} {content[..Math.Min(300, content.Length)]}");
            }

            return response.IsSuccessStatusCode && content.Length > 0 ? JsonSerializer.Deserialize<JsonElement>(content) : default;
        }

        public List<Guid> AcknowledgedCases() => [.. cases];

        public List<string> AcknowledgedMembers() => [.. members];

        public List<double> Latencies() => [.. latencies.Order()];

        public IEnumerable<string> Problems()
        {
            var errors = statuses.Where(s => s.Key >= 500).Sum(s => s.Value);
            if (errors > 0)
            {
                yield return $"{errors} answers of 500 or above; the first: {failures.FirstOrDefault()}";
            }
            else if (!failures.IsEmpty)
            {
                yield return $"{failures.Count} requests failed without an answer; the first: {failures.First()}";
            }
        }

        public string Answers() => string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));

        public string Summary() => "answers " + Answers()
            + string.Concat(examples.Where(e => e.Key >= 300).OrderBy(e => e.Key).Select(e => $"\n  for example {e.Key}: {e.Value}"));
    }
}
