using System.Net;
using System.Net.Http.Json;
using Keukentafel.Neighbourhoods;
using Keukentafel.Tests.Cases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Keukentafel.Tests.Learning;

/// <summary>The learning session's agenda comes from the cases since the session before, shown to each as far as he may see.</summary>
public sealed class LearningSessionTests(ClockApp app) : IClassFixture<ClockApp>
{
    private DateOnly Today => Keukentafel.Cases.DutchTime.Date(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_agenda_holds_exactly_what_happened_since_the_session_before_and_a_director_sees_only_counts()
    {
        // Past the sessions the other tests of this class may have planned (at most 17 days ahead of their day).
        app.Clock.Advance(TimeSpan.FromDays(30));
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var bringer = await CaseDriver.HomeCareAsync(app);
        var manager = await app.StaffAsync(OrganisationType.HomeCare, "WK990101", StaffFunction.Manager);
        var @case = await CaseDriver.SignalAsync(app, bringer.Email, family: "Leerpunt");
        var number = (await @case.FileAsync()).GetProperty("number").GetString()!;
        // Before the first session: not on the second one's agenda.
        await @case.PostAsync("deviations", new { rule = "Oude regel", reason = "Voor de eerste sessie", otherwise = "Wachten", managerId = manager.Id });
        await @case.PostAsync("bottlenecks", new { category = "Financing", description = "Knelpunt van voor de eerste sessie" });
        await @case.AnsweredAsync();

        app.Clock.Advance(TimeSpan.FromDays(3));
        var first = await PlanAsync(neighbourhood, Today);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var now = await app.ApiAsync(bringer.Email);
        await @case.PostAsync("deviations",
            new { rule = "Wmo-indicatie", reason = "Sneller dan de indicatie", otherwise = "Zes weken wachten", managerId = manager.Id }, client: now);
        await @case.PostAsync("bottlenecks", new { category = "InformationSharing", description = "Gegevens mochten niet gedeeld worden" }, client: now);
        var action = (await @case.PostAsync("actions", new
        {
            what = "De buurvrouw opent de post mee",
            carrier = "Resident",
            lawDomain = "Other",
            dueDate = Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        }, client: now)).Id("createdId");
        await @case.PostAsync($"actions/{action}/worth-sharing", new { why = "Geen schuldhulp nodig" }, client: now);

        // Past the six weeks without a solution carried out.
        app.Clock.Advance(TimeSpan.FromDays(46));
        var second = await PlanAsync(neighbourhood, Today);

        var agenda = (await (await app.ApiAsync(bringer.Email)).GetJsonAsync($"/api/v1/learning-sessions/{second}")).GetProperty("agenda");
        agenda.GetProperty("from").GetString().ShouldBe((Today.AddDays(-47)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var mine = agenda.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("caseNumber").GetString() == number)
            .Select(i => (i.GetProperty("kind").GetString(), i.GetProperty("heading").GetString())).Order().ToList();
        mine.ShouldBe([("Bottleneck", "Knelpunt: Informatie delen"), ("Deviation", "Afwijking van: Wmo-indicatie"),
            ("Overdue", "Niet binnen zes weken uitgevoerd"), ("WorthSharing", "Opvallende oplossing: De buurvrouw opent de post mee")]);

        // The first session's agenda holds the earlier points.
        var before = (await (await app.ApiAsync(bringer.Email)).GetJsonAsync($"/api/v1/learning-sessions/{first}")).GetProperty("agenda");
        before.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("caseNumber").GetString() == number)
            .Select(i => i.GetProperty("heading").GetString())
            .Order().ShouldBe(["Afwijking van: Oude regel", "Knelpunt: Financiering"]);

        // The director: counts only, nothing of the case or the resident, in the API answer.
        using var director = await app.ApiAsync(PageSession.Director);
        using var response = await director.GetAsync($"/api/v1/learning-sessions/{second}", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldNotContain(number);
        body.ShouldNotContain("Leerpunt");
        body.ShouldNotContain("Sneller dan de indicatie");
        body.ShouldNotContain("Gegevens mochten niet");
        body.ShouldNotContain("De buurvrouw opent");
        var summary = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("agenda");
        summary.GetProperty("anonymised").GetBoolean().ShouldBeTrue();
        summary.GetProperty("items").GetArrayLength().ShouldBe(0);
        summary.GetProperty("summaries").EnumerateArray()
            .ShouldAllBe(s => s.GetProperty("count").ValueKind == System.Text.Json.JsonValueKind.Null || s.GetProperty("count").GetInt32() >= 5);

        // And on the rendered page.
        var page = await (await app.SignedInAsync(PageSession.Director)).GetPageAsync($"/leersessies/{second}");
        page.Text().ShouldContain("U ziet aantallen, geen casussen");
        page.Body!.InnerHtml.ShouldNotContain(number);
        page.Body.InnerHtml.ShouldNotContain("Leerpunt");
        page.Body.InnerHtml.ShouldNotContain("Sneller dan de indicatie");
        page.QuerySelectorAll("a[href^='/casussen/']").ShouldBeEmpty();
        // The bringer's page links his case.
        var his = await (await app.SignedInAsync(bringer.Email)).GetPageAsync($"/leersessies/{second}");
        his.QuerySelectorAll($"a[href='/casussen/{@case.Id}']").Length.ShouldBe(4);
    }

    [Fact]
    public async Task The_coordinator_plans_a_session_and_writes_its_minutes_in_the_pages_and_bad_input_is_shown_at_the_field()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var coordinator = await app.SignedInAsync(PageSession.Coordinator);
        var date = Today.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var form = $"/leersessies?wijk={neighbourhood}&handler=Plan";

        using var empty = await coordinator.SubmitAsync($"/leersessies?wijk={neighbourhood}",
            new Dictionary<string, string> { ["Plan.Date"] = date, ["Plan.Level"] = "Professionals", ["Plan.Participants"] = "" }, action: form);
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageSession.ParseAsync(empty))
            .QuerySelector("#Plan_Participants-error, .utrecht-form-field-error-message").ShouldNotBeNull().TextContent.ShouldContain("Noem wie er meedoen");

        using var planned = await coordinator.SubmitAsync($"/leersessies?wijk={neighbourhood}",
            new Dictionary<string, string> { ["Plan.Date"] = date, ["Plan.Level"] = "Professionals", ["Plan.Participants"] = "Sanne Verhoeven\nIlse Dekkers" },
            action: form);
        planned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var sessionUrl = planned.Headers.Location!.PathAndQuery().Split('?')[0];
        var page = await coordinator.GetPageAsync(sessionUrl);
        page.Text().ShouldContain("Voorgestelde agenda");
        page.Text().ShouldContain("Ilse Dekkers, Sanne Verhoeven");

        using var saved = await coordinator.SubmitAsync(sessionUrl,
            new Dictionary<string, string> { ["Minutes.Text"] = "Casus besproken: de wachttijd voor de Wmo-indicatie." },
            action: $"{sessionUrl}?handler=Minutes");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.GetPageAsync(sessionUrl)).Text().ShouldContain("Laatst bijgewerkt door");

        using var noText = await coordinator.SubmitAsync(sessionUrl,
            new Dictionary<string, string> { ["Lesson.Kind"] = "StopDoing", ["Lesson.Text"] = "", ["Lesson.Owner"] = "Ilse" },
            action: $"{sessionUrl}?handler=Lesson");
        (await PageSession.ParseAsync(noText))
            .QuerySelector(".utrecht-form-field-error-message").ShouldNotBeNull().TextContent.ShouldContain("Schrijf de les op");
        using var unknownCase = await coordinator.SubmitAsync(sessionUrl, new Dictionary<string, string>
        {
            ["Lesson.Kind"] = "StopDoing",
            ["Lesson.Text"] = "Niet meer dubbel intakes doen",
            ["Lesson.Owner"] = "Ilse",
            ["Lesson.CaseNumbers"] = "1999-999999"
        }, action: $"{sessionUrl}?handler=Lesson");
        (await PageSession.ParseAsync(unknownCase))
            .QuerySelector(".utrecht-form-field-error-message").ShouldNotBeNull().TextContent.ShouldContain("1999-999999");
        using var lesson = await coordinator.SubmitAsync(sessionUrl, new Dictionary<string, string>
        {
            ["Lesson.Kind"] = "StopDoing",
            ["Lesson.Text"] = "Niet meer dubbel intakes doen",
            ["Lesson.Owner"] = "Ilse Dekkers"
        }, action: $"{sessionUrl}?handler=Lesson");
        lesson.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.GetPageAsync(sessionUrl)).Text().ShouldContain("Waar we mee stoppen: Niet meer dubbel intakes doen");

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
        var agenda = (await (await app.ApiAsync(housing.Email)).GetJsonAsync($"/api/v1/learning-sessions/{session}")).GetProperty("agenda");
        agenda.GetProperty("anonymised").GetBoolean().ShouldBeFalse();
        agenda.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("caseNumber").GetString() == number);
        agenda.GetProperty("notShown").GetInt32().ShouldBeGreaterThan(0);
        agenda.ToString().ShouldNotContain("Alleen voor wie aan tafel zit");
        // The agenda goes to each organisation's ambassador in the neighbourhood.
        (await (await app.ApiAsync(housing.Email)).GetJsonAsync($"/api/v1/learning-sessions/{session}")).GetProperty("ambassadors").EnumerateArray()
            .Select(x => x.GetString()).ShouldContain("Sanne Verhoeven (Stichting Welzijn Samen)");

        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Professional, onlyThere: true);
        await (await app.ApiAsync(elsewhere.Email)).GetJsonAsync($"/api/v1/learning-sessions/{session}", HttpStatusCode.NotFound);
        // Only the neighbourhood's coordinator plans sessions.
        await (await app.ApiAsync(bringer.Email)).PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/learning-sessions",
            new { date = Today, level = "Professionals", participants = new[] { new { name = "Iemand" } } }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_coordinator_sees_the_points_of_a_case_she_opened_with_a_reason_and_the_look_carries_it()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var bringer = await CaseDriver.HomeCareAsync(app);
        var manager = await app.StaffAsync(OrganisationType.HomeCare, "WK990101", StaffFunction.Manager);
        var @case = await CaseDriver.SignalAsync(app, bringer.Email, family: "Glasagenda");
        var number = (await @case.FileAsync()).GetProperty("number").GetString()!;
        await @case.PostAsync("deviations", new { rule = "Huisregel", reason = "Een afwijking om te bespreken", otherwise = "Niets", managerId = manager.Id });
        var session = await PlanAsync(neighbourhood, Today.AddDays(1));
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);

        var before = (await coordinator.GetJsonAsync($"/api/v1/learning-sessions/{session}")).GetProperty("agenda");
        (await coordinator.PostAsJsonAsync($"/api/v1/access/{@case.Id}/reason", new { reason = "Voorbereiden van de leersessie over deze afwijking" },
            TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = (await coordinator.GetJsonAsync($"/api/v1/learning-sessions/{session}")).GetProperty("agenda");

        before.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("caseNumber").GetString() == number);
        after.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("caseNumber").GetString() == number);
        after.GetProperty("notShown").GetInt32().ShouldBe(before.GetProperty("notShown").GetInt32() - 1);
        var looks = (await (await app.ApiAsync(bringer.Email)).GetJsonAsync($"/api/v1/cases/{@case.Id}/access-log?limit=100")).Items();
        looks.EnumerateArray().ShouldContain(l => l.GetProperty("what").GetString()!.Contains("leersessie", StringComparison.Ordinal)
            && l.GetProperty("reason").GetString() == "Voorbereiden van de leersessie over deze afwijking");
    }

    [Fact]
    public async Task A_colleague_named_by_his_staff_id_alone_takes_part_under_his_own_name()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var colleague = await app.StaffAsync(OrganisationType.Housing, "WK990101");
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);

        var created = await coordinator.PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/learning-sessions",
            new { date = Today.AddDays(3), level = "Professionals", participants = new[] { new { staffMemberId = colleague.Id } } }, HttpStatusCode.Created);

        (await coordinator.GetJsonAsync($"/api/v1/learning-sessions/{created.Id()}")).GetProperty("participants").EnumerateArray()
            .Select(p => p.GetString()).ShouldBe([colleague.Name]);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_Dutch_error_and_nothing_is_saved()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);
        var before = (await coordinator.GetJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/learning-sessions")).Items().GetArrayLength();

        var noOne = await coordinator.PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/learning-sessions",
            new { date = Today, level = "Professionals", participants = Array.Empty<object>() }, HttpStatusCode.UnprocessableEntity);
        noOne.Code().ShouldBe("learning.participants_required");
        var tooEarly = await coordinator.PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/learning-sessions",
            new { date = Today.AddYears(-30), level = "Professionals", participants = new[] { new { name = "Iemand" } } }, HttpStatusCode.UnprocessableEntity);
        tooEarly.Code().ShouldBe("learning.date_outside");
        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Professional, onlyThere: true);
        (await coordinator.PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/learning-sessions",
            new { date = Today, level = "Professionals", participants = new[] { new { staffMemberId = (Guid?)elsewhere.Id, name = elsewhere.Name } } },
            HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("learning.participant_elsewhere");

        (await coordinator.GetJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/learning-sessions")).Items().GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task Minutes_written_from_an_older_version_are_refused_not_overwritten()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var session = await PlanAsync(neighbourhood, Today.AddDays(2));
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);

        var saved = await coordinator.PutJsonAsync($"/api/v1/learning-sessions/{session}/minutes",
            new { version = 0, minutes = "We spraken over de wachttijd." });
        saved.GetProperty("version").GetInt32().ShouldBe(1);
        var stale = await coordinator.PutJsonAsync($"/api/v1/learning-sessions/{session}/minutes", new { version = 0, minutes = "Iets anders." },
            HttpStatusCode.Conflict);
        stale.Code().ShouldBe("learning.changed");
        (await coordinator.GetJsonAsync($"/api/v1/learning-sessions/{session}")).GetProperty("minutes").GetString().ShouldBe("We spraken over de wachttijd.");
    }

    [Fact]
    public async Task Lessons_link_only_cases_the_author_may_see_and_the_next_session_sees_what_became_of_them()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var bringer = await CaseDriver.HomeCareAsync(app);
        var own = await CaseDriver.SignalAsync(app, bringer.Email, family: "Lesbron");
        var ownNumber = (await own.FileAsync()).GetProperty("number").GetString()!;
        var housing = await app.StaffAsync(OrganisationType.Housing, "WK990101");
        var theirs = await CaseDriver.SignalAsync(app, housing.Email, family: "Andermans");
        var theirNumber = (await theirs.FileAsync()).GetProperty("number").GetString()!;
        var session = await PlanAsync(neighbourhood, Today.AddDays(3));
        using var api = await app.ApiAsync(bringer.Email);

        // Bad input: nothing is saved.
        (await api.PostJsonAsync($"/api/v1/learning-sessions/{session}/lessons",
                new { kind = "Learned", text = "Vraag eerder door", caseNumbers = new[] { ownNumber } }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("lesson.owner_required");
        var notHis = await api.PostJsonAsync($"/api/v1/learning-sessions/{session}/lessons",
            new { kind = "Learned", text = "Vraag eerder door", owner = "Team Rietvelden", caseNumbers = new[] { ownNumber, theirNumber } },
            HttpStatusCode.UnprocessableEntity);
        notHis.Code().ShouldBe("lesson.case_not_visible");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The refused link is in the audit log, against the case it tried.
            (await scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>().AuditEvents
                .CountAsync(a => a.CaseId == theirs.Id && a.Part == "les" && !a.Allowed, TestContext.Current.CancellationToken)).ShouldBe(1);
        }

        notHis.GetProperty("title").GetString()!.ShouldContain(theirNumber);
        (await api.GetJsonAsync($"/api/v1/learning-sessions/{session}")).GetProperty("lessons").GetArrayLength().ShouldBe(0);

        var lesson = (await api.PostJsonAsync($"/api/v1/learning-sessions/{session}/lessons",
            new
            {
                kind = "AskOfManagement",
                text = "Maak één contactpersoon bij de woningcorporatie",
                ownerId = bringer.Id,
                caseNumbers = new[] { ownNumber }
            }, HttpStatusCode.Created)).Id();
        var view = (await api.GetJsonAsync($"/api/v1/learning-sessions/{session}")).GetProperty("lessons")[0];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Linking the case is logged against it, and showing its number with the lesson names it in the list's event.
            var db = scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>();
            var ct = TestContext.Current.CancellationToken;
            (await db.AuditEvents.CountAsync(a => a.CaseId == own.Id && a.Part == "les" && a.Allowed && a.Action == Keukentafel.Privacy.AuditAction.Change, ct))
                .ShouldBe(1);
            var lists = await db.AuditEvents.Where(a => a.Part == "les" && a.Action == Keukentafel.Privacy.AuditAction.List && a.Shown != null)
                .Select(a => a.Shown!).ToListAsync(ct);
            lists.ShouldContain(shown => Keukentafel.Privacy.ShownCase.Read(shown).Any(c => c.CaseId == own.Id));
        }

        view.GetProperty("owner").GetString().ShouldBe(bringer.Name);
        view.GetProperty("caseNumbers")[0].GetString().ShouldBe(ownNumber);
        // The director reads the lesson, not which case it came from.
        var directorView = (await (await app.ApiAsync(PageSession.Director)).GetJsonAsync($"/api/v1/learning-sessions/{session}")).GetProperty("lessons")[0];
        directorView.GetProperty("caseCount").GetInt32().ShouldBe(1);
        directorView.GetProperty("caseNumbers").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        // The next session sees it open, until someone records it done.
        var next = await PlanAsync(neighbourhood, Today.AddDays(17));
        (await api.GetJsonAsync($"/api/v1/learning-sessions/{next}"))
            .GetProperty("openFromBefore").EnumerateArray().ShouldContain(l => l.GetProperty("id").GetGuid() == lesson);
        await api.PutJsonAsync($"/api/v1/lessons/{lesson}/status", new { version = 0, status = "Done", note = "Er is nu een vast aanspreekpunt." });
        (await api.PutJsonAsync($"/api/v1/lessons/{lesson}/status", new { version = 0, status = "Dropped" }, HttpStatusCode.Conflict))
            .Code().ShouldBe("lesson.changed");
        (await api.GetJsonAsync($"/api/v1/learning-sessions/{next}"))
            .GetProperty("openFromBefore").EnumerateArray().ShouldNotContain(l => l.GetProperty("id").GetGuid() == lesson);
    }

    [Fact]
    public async Task A_lesson_keeps_its_case_when_the_resident_is_anonymised_and_his_identity_goes()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var bringer = await CaseDriver.HomeCareAsync(app);
        // (The case's steps take real dates, and this class's clock has moved on: the case is closed in the database.)
        var @case = await CaseDriver.SignalAsync(app, bringer.Email, family: "Vergeetmenietje");
        var number = (await @case.FileAsync()).GetProperty("number").GetString()!;
        var session = await PlanAsync(neighbourhood, Today.AddDays(4));
        using var api = await app.ApiAsync(bringer.Email);
        await api.PostJsonAsync($"/api/v1/learning-sessions/{session}/lessons",
            new { kind = "Learned", text = "Een vaste contactpersoon werkt", owner = "Team Rietvelden", caseNumbers = new[] { number } },
            HttpStatusCode.Created);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var closed = app.Clock.GetUtcNow().UtcDateTime.AddYears(-8);
            await scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>().Cases.Where(c => c.Id == @case.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAtUtc, closed).SetProperty(c => c.Status, Keukentafel.Cases.CaseStatus.Closed),
                    TestContext.Current.CancellationToken);
            (await scope.ServiceProvider.GetRequiredService<Keukentafel.Privacy.RetentionService>().AnonymiseDueAsync(TestContext.Current.CancellationToken))
                .ShouldBeGreaterThanOrEqualTo(1);
        }

        var view = await (await app.ApiAsync(bringer.Email)).GetJsonAsync($"/api/v1/learning-sessions/{session}");
        view.GetProperty("lessons")[0].GetProperty("caseNumbers")[0].GetString().ShouldBe(number);
        view.GetRawText().ShouldNotContain("Vergeetmenietje");
        (await @case.FileAsync()).GetProperty("resident").GetProperty("name").GetString().ShouldBe("Geanonimiseerde bewoner");
    }

    private async Task<Guid> PlanAsync(Guid neighbourhood, DateOnly date)
    {
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);
        var created = await coordinator.PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/learning-sessions",
            new { date, level = "Professionals", participants = new[] { new { name = "Sanne Verhoeven" }, new { name = "Ilse Dekkers" } } },
            HttpStatusCode.Created);
        return created.Id();
    }
}
