using System.Globalization;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Keukentafel.Bench;

// The benchmark tool. `generate` fills a fresh database at scale:
//  dotnet run -c Release --project bench/Keukentafel.Bench -- generate --cases 100000 --sqlite bench/data/kt-100k.db
//  dotnet run -c Release --project bench/Keukentafel.Bench -- generate --cases 100000 --postgres "Host=127.0.0.1;Port=54329;Username=postgres;Database=kt_100k"
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = Arguments.Parse(args);
        if (options.Command == "results")
        {
            var size = int.Parse(options.Get("cases", Results.StandardCases.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            await Results.RewriteAsync(Path.GetFullPath(options.Get("out", "bench")), size == Results.StandardCases ? "" : $"-{size}");
            return 0;
        }

        if (options.Command == "micro")
        {
            var rest = args.SkipWhile(a => a != "--").Skip(1).ToArray();
            return await Micro.RunAsync(TargetOf(options), rest);
        }

        if (options.Command == "run")
        {
            var only = options.Has("only")
                ? options.Get("only", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
                : null;
            if (only?.Except(Runner.Measurements).FirstOrDefault() is { } unknown)
            {
                Console.Error.WriteLine($"Onbekende meting '{unknown}'; kies uit {string.Join(", ", Runner.Measurements)}.");
                return 64;
            }

            var target = TargetOf(options);
            var figures = await new Runner(target, Path.GetFullPath(options.Get("server", "src/Keukentafel/bin/Release/net10.0/Keukentafel.dll")),
                int.Parse(options.Get("cases", "0"), CultureInfo.InvariantCulture),
                double.Parse(options.Get("load-seconds", "0"), CultureInfo.InvariantCulture),
                TimeSpan.FromSeconds(int.Parse(options.Get("seconds", "10"), CultureInfo.InvariantCulture)), Console.Out, only)
                .RunAsync(CancellationToken.None);
            if (only is not null)
            {
                return 0; // a partial run for profiling: no results written
            }

            // A run that could not produce every figure is a failed run, whatever the figures it did produce.
            var missing = Runner.Missing(figures);
            if (missing.Count > 0)
            {
                Console.Error.WriteLine($"bench: no usable figure for {string.Join(", ", missing)}; nothing written.");
                return 1;
            }

            await Results.WriteAsync(Path.GetFullPath(options.Get("out", "bench")), target.Provider, figures, options.Get("commit", "unknown"));
            return 0;
        }

        if (options.Command == "scale-out")
        {
            return await ScaleOutAsync(options);
        }

        if (options.Command != "generate")
        {
            Console.Error.WriteLine("Gebruik: generate --cases N [--seed S] [--sqlite FILE | --postgres CONNECTION]");
            Console.Error.WriteLine("         results [--cases N] [--out bench]   (RESULTS.md again from results.json and FINDINGS.md)");
            Console.Error.WriteLine("         micro [--sqlite FILE | --postgres CONNECTION] [-- BenchmarkDotNet arguments]");
            Console.Error.WriteLine("         scale-out --postgres CONNECTION [--cases 2000] [--instances 3] [--clients 12] [--seconds 40] [--kill]"
                + " [--nginx PATH] [--server DLL] [--compare --out bench --commit SHA]");
            Console.Error.WriteLine("         run [--sqlite FILE | --postgres CONNECTION] --cases N --load-seconds S [--seconds 10] [--server DLL]"
                + " [--out bench] [--commit SHA] [--only list16,dashboard,...]");
            return 64;
        }

        await GenerateAsync(options, int.Parse(options.Get("cases", "100000"), CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>
    /// The scale-out check: a fresh database of a few thousand cases, then several instances behind nginx under load, one
    /// killed and restarted with <c>--kill</c>. Exit 0 when everything held, 1 with the problems found.
    /// </summary>
    private static async Task<int> ScaleOutAsync(Arguments options)
    {
        if (!options.Has("postgres"))
        {
            Console.Error.WriteLine("scale-out needs --postgres CONNECTION (several instances share one PostgreSQL database).");
            return 64;
        }

        var cases = int.Parse(options.Get("cases", "2000"), CultureInfo.InvariantCulture);
        await GenerateAsync(options, cases);
        var run = new ScaleOut(TargetOf(options), Path.GetFullPath(options.Get("server", "src/Keukentafel/bin/Release/net10.0/Keukentafel.dll")),
            options.Get("nginx", "/usr/sbin/nginx"), int.Parse(options.Get("clients", "12"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(int.Parse(options.Get("seconds", "40"), CultureInfo.InvariantCulture)), Console.Out);
        var instances = int.Parse(options.Get("instances", "3"), CultureInfo.InvariantCulture);
        if (options.Has("compare"))
        {
            // The same load through one instance and through several on the same machine, in the order 1, N, N, 1 so that
            // a drift of the machine over the runs (a warming disk cache, a growing database log) falls on both alike; each
            // run on freshly generated data (the checks count what each run did: its chains, its job run, its sign-ins).
            var runs = new List<ScaleOutResult>();
            foreach (var count in new[] { 1, instances, instances, 1 })
            {
                if (runs.Count > 0)
                {
                    await GenerateAsync(options, cases);
                }

                runs.Add(await run.RunAsync(count, kill: false, CancellationToken.None));
            }

            await Results.WriteScaleOutAsync(Path.GetFullPath(options.Get("out", "bench")), runs, cases,
                int.Parse(options.Get("clients", "12"), CultureInfo.InvariantCulture), int.Parse(options.Get("seconds", "40"), CultureInfo.InvariantCulture),
                options.Get("commit", "unknown"));
            var problems = runs.SelectMany(r => r.Problems).ToList();
            problems.ForEach(p => Console.Error.WriteLine($"scale-out problem: {p}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scale-out: {instances} instances did {Results.ScaleOutRatio(runs):0.00}x the requests per second of one"));
            return problems.Count == 0 ? 0 : 1;
        }

        var result = await run.RunAsync(instances, options.Has("kill"), CancellationToken.None);
        foreach (var problem in result.Problems)
        {
            Console.Error.WriteLine($"scale-out problem: {problem}");
        }

        Console.WriteLine(result.Problems.Count == 0 ? "scale-out: everything held" : $"scale-out: {result.Problems.Count} problem(s)");
        return result.Problems.Count == 0 ? 0 : 1;
    }

    private static async Task GenerateAsync(Arguments options, int cases)
    {
        var seed = int.Parse(options.Get("seed", "1"), CultureInfo.InvariantCulture);
        Func<KeukentafelDbContext> newContext;
        if (options.Has("postgres"))
        {
            var connection = new NpgsqlConnectionStringBuilder(options.Get("postgres", ""));
            await Databases.RecreatePostgresAsync(connection);
            newContext = () => PostgresKeukentafelDbContext.Create(connection.ConnectionString);
        }
        else
        {
            var file = Path.GetFullPath(options.Get("sqlite", "bench/data/keukentafel-bench.db"));
            Databases.RemoveSqlite(file);
            newContext = () => SqliteKeukentafelDbContext.Create($"Data Source={file};Pooling=False");
        }

        await using (var db = newContext())
        {
            await db.Database.MigrateAsync();
        }

        var generated = await new Generator(newContext).RunAsync(new GenerateOptions(cases, seed), DateTime.UtcNow, Console.Out, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {generated.Cases} cases in {generated.Neighbourhoods} neighbourhoods, {generated.Rows} rows, {generated.Took.TotalSeconds:0.0} s"));
    }

    private static Target TargetOf(Arguments options) => options.Has("postgres")
        ? new Target("postgres", options.Get("postgres", ""))
        : new Target("sqlite", $"Data Source={Path.GetFullPath(options.Get("sqlite", "bench/data/keukentafel-bench.db"))}");
}

/// <summary>"command --name value --flag" into a command and its options.</summary>
internal sealed record Arguments(string Command, IReadOnlyDictionary<string, string> Values)
{
    public static Arguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                values[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            }
        }

        return new Arguments(args.Length > 0 ? args[0] : "", values);
    }

    public bool Has(string name) => Values.ContainsKey(name);

    public string Get(string name, string otherwise) => Values.GetValueOrDefault(name, otherwise);
}

internal static class Databases
{
    public static void RemoveSqlite(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        foreach (var path in new[] { file, $"{file}-wal", $"{file}-shm" })
        {
            File.Delete(path);
        }
    }

    /// <summary>A fresh, empty database of that name (dropped first if it was there).</summary>
    public static async Task RecreatePostgresAsync(NpgsqlConnectionStringBuilder target)
    {
        var name = target.Database ?? throw new ArgumentException("Geef een database in de verbinding, bijvoorbeeld Database=kt_bench.");
        var admin = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        await create.ExecuteNonQueryAsync();
        // Connections this process pooled to the dropped database were ended by FORCE: none may be handed out again.
        NpgsqlConnection.ClearAllPools();
    }
}
