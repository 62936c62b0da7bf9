using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keukentafel.Bench;

/// <summary>
/// Keeps the figures of each provider in results.json (for programs comparing runs) and writes RESULTS.md from it: the
/// machine, the date, the commit, every figure, the ratios against the bare database and the trivial endpoint measured
/// in the same run, and which targets of issue 22 were met.
/// </summary>
internal static class Results
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The run the issue's "done" asks for; other sizes (the million) are kept in files of their own.</summary>
    public const int StandardCases = 100_000;

    public static async Task WriteAsync(string directory, string provider, Dictionary<string, object> figures, string commit)
    {
        var cases = Convert.ToInt32(figures["cases"], Invariant);
        var suffix = cases == StandardCases ? "" : $"-{cases}";
        var jsonFile = Path.Combine(directory, $"results{suffix}.json");
        var all = File.Exists(jsonFile) ? JsonNode.Parse(await File.ReadAllTextAsync(jsonFile))!.AsObject() : [];
        var node = JsonSerializer.SerializeToNode(figures)!.AsObject();
        node["measured_at_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", Invariant);
        node["commit"] = commit;
        all[provider] = node;
        await File.WriteAllTextAsync(jsonFile, all.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        await RewriteAsync(directory, suffix);
        if (suffix != "" && File.Exists(Path.Combine(directory, "results.json")))
        {
            await RewriteAsync(directory, ""); // its table of how cost grows takes in this size
        }
    }

    /// <summary>
    /// RESULTS.md again from the figures in results.json and the reasons in FINDINGS.md (written by people), without
    /// measuring: after the findings were written down.
    /// </summary>
    public static async Task RewriteAsync(string directory, string suffix)
    {
        var all = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, $"results{suffix}.json")))!.AsObject();
        var findings = Path.Combine(directory, "FINDINGS.md");
        var scaleOut = Path.Combine(directory, "scale-out.json");
        await File.WriteAllTextAsync(Path.Combine(directory, $"RESULTS{suffix}.md"),
            Markdown(all)
            + (suffix == "" ? GrowthMarkdown(directory) : "")
            + (suffix == "" && File.Exists(scaleOut) ? ScaleOutMarkdown(JsonNode.Parse(await File.ReadAllTextAsync(scaleOut))!.AsObject()) : "")
            + (File.Exists(findings) ? await File.ReadAllTextAsync(findings) : ""));
    }

    /// <summary>The same mixed load through one instance and through several: kept in scale-out.json, shown in RESULTS.md.</summary>
    public static async Task WriteScaleOutAsync(string directory, IReadOnlyList<ScaleOutResult> runs, int cases, int clients, int seconds, string commit)
    {
        var node = new JsonObject
        {
            ["measured_at_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", Invariant),
            ["commit"] = commit,
            ["cases"] = cases,
            ["clients"] = clients,
            ["seconds"] = seconds,
            ["runs"] = new JsonArray([.. runs.Select(r => (JsonNode)new JsonObject
            {
                ["instances"] = r.Instances,
                ["requests"] = r.Requests,
                ["rps"] = Math.Round(r.RequestsPerSecond, 1),
                ["median_ms"] = Math.Round(r.MedianMs, 2),
                ["p99_ms"] = Math.Round(r.P99Ms, 2),
                ["answers"] = r.Answers,
                ["problems"] = r.Problems.Count,
            })]),
        };
        await File.WriteAllTextAsync(Path.Combine(directory, "scale-out.json"), node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        if (File.Exists(Path.Combine(directory, "results.json")))
        {
            await RewriteAsync(directory, "");
        }
    }

    /// <summary>
    /// The figures of every size measured (results-10000.json, results.json, results-1000000.json, ...) side by side per
    /// database: how each endpoint's time and the audit log's size grow with the number of cases.
    /// </summary>
    private static string GrowthMarkdown(string directory)
    {
        var sizes = Directory.GetFiles(directory, "results*.json")
            .Select(path => (Path: path, Name: Path.GetFileNameWithoutExtension(path)))
            .Select(f => (f.Path, Cases: f.Name == "results" ? StandardCases : int.TryParse(f.Name["results-".Length..], Invariant, out var n) ? n : 0))
            .Where(f => f.Cases > 0)
            .OrderBy(f => f.Cases)
            .Select(f => (f.Cases, All: JsonNode.Parse(File.ReadAllText(f.Path))!.AsObject()))
            .ToList();
        if (sizes.Count < 2)
        {
            return "";
        }

        (string Key, string Label)[] rows =
        [
            ("case_list_1c_median_ms", "case list, 1 client, median ms"),
            ("case_list_16c_median_ms", "case list, 16 clients, median ms"),
            ("case_open_median_ms", "opening a case, median ms"),
            ("search_median_ms", "search, median ms"),
            ("budget_dashboard_ms", "budget dashboard, ms"),
            ("effect_report_ms", "effect report, ms"),
            ("resident_table_ms", "the resident's table, ms"),
            ("access_log_ms", "who looked (resident), ms"),
            ("server_peak_mb", "server peak memory, MB"),
            ("audit_rows_per_case", "audit log rows per case"),
            ("audit_bytes_per_case", "audit log bytes per case (with its indexes)"),
            ("database_bytes_per_case", "whole database bytes per case"),
        ];
        var md = new StringBuilder();
        md.AppendLine("## How cost grows with the number of cases").AppendLine();
        md.AppendLine("Each column is the newest run of that size (its commit below the table); an empty cell was not measured in that run. "
            + "The audit log's rows and bytes are those of the generated years of looks (events, the per-resident index of lists, their "
            + "indexes), measured before the load, as is the whole database: multiply by the cases a municipality expects in its "
            + "retention period. SQLite cannot tell one table's bytes.").AppendLine();
        foreach (var provider in new[] { "sqlite", "postgres" })
        {
            var measured = sizes.Where(s => s.All[provider] is JsonObject).Select(s => (s.Cases, Figures: s.All[provider]!.AsObject())).ToList();
            if (measured.Count < 2)
            {
                continue;
            }

            md.AppendLine(Invariant, $"### {(provider == "postgres" ? "PostgreSQL" : "SQLite")}").AppendLine();
            md.AppendLine("| figure | " + string.Join(" | ", measured.Select(m => m.Cases.ToString("N0", Invariant))) + " |");
            md.AppendLine("|---|" + string.Concat(measured.Select(_ => "---|")));
            foreach (var (key, label) in rows)
            {
                md.AppendLine($"| {label} | " + string.Join(" | ", measured.Select(m => m.Figures[key]?.ToString() ?? "")) + " |");
            }

            md.AppendLine("| commit | " + string.Join(" | ", measured.Select(m => $"`{m.Figures["commit"]}`")) + " |").AppendLine();
        }

        return md.ToString();
    }

    private static string ScaleOutMarkdown(JsonObject s)
    {
        var md = new StringBuilder();
        var runs = s["runs"]!.AsArray().Select(r => r!.AsObject()).ToList();
        md.AppendLine("## Several instances: one and three behind nginx on one PostgreSQL").AppendLine();
        md.Append(Invariant, $"Measured {s["measured_at_utc"]} at commit `{s["commit"]}` by `bench/run` (`scale-out --compare`, in the order of the table): ");
        md.Append(Invariant, $"{s["cases"]} generated cases, {s["clients"]} clients for {s["seconds"]} s each ");
        md.AppendLine("in the scale-out check's mixed load (45% case lists, 30% case files, 10% new signals, 15% network members added to a case "
            + "two clients share, with the version last seen), through nginx round-robin. Load client, nginx, PostgreSQL and the instances "
            + "share the machine's CPUs; 15 s of warm-up before the measured time.").AppendLine();
        md.AppendLine("| instances | requests/s | median ms | p99 ms | answers (warm-up included) |").AppendLine("|---|---|---|---|---|");
        foreach (var r in runs)
        {
            md.AppendLine(Invariant, $"| {r["instances"]} | {r["rps"]} | {r["median_ms"]} | {r["p99_ms"]} | {r["answers"]} |");
        }

        var several = runs.Where(r => r["instances"]!.GetValue<int>() > 1).ToList();
        var one = runs.Where(r => r["instances"]!.GetValue<int>() == 1).ToList();
        if (several.Count > 0 && one.Count > 0)
        {
            var ratio = ScaleOutRatio(runs.Select(r => (r["instances"]!.GetValue<int>(), r["rps"]!.GetValue<double>())));
            var instances = several[0]["instances"];
            md.AppendLine().AppendLine(Invariant,
                $"- {instances} instances against one, averaged over the runs of each: {ratio:0.00}x the throughput (target at least 1x): {Met(ratio >= 1)}");
        }

        return md.AppendLine().ToString();
    }

    /// <summary>The average throughput of the runs with several instances against that of the runs with one.</summary>
    public static double ScaleOutRatio(IReadOnlyList<ScaleOutResult> runs) => ScaleOutRatio(runs.Select(r => (r.Instances, r.RequestsPerSecond)));

    private static double ScaleOutRatio(IEnumerable<(int Instances, double RequestsPerSecond)> runs)
    {
        var all = runs.ToList();
        return all.Where(r => r.Instances > 1).Average(r => r.RequestsPerSecond) / all.Where(r => r.Instances == 1).Average(r => r.RequestsPerSecond);
    }

    private static string Markdown(JsonObject all)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmark results").AppendLine();
        md.AppendLine("Written by `bench/run` (do not edit by hand). Latencies are over loopback HTTP to the application running as its own process "
            + "(Release build, Production settings).").AppendLine();
        md.AppendLine(Invariant, $"- Machine: {Machine()}");
        md.AppendLine();
        foreach (var (provider, value) in all)
        {
            var f = value!.AsObject();
            double D(string key) => f[key]?.GetValue<double>() ?? double.NaN;
            md.AppendLine(Invariant, $"## {(provider == "postgres" ? "PostgreSQL" : "SQLite")}: {f["cases"]} cases").AppendLine();
            md.AppendLine(Invariant,
                $"Measured {f["measured_at_utc"]} at commit `{f["commit"]}`; generating and loading the data took {D("load_seconds"):0.0} s.").AppendLine();
            md.AppendLine("| figure | value |").AppendLine("|---|---|");
            foreach (var (key, v) in f.Where(p => p.Key is not ("measured_at_utc" or "commit")))
            {
                md.AppendLine(Invariant, $"| `{key}` | {v} |");
            }

            if (D("failures") > 0)
            {
                md.AppendLine().AppendLine(Invariant, $"**{D("failures"):0} requests of this run failed: its figures are not valid.**");
            }

            var ceiling = D("case_list_bare_db_median_ms") + D("trivial_endpoint_16c_median_ms");
            md.AppendLine().AppendLine("Ratios in the same run:").AppendLine();
            md.AppendLine(Invariant,
                $"- case list, 1 client, against bare database + trivial endpoint: {D("case_list_1c_median_ms") / ceiling:0.00}x (target at most 2x)");
            md.AppendLine(Invariant, $"- case list, 16 clients, against bare database + trivial endpoint: {D("case_list_16c_median_ms") / ceiling:0.00}x");
            md.AppendLine(Invariant,
                $"- case list, 16 clients, throughput against the trivial endpoint: {D("case_list_16c_rps") / D("trivial_endpoint_16c_rps"):0.00}");
            string Against(string endpoint, string bare) =>
                string.Create(Invariant, $"{D(endpoint) / (D(bare) + D("trivial_endpoint_16c_median_ms")):0.00}x ({D(endpoint):0.00} ms against "
                    + $"{D(bare):0.000} ms + {D("trivial_endpoint_16c_median_ms"):0.00} ms)");
            md.AppendLine(Invariant, $"- search, 1 client, against its bare query + trivial endpoint: "
                + $"{Against("search_median_ms", "search_bare_db_median_ms")} (target at most 2x)");
            md.AppendLine(Invariant, $"- budget dashboard against its bare queries + trivial endpoint: "
                + $"{Against("budget_dashboard_ms", "budget_dashboard_bare_db_ms")} (target at most 2x)");
            md.AppendLine(Invariant,
                $"- effect report against its bare queries + trivial endpoint: {Against("effect_report_ms", "effect_report_bare_db_ms")} (target at most 2x)");
            md.AppendLine(double.IsNaN(D("case_open_bare_db_median_ms"))
                ? "- opening a case: no bare figure in this run (measured from the runs after 2026-12-07 on)"
                : $"- opening a case, 1 client, against its bare queries + trivial endpoint: {Against("case_open_median_ms", "case_open_bare_db_median_ms")} "
                    + "(target at most 2x)");
            foreach (var (name, endpoint, bare) in new[]
            {
                ("the resident's kitchen table", "resident_table_ms", "resident_table_bare_db_ms"),
                ("who looked at the resident's file", "access_log_ms", "access_log_bare_db_ms"),
            })
            {
                md.AppendLine(double.IsNaN(D(bare))
                    ? $"- {name}: not measured in this run (measured from the runs after 2026-12-07 on)"
                    : $"- {name}, 1 client, against its bare queries + trivial endpoint: {Against(endpoint, bare)} (target at most 2x)");
            }

            md.AppendLine().AppendLine("Targets of issue 22:").AppendLine();
            md.AppendLine(Invariant,
                $"- case list at 16 clients: median {D("case_list_16c_median_ms"):0.00} ms (target < 10 ms): {Met(D("case_list_16c_median_ms") < 10)}; "
                + $"p99 {D("case_list_16c_p99_ms"):0.00} ms (target < 50 ms): {Met(D("case_list_16c_p99_ms") < 50)}");
            md.AppendLine(Invariant,
                $"- budget dashboard {D("budget_dashboard_ms"):0.00} ms and effect report {D("effect_report_ms"):0.00} ms (target < 100 ms each): "
                + $"{Met(D("budget_dashboard_ms") < 100 && D("effect_report_ms") < 100)}");
            md.AppendLine(Invariant, $"- server peak memory {D("server_peak_mb"):0} MB (target < 500 MB): {Met(D("server_peak_mb") < 500)}");
            md.AppendLine();
        }

        return md.ToString();
    }

    private static string Met(bool met) => met ? "met" : "**missed**";

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] : "0";
        return string.Create(Invariant, $"{Environment.ProcessorCount} CPUs ({cpu ?? "unknown"}), {double.Parse(memory, Invariant) / 1024 / 1024:0} GB memory, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }
}
