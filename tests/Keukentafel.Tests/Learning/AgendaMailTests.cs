using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Keukentafel.Learning;
using Keukentafel.Neighbourhoods;
using Keukentafel.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Learning;

/// <summary>
/// The agenda of a learning session is mailed to the ambassadors and the participants when the session is planned, and
/// again when it changed, without a resident's name, a case number or a text from a file (issue 20, item 16).
/// </summary>
public sealed partial class AgendaMailTests(ClockApp app) : IClassFixture<ClockApp>
{
    private const string Ambassador = "sanne.verhoeven@welzijnsamen.example";

    private async Task<Guid> PlanAsync(Guid neighbourhood, DateOnly date, Guid participant)
    {
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);
        return (await coordinator.PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/learning-sessions",
            new
            {
                date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                level = "Professionals",
                participants = new[] { new { staffMemberId = participant } },
            },
            HttpStatusCode.Created)).Id();
    }

    private async Task<int> LookForChangesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await AgendaMailJob.MailChangedAsync(scope.ServiceProvider, TestContext.Current.CancellationToken);
    }

    private async Task<List<MimeKit.MimeMessage>> AgendasToAsync(string address, Guid session) =>
        [.. (await app.MailsToAsync(address)).Where(m => (m.TextBody ?? "").Contains($"/leersessies/{session}", StringComparison.Ordinal))];

    [Fact]
    public async Task The_agenda_goes_to_ambassadors_and_participants_when_planned_and_again_only_when_it_changed()
    {
        // Past the demo's sessions (planned up to a few weeks ahead), so the next one's agenda starts before today.
        app.Clock.Advance(TimeSpan.FromDays(30));
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var colleague = await app.StaffAsync(OrganisationType.Housing, "WK990101");
        var bringer = await CaseDriver.HomeCareAsync(app);
        var manager = await app.StaffAsync(OrganisationType.HomeCare, "WK990101", StaffFunction.Manager);
        var @case = await CaseDriver.SignalAsync(app, bringer.Email, family: "Agendageheim");
        var number = (await @case.FileAsync()).GetProperty("number").GetString()!;
        await @case.PostAsync("deviations",
            new { rule = "Huisregel", reason = "Een reden die alleen aan tafel hoort", otherwise = "Niets", managerId = manager.Id });

        var session = await PlanAsync(neighbourhood, app.Today.AddDays(10), colleague.Id);

        var toAmbassador = (await AgendasToAsync(Ambassador, session)).ShouldHaveSingleItem();
        var toColleague = (await AgendasToAsync(colleague.Email, session)).ShouldHaveSingleItem();
        toAmbassador.Subject.ShouldStartWith("Agenda leersessie");
        var text = toColleague.TextBody!;
        text.ShouldContain("Afwijkingen van regels", customMessage: text);
        text.ShouldContain(colleague.Name, customMessage: "the participants are named");
        foreach (var secret in new[] { "Agendageheim", number, "Een reden die alleen aan tafel hoort" })
        {
            text.ShouldNotContain(secret);
        }

        CaseNumber().IsMatch(text).ShouldBeFalse("no case number in the mail");

        // Nothing changed: nothing goes.
        (await LookForChangesAsync()).ShouldBe(0);
        (await AgendasToAsync(Ambassador, session)).Count.ShouldBe(1);

        // A session planned before it: its agenda now starts there, so it changed, and goes again.
        var earlier = await PlanAsync(neighbourhood, app.Today.AddDays(5), colleague.Id);
        (await AgendasToAsync(Ambassador, earlier)).ShouldHaveSingleItem();
        (await LookForChangesAsync()).ShouldBeGreaterThan(0);
        var again = await AgendasToAsync(colleague.Email, session);
        again.Count.ShouldBe(2);
        again[^1].Subject.ShouldStartWith("Nieuwe agenda leersessie");
        again[^1].TextBody!.ShouldContain(app.Today.AddDays(5).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")));
        (await LookForChangesAsync()).ShouldBe(0, "each change goes once");

        // Once held, a session is not announced any more, though its agenda changed (a session planned in between).
        app.Clock.Advance(TimeSpan.FromDays(11));
        await PlanAsync(neighbourhood, app.Today.AddDays(-3), colleague.Id);
        await LookForChangesAsync();
        (await AgendasToAsync(Ambassador, session)).Count.ShouldBe(2);
    }

    [GeneratedRegex(@"\b20\d\d-\d{5}\b")]
    private static partial Regex CaseNumber();
}
