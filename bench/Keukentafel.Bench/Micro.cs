using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Bench;

/// <summary>
/// BenchmarkDotNet for the paths inside the server, on a generated database: the case list as the endpoint runs it
/// (EF Core, one scope per call) against the bare prepared query as the baseline, and the audit log's append of one
/// list's events. Run in-process (the database is the one given on the command line):
/// <c>dotnet bench/Keukentafel.Bench/bin/Release/net10.0/Keukentafel.Bench.dll micro --sqlite bench/data/kt-100000.db</c>.
/// </summary>
internal static class Micro
{
    public static Target Target { get; private set; } = null!;

    public static string Professional { get; private set; } = "";

    public static async Task<int> RunAsync(Target target, string[] benchmarkArgs)
    {
        Target = target;
        var (professionals, _, _) = await BenchAccounts.EnsureAsync(target.Configure, target.IsPostgres, 1, CancellationToken.None);
        Professional = professionals[0];
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.GetFullPath("bench/data/micro"));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(ServerPaths)]).Run(benchmarkArgs.Length == 0 ? ["--filter", "*"] : benchmarkArgs, config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }

    /// <summary>The application's data services on the target database, as the server registers them.</summary>
    public static ServiceProvider Services()
    {
        var services = new ServiceCollection().AddLogging();
        if (Target.IsPostgres)
        {
            services.AddDbContextPool<KeukentafelDbContext, PostgresKeukentafelDbContext>(Target.Configure);
        }
        else
        {
            services.AddDbContextPool<KeukentafelDbContext, SqliteKeukentafelDbContext>(Target.Configure);
        }

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<AuditLog>();
        services.AddScoped<CaseLists>();
        return services.BuildServiceProvider();
    }
}

/// <summary>The case list and the audit append, each against the bare query of the same list.</summary>
[MemoryDiagnoser]
public class ServerPaths
{
    private ServiceProvider services = null!;
    private BareCaseList bare = null!;
    private Guid staffId;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        services = Micro.Services();
        bare = await BareCaseList.OpenAsync(Micro.Target, Micro.Professional, CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        staffId = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().StaffMembers
            .Where(s => s.Email == Micro.Professional).Select(s => s.Id).SingleAsync();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await bare.DisposeAsync();
        await services.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "bare list query (ADO.NET)")]
    public Task<int> BareList() => bare.RunAsync(CancellationToken.None);

    [Benchmark(Description = "case list (CaseLists.MineAsync)")]
    public async Task<int> CaseList()
    {
        await using var scope = services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<CaseLists>()
            .MineAsync(staffId, new CaseFilter(), null, CaseLists.PageSize, CancellationToken.None);
        return page.Items.Count;
    }

    [Benchmark(Description = "audit: one list's 25 events")]
    public Task AuditOfOneList() => services.GetRequiredService<AuditLog>().AppendManyAsync(
        [.. Enumerable.Range(0, 25).Select(i => new AuditEvent(DateTime.UtcNow, null, "Benchmark", "professional", "Proeforganisatie", Guid.NewGuid(),
            Guid.NewGuid(), AuditAction.List, "casuslijst", true, null, "127.0.0.1"))],
        CancellationToken.None);
}
