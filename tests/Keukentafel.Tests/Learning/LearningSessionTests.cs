using System.Net;
using Keukentafel.Neighbourhoods;
using Keukentafel.Tests.Cases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Keukentafel.Tests.Learning;

/// <summary>The learning session's agenda comes from the cases since the session before, shown to each as far as he may see.</summary>
public sealed class LearningSessionTests(LearningSessionTests.ClockApp app) : IClassFixture<LearningSessionTests.ClockApp>
{
    /// <summary>The application with a clock the test moves forward.</summary>
    public sealed class ClockApp : KeukentafelApp
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private DateOnly Today => Keukentafel.Cases.DutchTime.Date(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_agenda_holds_exactly_what_happened_since_the_session_before_and_a_director_sees_only_counts()
    {
        // Past the sessions the other tests of this class may have planned (their dates are a day or two ahead).
        app.Clock.Advance(TimeSpan.FromDays(10));
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var bringer = await CaseDriver.HomeCareAsync(app);
        var manager = await app.StaffAsync(OrganisationType.HomeCare, "WK990101", StaffFunction.Manager);
        var @case = await CaseDriver.SignalAsync(app, bringer.Email, family: "Leerpunt");
        var number = (await @case.FileAsync()).GetProperty("number").GetString()!;
        // Before the first session: not on the second one's agenda.
        await @case.PostAsync("deviations", new { rule = "Oude regel", reason = "Voor de eerste sessie", otherwise = "Wachten", managerId = manager.Id });
        await @case.PostAsync("bottlenecks", new { category = "Financing", description = "Knelpunt van voor de eerste sessie" });

        app.Clock.Advance(TimeSpan.FromDays(3));
        var first = await PlanAsync(neighbourhood, Today);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var now = await app.ApiAsync(bringer.Email);
        await @case.PostAsync("deviations", new { rule = "Wmo-indicatie", reason = "Sneller dan de indicatie", otherwise = "Zes weken wachten", managerId = manager.Id }, client: now);
        await @case.PostAsync("bottlenecks", new { category = "InformationSharing", description = "Gegevens mochten niet gedeeld worden" }, client: now);

        // Past the six weeks without a solution carried out.
        app.Clock.Advance(TimeSpan.FromDays(46));
        var second = await PlanAsync(neighbourhood, Today);

        var agenda = (await (await app.ApiAsync(bringer.Email)).GetJsonAsync($"/api/learning-sessions/{second}")).GetProperty("agenda");
        agenda.GetProperty("from").GetString().ShouldBe((Today.AddDays(-47)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var mine = agenda.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("caseNumber").GetString() == number)
            .Select(i => (i.GetProperty("kind").GetString(), i.GetProperty("heading").GetString())).Order().ToList();
        mine.ShouldBe([("Bottleneck", "Knelpunt: Informatie delen"), ("Deviation", "Afwijking van: Wmo-indicatie"), ("Overdue", "Niet binnen zes weken uitgevoerd")]);

        // The first session's agenda holds the earlier points.
        var before = (await (await app.ApiAsync(bringer.Email)).GetJsonAsync($"/api/learning-sessions/{first}")).GetProperty("agenda");
        before.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("caseNumber").GetString() == number).Select(i => i.GetProperty("heading").GetString())
            .Order().ShouldBe(["Afwijking van: Oude regel", "Knelpunt: Financiering"]);

        // The director: counts only, nothing of the case or the resident, in the API answer.
        using var director = await app.ApiAsync(PageSession.Director);
        using var response = await director.GetAsync($"/api/learning-sessions/{second}", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldNotContain(number);
        body.ShouldNotContain("Leerpunt");
        body.ShouldNotContain("Sneller dan de indicatie");
        body.ShouldNotContain("Gegevens mochten niet");
        var summary = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("agenda");
        summary.GetProperty("anonymised").GetBoolean().ShouldBeTrue();
        summary.GetProperty("items").GetArrayLength().ShouldBe(0);
        summary.GetProperty("summaries").EnumerateArray().ShouldAllBe(s => s.GetProperty("count").ValueKind == System.Text.Json.JsonValueKind.Null || s.GetProperty("count").GetInt32() >= 5);

        // And on the rendered page.
        var page = await (await app.SignedInAsync(PageSession.Director)).GetPageAsync($"/leersessies/{second}");
        page.Text().ShouldContain("U ziet aantallen, geen casussen");
        page.Body!.InnerHtml.ShouldNotContain(number);
        page.Body.InnerHtml.ShouldNotContain("Leerpunt");
        page.Body.InnerHtml.ShouldNotContain("Sneller dan de indicatie");
        page.QuerySelectorAll("a[href^='/casussen/']").ShouldBeEmpty();
        // The bringer's page links his case.
        var his = await (await app.SignedInAsync(bringer.Email)).GetPageAsync($"/leersessies/{second}");
        his.QuerySelectorAll($"a[href='/casussen/{@case.Id}']").Length.ShouldBe(3);
    }

    [Fact]
    public async Task The_coordinator_plans_a_session_and_writes_its_minutes_in_the_pages_and_bad_input_is_shown_at_the_field()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var coordinator = await app.SignedInAsync(PageSession.Coordinator);
        var date = Today.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var form = $"/leersessies?wijk={neighbourhood}&handler=Plan";

        using var empty = await coordinator.SubmitAsync($"/leersessies?wijk={neighbourhood}", new Dictionary<string, string> { ["Plan.Date"] = date, ["Plan.Level"] = "Professionals", ["Plan.Participants"] = "" }, action: form);
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageSession.ParseAsync(empty)).QuerySelector("#Plan_Participants-error, .utrecht-form-field-error-message").ShouldNotBeNull().TextContent.ShouldContain("Noem wie er meedoen");

        using var planned = await coordinator.SubmitAsync($"/leersessies?wijk={neighbourhood}",
            new Dictionary<string, string> { ["Plan.Date"] = date, ["Plan.Level"] = "Professionals", ["Plan.Participants"] = "Sanne Verhoeven\nIlse Dekkers" }, action: form);
        planned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var sessionUrl = planned.Headers.Location!.PathAndQuery().Split('?')[0];
        var page = await coordinator.GetPageAsync(sessionUrl);
        page.Text().ShouldContain("Voorgestelde agenda");
        page.Text().ShouldContain("Ilse Dekkers, Sanne Verhoeven");

        using var saved = await coordinator.SubmitAsync(sessionUrl, new Dictionary<string, string> { ["Minutes.Text"] = "Casus besproken: de wachttijd voor de Wmo-indicatie." },
            action: $"{sessionUrl}?handler=Minutes");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.GetPageAsync(sessionUrl)).Text().ShouldContain("Laatst bijgewerkt door");

        // A professional sees the session, not the forms.
        var professional = await (await app.SignedInAsync(PageSession.Professional)).GetPageAsync(sessionUrl);
        professional.Text().ShouldContain("de wachttijd voor de Wmo-indicatie");
        professional.QuerySelectorAll("form[action*='handler=Minutes']").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_professional_sees_only_the_points_of_the_cases_he_may_open_and_someone_from_elsewhere_nothing()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var bringer = await CaseDriver.HomeCareAsync(app);
        var manager = await app.StaffAsync(OrganisationType.HomeCare, "WK990101", StaffFunction.Manager);
        var @case = await CaseDriver.SignalAsync(app, bringer.Email, family: "Nietvoorjou");
        var number = (await @case.FileAsync()).GetProperty("number").GetString()!;
        await @case.PostAsync("deviations", new { rule = "Huisregel", reason = "Alleen voor wie aan tafel zit", otherwise = "Niets", managerId = manager.Id });
        var session = await PlanAsync(neighbourhood, Today.AddDays(1));

        var housing = await app.StaffAsync(OrganisationType.Housing, "WK990101");
        var agenda = (await (await app.ApiAsync(housing.Email)).GetJsonAsync($"/api/learning-sessions/{session}")).GetProperty("agenda");
        agenda.GetProperty("anonymised").GetBoolean().ShouldBeFalse();
        agenda.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("caseNumber").GetString() == number);
        agenda.GetProperty("notShown").GetInt32().ShouldBeGreaterThan(0);
        agenda.ToString().ShouldNotContain("Alleen voor wie aan tafel zit");

        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Professional, onlyThere: true);
        await (await app.ApiAsync(elsewhere.Email)).GetJsonAsync($"/api/learning-sessions/{session}", HttpStatusCode.NotFound);
        // Only the neighbourhood's coordinator plans sessions.
        await (await app.ApiAsync(bringer.Email)).PostJsonAsync($"/api/neighbourhoods/{neighbourhood}/learning-sessions",
            new { date = Today, level = "Professionals", participants = new[] { new { name = "Iemand" } } }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_Dutch_error_and_nothing_is_saved()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);
        var before = (await coordinator.GetJsonAsync($"/api/neighbourhoods/{neighbourhood}/learning-sessions")).GetArrayLength();

        var noOne = await coordinator.PostJsonAsync($"/api/neighbourhoods/{neighbourhood}/learning-sessions",
            new { date = Today, level = "Professionals", participants = Array.Empty<object>() }, HttpStatusCode.UnprocessableEntity);
        noOne.Code().ShouldBe("learning.participants_required");
        var tooEarly = await coordinator.PostJsonAsync($"/api/neighbourhoods/{neighbourhood}/learning-sessions",
            new { date = Today.AddYears(-30), level = "Professionals", participants = new[] { new { name = "Iemand" } } }, HttpStatusCode.UnprocessableEntity);
        tooEarly.Code().ShouldBe("learning.date_outside");
        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Professional, onlyThere: true);
        (await coordinator.PostJsonAsync($"/api/neighbourhoods/{neighbourhood}/learning-sessions",
            new { date = Today, level = "Professionals", participants = new[] { new { staffMemberId = (Guid?)elsewhere.Id, name = elsewhere.Name } } }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("learning.participant_elsewhere");

        (await coordinator.GetJsonAsync($"/api/neighbourhoods/{neighbourhood}/learning-sessions")).GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task Minutes_written_from_an_older_version_are_refused_not_overwritten()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var session = await PlanAsync(neighbourhood, Today.AddDays(2));
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);

        var saved = await coordinator.PutJsonAsync($"/api/learning-sessions/{session}/minutes", new { version = 0, minutes = "We spraken over de wachttijd." });
        saved.GetProperty("version").GetInt32().ShouldBe(1);
        var stale = await coordinator.PutJsonAsync($"/api/learning-sessions/{session}/minutes", new { version = 0, minutes = "Iets anders." }, HttpStatusCode.Conflict);
        stale.Code().ShouldBe("learning.changed");
        (await coordinator.GetJsonAsync($"/api/learning-sessions/{session}")).GetProperty("minutes").GetString().ShouldBe("We spraken over de wachttijd.");
    }

    private async Task<Guid> PlanAsync(Guid neighbourhood, DateOnly date)
    {
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);
        var created = await coordinator.PostJsonAsync($"/api/neighbourhoods/{neighbourhood}/learning-sessions",
            new { date, level = "Professionals", participants = new[] { new { name = "Sanne Verhoeven" }, new { name = "Ilse Dekkers" } } }, HttpStatusCode.Created);
        return created.Id();
    }
}
