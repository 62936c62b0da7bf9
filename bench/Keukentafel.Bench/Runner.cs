using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Keukentafel.Bench;

/// <summary>Where the generated database is: a SQLite file or a PostgreSQL connection.</summary>
internal sealed record Target(string Provider, string Connection)
{
    public bool IsPostgres => Provider == "postgres";

    public void Configure(Microsoft.EntityFrameworkCore.DbContextOptionsBuilder options) =>
        _ = IsPostgres ? options.UseNpgsqlFor(Connection) : options.UseSqliteFor(Connection);

    /// <summary>A context on this database, as the application makes one (for the statements EF generates).</summary>
    public Keukentafel.Data.KeukentafelDbContext NewContext() => IsPostgres
        ? Keukentafel.Data.PostgresKeukentafelDbContext.Create(Connection)
        : Keukentafel.Data.SqliteKeukentafelDbContext.Create(Connection);

    /// <summary>An open ADO.NET connection to this database, for the statements the bench runs bare.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(Connection) : new SqliteConnection(Connection);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>A parameter's value as this database stores it (SQLite: as the application writes it there).</summary>
    public object Value(object value) => IsPostgres
        ? value is DateTime t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : value
        : Keukentafel.Data.SqliteValues.Of(value);
}

/// <summary>
/// Runs the application as its own process on a generated database and measures it over loopback HTTP: the case list
/// of a professional (1 and 16 clients), opening a case, searching by name, the budget dashboard, the effect report and
/// a trivial endpoint; the same list query straight against the database (ADO.NET, no HTTP) as the bare baseline; and
/// the server's peak memory. The figures go into results.json (one object per provider) and RESULTS.md.
/// </summary>
/// <remarks>
/// <c>only</c> names the measurements to make (trivial, list1, list16, open, search, dashboard, report, bare), for a
/// developer who profiles one of them (the server's process id is printed at the start); the figures are then incomplete
/// and the caller writes no results.
/// </remarks>
internal sealed class Runner(Target target, string serverDll, int cases, double loadSeconds, TimeSpan duration, TextWriter log,
    IReadOnlySet<string>? only = null)
{
    public static readonly IReadOnlyList<string> Measurements =
        ["trivial", "list1", "list16", "open", "search", "dashboard", "report", "table", "accesslog", "bare"];

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    /// <summary>The bare queries run alone, one after another, and vary little: half the time of a measurement over HTTP.</summary>
    private TimeSpan BareDuration => duration / 2;

    public async Task<Dictionary<string, object>> RunAsync(CancellationToken ct)
    {
        var (professionals, coordinator, resident) = await BenchAccounts.EnsureAsync(target.Configure, target.IsPostgres, 16, ct);
        // The audit log as generated (years of looks), before the load adds to it: what a municipality sizes its database by.
        var (auditRows, databaseBytes, auditBytes) = await AuditSizeAsync(ct);
        var port = ServerProcess.FreePort();
        var server = new Uri($"http://127.0.0.1:{port}/");
        using var process = StartServer(port);
        try
        {
            await ServerProcess.WaitUntilReadyAsync(server, () => process, () => "(its output is above)", ct);
            using var http = new HttpClient { BaseAddress = server };
            var tokens = new List<string>();
            foreach (var email in professionals)
            {
                tokens.Add(await ServerProcess.TokenAsync(http, email, ct));
            }

            var coordinatorToken = await ServerProcess.TokenAsync(http, coordinator, ct);
            var residentToken = await ServerProcess.TokenAsync(http, resident.Email, ct);
            var driver = new LoadDriver(server);
            var figures = new Dictionary<string, object>(StringComparer.Ordinal) { ["cases"] = cases, ["load_seconds"] = Math.Round(loadSeconds, 1) };

            var skipped = new Measured("", 0, 0, double.NaN, double.NaN, 0, 0);
            async Task<Measured> Measure(string key, Func<Task<Measured>> run)
            {
                if (only is not null && !only.Contains(key))
                {
                    return skipped;
                }

                var m = await run();
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{target.Provider} {m.Name} x{m.Clients}: median {m.MedianMs:0.00} ms, p99 {m.P99Ms:0.00} ms, {m.RequestsPerSecond:0} req/s, "
                    + $"{m.Requests} requests, {m.Failures} failed"));
                return m;
            }

            log.WriteLine($"{target.Provider}: server process {process.Id} on {server}");
            var trivial = await Measure("trivial", () => driver.RunAsync("trivial", tokens, 16, (_, _) => "api/v1/ping", WarmUp, duration));
            var list1 = await Measure("list1", () => driver.RunAsync("case list", tokens, 1, (_, _) => "api/v1/cases?limit=25", WarmUp, duration));
            var list16 = await Measure("list16", () => driver.RunAsync("case list", tokens, 16, (_, _) => "api/v1/cases?limit=25", WarmUp, duration));
            var ids = new List<string>();
            foreach (var token in tokens.Take(4))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/cases?limit=25");
                request.Headers.Authorization = new("Bearer", token);
                using var response = await http.SendAsync(request, ct);
                var page = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            }

            var open = await Measure("open", () => driver.RunAsync("case open", tokens.Take(1).ToList(), 1,
                (_, i) => $"api/v1/cases/{ids[i % Math.Max(1, Math.Min(ids.Count, 25))]}", WarmUp, duration));
            var search = await Measure("search", () => driver.RunAsync("search", tokens, 1,
                (_, i) => $"api/v1/cases?limit=25&q={Uri.EscapeDataString(SearchTerms[i % SearchTerms.Length])}", WarmUp, duration));
            using var budgets = new HttpRequestMessage(HttpMethod.Get, "api/v1/budgets");
            budgets.Headers.Authorization = new("Bearer", coordinatorToken);
            var budgetList = await (await http.SendAsync(budgets, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
            var budgetId = budgetList.GetProperty("items").EnumerateArray().First().GetProperty("id").GetString();
            var dashboard = await Measure("dashboard",
                () => driver.RunAsync("budget dashboard", [coordinatorToken], 1, (_, _) => $"api/v1/budgets/{budgetId}/dashboard", WarmUp, duration));
            var neighbourhood = await BudgetNeighbourhoodAsync(http, coordinatorToken, budgetId!, ct);
            var from = DateTime.UtcNow.AddYears(-1).ToString("yyyy-01-01", CultureInfo.InvariantCulture);
            var to = DateTime.UtcNow.AddYears(-1).ToString("yyyy-12-31", CultureInfo.InvariantCulture);
            var report = await Measure("report", () => driver.RunAsync("effect report", [coordinatorToken], 1,
                (_, _) => $"api/v1/effects/report?neighbourhoodId={neighbourhood}&from={from}&to={to}", WarmUp, duration));
            // The resident's own pages: his kitchen table (his open case's file) and who looked at his file, after the
            // lists above showed his name many times.
            var table = await Measure("table", () => driver.RunAsync("resident table", [residentToken], 1, (_, _) => "api/v1/me/table", WarmUp, duration));
            var accessLog = await Measure("accesslog",
                () => driver.RunAsync("access log", [residentToken], 1, (_, _) => "api/v1/me/access-log?limit=25", WarmUp, duration));
            var bare = only is null || only.Contains("bare") ? await BareCaseListAsync(professionals[0], ct) : double.NaN;
            double bareOpen = double.NaN, bareSearch = double.NaN, bareDashboard = double.NaN, bareReport = double.NaN, bareTable = double.NaN,
                bareAccessLog = double.NaN;
            if (only is null || only.Contains("bare"))
            {
                // The same statements straight against the database. The search and the report are taken as the first
                // client asks them; the dashboard for the year it shows by default (the current one).
                var queries = new BareQueries(target);
                var (staffId, organisationId) = await BareCaseList.StaffAsync(target, professionals[0], ct);
                bareOpen = await queries.CaseFileAsync(Guid.Parse(ids[0]), WarmUp, BareDuration, ct);
                bareSearch = await queries.SearchAsync(staffId, organisationId, SearchTerms[0], WarmUp, BareDuration, ct);
                bareDashboard = await queries.DashboardAsync(Guid.Parse(budgetId!), Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow).Year,
                    WarmUp, BareDuration, ct);
                var (reportFrom, reportTo) = (DateTime.Parse(from, CultureInfo.InvariantCulture), DateTime.Parse(to, CultureInfo.InvariantCulture).AddDays(1));
                bareReport = await queries.EffectReportAsync(Guid.Parse(neighbourhood), Keukentafel.Cases.DutchTime.ToUtc(reportFrom),
                    Keukentafel.Cases.DutchTime.ToUtc(reportTo), WarmUp, BareDuration, ct);
                bareTable = await queries.CaseFileAsync(resident.CaseId, WarmUp, BareDuration, ct);
                bareAccessLog = await queries.AccessLogAsync(resident.ResidentId, resident.Email, WarmUp, BareDuration, ct);
            }

            process.Refresh();
            var peak = PeakMegabytes(process.Id);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target.Provider} case list, bare database: median {bare:0.000} ms; server peak {peak:0} MB"));
            figures["case_list_1c_median_ms"] = Round(list1.MedianMs);
            figures["case_list_1c_p99_ms"] = Round(list1.P99Ms);
            figures["case_list_16c_median_ms"] = Round(list16.MedianMs);
            figures["case_list_16c_p99_ms"] = Round(list16.P99Ms);
            figures["case_list_16c_rps"] = Math.Round(list16.RequestsPerSecond);
            figures["case_list_bare_db_median_ms"] = Math.Round(bare, 3);
            figures["case_open_bare_db_median_ms"] = Math.Round(bareOpen, 3);
            figures["search_bare_db_median_ms"] = Math.Round(bareSearch, 3);
            figures["budget_dashboard_bare_db_ms"] = Math.Round(bareDashboard, 3);
            figures["effect_report_bare_db_ms"] = Math.Round(bareReport, 3);
            figures["resident_table_bare_db_ms"] = Math.Round(bareTable, 3);
            figures["access_log_bare_db_ms"] = Math.Round(bareAccessLog, 3);
            figures["case_open_median_ms"] = Round(open.MedianMs);
            figures["search_median_ms"] = Round(search.MedianMs);
            figures["budget_dashboard_ms"] = Round(dashboard.MedianMs);
            figures["effect_report_ms"] = Round(report.MedianMs);
            figures["resident_table_ms"] = Round(table.MedianMs);
            figures["access_log_ms"] = Round(accessLog.MedianMs);
            figures["trivial_endpoint_16c_rps"] = Math.Round(trivial.RequestsPerSecond);
            figures["trivial_endpoint_16c_median_ms"] = Round(trivial.MedianMs);
            figures["server_peak_mb"] = Math.Round(peak);
            figures["audit_rows_per_case"] = Math.Round(auditRows / (double)cases, 1);
            figures["database_bytes_per_case"] = Math.Round(databaseBytes / (double)cases);
            if (auditBytes is { } bytes)
            {
                figures["audit_bytes_per_case"] = Math.Round(bytes / (double)cases);
            }
            figures["failures"] = new[] { trivial, list1, list16, open, search, dashboard, report, table, accessLog }.Sum(m => m.Failures);
            return figures;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(ct);
            }
        }
    }

    /// <summary>The figures a full run lacks: not measured (no number), or measured with failed requests.</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyDictionary<string, object> figures) =>
        [.. figures.Where(f => f.Value is double d && !double.IsFinite(d)).Select(f => f.Key),
            .. figures.TryGetValue("failures", out var failures) && Convert.ToInt32(failures, CultureInfo.InvariantCulture) > 0
                ? [$"failures ({failures} requests failed)"]
                : Array.Empty<string>()];

    private static readonly string[] SearchTerms = ["Peeters", "Dekkers", "Öztürk", "anna", "Smulders"];

    private static double Round(double value) => Math.Round(value, 2);

    private Process StartServer(int port)
    {
        var start = ServerProcess.Production(serverDll, "keukentafel-bench-mail");
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["RateLimiting__SignInPerMinute"] = "100000";
        start.Environment["Privacy__Retention__RunEveryHours"] = "0";
        if (target.IsPostgres)
        {
            start.Environment["ConnectionStrings__Postgres"] = target.Connection;
        }
        else
        {
            start.Environment["Database__SqlitePath"] = new SqliteConnectionStringBuilder(target.Connection).DataSource;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                log.WriteLine($"server: {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The neighbourhood of the coordinator's budget: the one his effect report is about.</summary>
    private static async Task<string> BudgetNeighbourhoodAsync(HttpClient http, string token, string budgetId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/budgets/{budgetId}");
        request.Headers.Authorization = new("Bearer", token);
        var budget = await (await http.SendAsync(request, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        return budget.GetProperty("neighbourhoodId").GetString()!;
    }

    /// <summary>The professional's first page straight from the database, run repeatedly for the measured time.</summary>
    private async Task<double> BareCaseListAsync(string email, CancellationToken ct)
    {
        await using var bare = await BareCaseList.OpenAsync(target, email, ct);
        var times = new List<double>();
        var stop = DateTime.UtcNow + WarmUp + BareDuration;
        var measureFrom = DateTime.UtcNow + WarmUp;
        while (DateTime.UtcNow < stop)
        {
            var started = Stopwatch.GetTimestamp();
            await bare.RunAsync(ct);
            if (DateTime.UtcNow >= measureFrom)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        times.Sort();
        return LoadDriver.Percentile(times, 0.5);
    }

    /// <summary>
    /// The audit log's rows (its events and the per-resident index of lists), the whole database's bytes, and on
    /// PostgreSQL the audit log's bytes with its indexes (SQLite as shipped cannot tell one table's bytes: no dbstat).
    /// </summary>
    private async Task<(long Rows, long DatabaseBytes, long? AuditBytes)> AuditSizeAsync(CancellationToken ct)
    {
        await using var connection = await target.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = target.IsPostgres
            ? """
              SELECT (SELECT COUNT(*) FROM "AuditEvents") + (SELECT COUNT(*) FROM "AuditShown"), pg_database_size(current_database()),
                     pg_total_relation_size('"AuditEvents"') + pg_total_relation_size('"AuditShown"')
              """
            : """
              SELECT (SELECT COUNT(*) FROM AuditEvents) + (SELECT COUNT(*) FROM AuditShown),
                     (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size()), NULL
              """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
            reader.IsDBNull(2) ? null : Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
    }

    private static double PeakMegabytes(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return status is null ? double.NaN : double.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}

internal static class DatabaseOptions
{
    public static Microsoft.EntityFrameworkCore.DbContextOptionsBuilder UseNpgsqlFor(this Microsoft.EntityFrameworkCore.DbContextOptionsBuilder o,
        string connection) =>
        Keukentafel.Data.PostgresKeukentafelDbContext.Configure(o, Keukentafel.Data.DatabaseSettings.WithPreparedStatements(connection));

    public static Microsoft.EntityFrameworkCore.DbContextOptionsBuilder UseSqliteFor(this Microsoft.EntityFrameworkCore.DbContextOptionsBuilder o,
        string connection) =>
        Keukentafel.Data.SqliteKeukentafelDbContext.Configure(o, connection);
}
