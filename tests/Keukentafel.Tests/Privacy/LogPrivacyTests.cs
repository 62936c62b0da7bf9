using System.Collections.Concurrent;
using System.Net;
using Keukentafel.Tests.Cases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Keukentafel.Tests.Privacy;

/// <summary>The application on full logging, with every log event kept for the test to read.</summary>
public sealed class LoggingApp : KeukentafelApp
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() =>
    [
        new("Serilog:MinimumLevel:Default", "Debug"),
        new("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Debug"),
        new("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Debug"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(new Sink(Events)));
    }

    private sealed class Sink(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}

/// <summary>Personal data goes into the case file and the audit log, never into the application log.</summary>
public sealed class LogPrivacyTests(LoggingApp app) : IClassFixture<LoggingApp>
{
    [Fact]
    public async Task A_whole_case_on_full_logging_leaves_no_name_birth_date_address_or_story_in_the_log()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Kwakernaakstra");
        await @case.PostAsync("answers", new { question = "Want", text = "Ik wil van de schuld bij de Zonnebloemwinkel af.", withResident = true });
        await @case.PostAsync("answers", new { question = "Can", text = "", withResident = true }, HttpStatusCode.BadRequest);
        await @case.PostAsync("consents", new { organisationId = Guid.NewGuid(), purpose = "Kwakernaakstra helpen" }, HttpStatusCode.UnprocessableEntity);
        await (await app.ApiAsync(PageSession.Manager)).GetJsonAsync($"/api/v1/cases/{@case.Id}", HttpStatusCode.Forbidden);
        var browser = await app.SignedInAsync(PageSession.Professional);
        (await browser.GetAsync($"/casussen/{@case.Id}", TestContext.Current.CancellationToken)).Dispose();
        using (var failed = await app.Browser().SignInAsync("greet.kwakernaakstra@voorbeeld.example", "Niet-het-wachtwoord-2026"))
        {
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        app.Events.Count.ShouldBeGreaterThan(50,
            $"the log is on at full detail; it caught {string.Join(", ", app.Events.Take(30).Select(e => e.MessageTemplate.Text))}");
        var log = string.Join("\n", app.Events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " "
            + string.Join(" ", e.Properties.Select(p => p.Value.ToString())) + " " + e.Exception));
        log.ShouldContain(@case.Id.ToString(), Case.Insensitive, "ids are what the log carries");
        app.Events.ShouldContain(e => e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod}", StringComparison.Ordinal),
            "request completion events reach this host's log");
        foreach (var personal in new[] { "Kwakernaakstra", "Greet", "1951-03-14", "14-03-1951", "Rietvinkstraat", "9991 KT", "Zonnebloemwinkel",
            "Ik krijg brieven", "greet.kwakernaakstra" })
        {
            log.ShouldNotContain(personal, Case.Insensitive);
        }
    }
}
