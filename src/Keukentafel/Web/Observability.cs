using System.Diagnostics.Metrics;
using System.Text.Json;
using Keukentafel.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using Serilog;

namespace Keukentafel.Web;

/// <summary>Structured logs (ids, never personal data), OpenTelemetry metrics and the health endpoint.</summary>
public static class Observability
{
    public const string MeterName = "Keukentafel";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());

        builder.Services.AddSingleton<KeukentafelMetrics>();
        var metrics = builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Standard OpenTelemetry variables (endpoint, protocol, headers) configure the exporter.
            metrics.WithMetrics(m => m.AddOtlpExporter());
        }

        // Scraped at /metrics from inside the cluster only (UseMetricsScraping).
        metrics.WithMetrics(m => m.AddPrometheusExporter());

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<KeukentafelDbContext>("database", tags: [Ready])
            .AddCheck<SchemaCheck>("schema", tags: [Ready]);
        return builder;
    }

    /// <summary>Request completion events go to this host's logger, not the static one (several hosts may share a process, as in the tests).</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o => o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>());

    private const string Ready = "ready";

    /// <summary>
    /// The Prometheus scrape at <c>/metrics</c>, for a scraper inside the cluster: a request that came from a public
    /// address (through the load balancer, with its forwarded headers) is not answered here: it gets 404, as an address
    /// that does not exist (not a sign-in page, which would say that something is there).
    /// </summary>
    public static IApplicationBuilder UseMetricsScraping(this IApplicationBuilder app) =>
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                context.Request.Path == "/metrics" && ClientNetwork.IsInternal(context.Connection.RemoteIpAddress) && !Forwarded(context.Request))
            .Use(async (context, next) =>
            {
                if (context.Request.Path.Equals("/metrics", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await next(context);
            });

    /// <summary>
    /// A request that came through a proxy, known or not: a scraper asks an instance directly. So a load balancer left
    /// out of <c>ForwardedHeaders:KnownProxies</c> (whose own address is private) does not open the metrics to everyone.
    /// </summary>
    private static bool Forwarded(HttpRequest request) =>
        request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("X-Original-For") || request.Headers.ContainsKey("Forwarded");

    /// <summary>
    /// <c>/health/live</c>: the process answers (a liveness probe restarts it when not). <c>/health/ready</c>: the
    /// database answers and has every migration of this version (a readiness probe sends no traffic before).
    /// <c>/health</c> is the same as ready, with each check named.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        endpoints.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(context.Response.Body, new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.Select(e => new
                    {
                        name = e.Key,
                        status = e.Value.Status.ToString(),
                        durationMs = e.Value.Duration.TotalMilliseconds
                    }),
                });
            },
        }).AllowAnonymous();

        // The framework's own ceiling for load measurements (bench/): authentication and routing, no database.
        endpoints.MapGet("/api/v1/ping", () => TypedResults.Ok(new { pong = true })).RequireAuthorization(Accounts.Policies.Api)
            .WithSummary("Answers a signed-in caller at once; the benchmarks measure the host's own ceiling with it.");
        return endpoints;
    }
}

/// <summary>The application's own metrics, next to the framework's.</summary>
public sealed class KeukentafelMetrics
{
    private readonly Counter<long> signIns;
    private readonly Counter<long> jobRuns;
    private readonly Counter<long> mails;
    private readonly Histogram<double> auditAppends;

    public KeukentafelMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Observability.MeterName);
        signIns = meter.CreateCounter<long>("keukentafel.sign_ins", description: "Sign-in attempts by channel and outcome.");
        jobRuns = meter.CreateCounter<long>("keukentafel.job_runs", description: "Runs of timed jobs at this instance, by job and outcome.");
        mails = meter.CreateCounter<long>("keukentafel.mails", description: "Queued mails this instance tried to send, by outcome.");
        auditAppends = meter.CreateHistogram<double>("keukentafel.audit.append_duration", unit: "ms",
            description: "Time to append one batch of audit events to the chain.");
        meter.CreateObservableGauge("keukentafel.audit.queue", () => AuditWaiting?.Invoke() ?? 0,
            description: "Audit events of this instance waiting to be written.");
        meter.CreateObservableGauge("keukentafel.sqlite.log_pages", () => SqliteLogPages,
            description: "Pages of the SQLite write-ahead log not yet copied into the database file (SQLite only).");
    }

    /// <summary>What the last checkpoint left in the SQLite write-ahead log (set by the checkpoint job).</summary>
    public long SqliteLogPages { get; set; }

    /// <summary>How many audit requests wait in this instance's queue (set by the audit log).</summary>
    public Func<int>? AuditWaiting { get; set; }

    public void JobRun(string job, string outcome) =>
        jobRuns.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", outcome));

    public void Mail(string outcome) => mails.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void AuditAppended(TimeSpan took) => auditAppends.Record(took.TotalMilliseconds);

    public void SignIn(string channel, string outcome) =>
        signIns.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));
}

/// <summary>
/// Not ready while a migration this version has is not applied. A migration it does not know (a newer version's, in a
/// rolling update) leaves it ready but degraded: migrations add, so the old instances keep serving until they are
/// replaced, instead of all leaving the load balancer at once. (An instance that does not migrate itself refuses to
/// start on such a database.)
/// </summary>
public sealed class SchemaCheck(KeukentafelDbContext db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (pending, unknown) = await DataExtensions.MigrationsAsync(db, cancellationToken);
        return pending.Count > 0 ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy($"{pending.Count} migrations not applied")
            : unknown.Count > 0 ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Degraded($"{unknown.Count} migrations of a newer version")
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy();
    }
}
