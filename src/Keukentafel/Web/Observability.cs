using System.Diagnostics.Metrics;
using System.Text.Json;
using Keukentafel.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
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

        builder.Services.AddHealthChecks().AddDbContextCheck<KeukentafelDbContext>("database");
        return builder;
    }

    /// <summary>Request completion events go to this host's logger, not the static one (several hosts may share a process, as in the tests).</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o => o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>());

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions
        {
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

    public KeukentafelMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Observability.MeterName);
        signIns = meter.CreateCounter<long>("keukentafel.sign_ins", description: "Sign-in attempts by channel and outcome.");
    }

    public void SignIn(string channel, string outcome) =>
        signIns.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));
}
