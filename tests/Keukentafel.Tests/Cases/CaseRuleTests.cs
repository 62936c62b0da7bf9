using System.Net;
using Keukentafel.Neighbourhoods;

namespace Keukentafel.Tests.Cases;

/// <summary>The "no" path of each core rule: refused with a clear Dutch reason, and nothing changed.</summary>
public sealed class CaseRuleTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task Closing_without_a_contribution_is_refused_until_the_reason_is_recorded()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Zonderbijdrage"))
            .EvaluatedAsync(withContribution: false);

        var refused = await @case.PostAsync("transitions", new { to = "Closed" }, HttpStatusCode.Conflict);

        refused.Code().ShouldBe("case.no_contribution");
        refused.GetProperty("title").GetString()!.ShouldContain("bijdrage van de bewoner");
        (await @case.FileAsync()).GetProperty("status").GetString().ShouldBe("Evaluated");
        await @case.PostAsync("no-contribution", new { reason = "Mevrouw is te ziek om nu iets te doen; we vragen het bij de nazorg opnieuw." });
        await @case.PostAsync("transitions", new { to = "Closed" });
        (await @case.FileAsync()).GetProperty("status").GetString().ShouldBe("Closed");
    }

    [Fact]
    public async Task The_case_bringer_sits_at_every_meeting_he_plans_and_the_report_can_say_he_was_there()
    {
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var @case = await (await CaseDriver.SignalAsync(app, homeCare.Email, family: "Gastheer")).MeetingPlannedAsync();
        var participants = (await @case.FileAsync()).GetProperty("meetings")[0].GetProperty("participants").EnumerateArray().ToList();
        var resident = participants[0].Id();
        var organiser = participants.Single(p => p.GetProperty("staffMemberId").ValueKind != System.Text.Json.JsonValueKind.Null
            && p.GetProperty("staffMemberId").GetGuid() == homeCare.Id);
        organiser.GetProperty("agreement").GetString().ShouldBe("Agreed");

        // The resident cannot send the organiser away by refusing him: the case is handed over instead.
        var refused = await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{organiser.Id()}/agreement", new { agreed = false },
            HttpStatusCode.UnprocessableEntity);
        await @case.PostAsync("actions", new
        {
            what = "Samen de post openen",
            carrier = "Resident",
            lawDomain = "Other",
            dueDate = DateTime.UtcNow.AddDays(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            isContribution = false
        });
        await @case.PostAsync($"meetings/{@case.MeetingId}/held",
            new { attended = new[] { resident, organiser.Id() }, decisions = "Plan afgesproken.", planAgreedByAll = true });

        refused.Code().ShouldBe("meeting.organiser_stays");
        var held = (await @case.FileAsync()).GetProperty("meetings")[0].GetProperty("participants").EnumerateArray()
            .Single(p => p.Id() == organiser.Id());
        held.GetProperty("attended").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_step_out_of_order_is_refused_and_changes_nothing()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Vooruitloper");
        var before = await @case.FileAsync();

        var carriedOut = await @case.PostAsync("transitions", new { to = "SolutionCarriedOut" }, HttpStatusCode.Conflict);
        var meeting = await @case.PostAsync("meetings", new { plannedAt = DateTimeOffset.UtcNow.AddDays(2), atHome = true, place = "thuis" },
            HttpStatusCode.Conflict);
        var reopen = await @case.PostAsync("transitions", new { to = "Reopened", text = "zomaar" }, HttpStatusCode.Conflict);

        carriedOut.Code().ShouldBe("case.transition_not_allowed");
        carriedOut.GetProperty("title").GetString()!.ShouldContain("De casus staat nu op: Aangebracht.");
        meeting.Code().ShouldBe("case.transition_not_allowed");
        reopen.Code().ShouldBe("case.transition_not_allowed");
        var after = await @case.FileAsync();
        after.GetProperty("version").GetInt32().ShouldBe(before.GetProperty("version").GetInt32());
        (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/history")).Items().GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_the_other_persons_change_never_overwritten()
    {
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var @case = await CaseDriver.SignalAsync(app, homeCare.Email, family: "Tweegelijk");
        var seenVersion = @case.Version;
        await @case.PostAsync("answers", new { question = "Want", text = "Eerste versie, van collega A.", withResident = true });

        // Colleague B still has the page of before A's save.
        var stale = await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/answers",
            new { version = seenVersion, question = "Want", text = "Tweede versie, van collega B.", withResident = false }, HttpStatusCode.Conflict);

        stale.Code().ShouldBe("case.stale");
        stale.GetProperty("currentVersion").GetInt32().ShouldBe(@case.Version);
        var change = stale.GetProperty("changesSince").EnumerateArray().Single();
        change.GetProperty("actor").GetString()!.ShouldStartWith(homeCare.Name);
        change.GetProperty("summary").GetString()!.ShouldContain("Wat wil ik?");
        var want = (await @case.FileAsync()).GetProperty("answers")[0];
        want.GetProperty("text").GetString().ShouldBe("Eerste versie, van collega A.");
    }

    [Fact]
    public async Task An_action_without_an_owner_is_refused()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Eigenaarloos")).AnsweredAsync();
        var due = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var noOrganisation = await @case.PostAsync("actions", new { what = "Iemand regelt iets", carrier = "Organisation", lawDomain = "Wmo", dueDate = due },
            HttpStatusCode.UnprocessableEntity);
        var unknownNetwork = await @case.PostAsync("actions",
            new { what = "De buurman helpt", carrier = "Network", carrierName = "Onbekende buurman", lawDomain = "Other", dueDate = due },
            HttpStatusCode.UnprocessableEntity);
        var noInitiative = await @case.PostAsync("actions", new { what = "Samen eten", carrier = "CollectiveInitiative", lawDomain = "Welzijn", dueDate = due },
            HttpStatusCode.UnprocessableEntity);
        var contributionByOthers = await @case.PostAsync("actions",
            new { what = "Bijdrage", carrier = "CollectiveInitiative", carrierName = "Buurthuis", lawDomain = "Welzijn", dueDate = due, isContribution = true },
            HttpStatusCode.UnprocessableEntity);

        noOrganisation.Code().ShouldBe("action.owner_required");
        unknownNetwork.Code().ShouldBe("action.owner_required");
        noInitiative.Code().ShouldBe("action.owner_required");
        contributionByOthers.Code().ShouldBe("action.contribution_by_resident");
        (await @case.FileAsync()).GetProperty("actions").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_solution_is_shared_for_the_learning_session_only_with_a_reason_and_never_a_dropped_one()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Deelbaar")).PlanAgreedAsync();
        var (kept, dropped) = (@case.Actions[0], @case.Actions[1]);
        await @case.PostAsync($"actions/{dropped}/status", new { status = "Dropped", dropReason = "Niet meer nodig" });
        var version = @case.Version;

        var noReason = await @case.PostAsync($"actions/{kept}/worth-sharing", new { why = "" }, HttpStatusCode.BadRequest);
        var droppedOne = await @case.PostAsync($"actions/{dropped}/worth-sharing", new { why = "Mooi gedaan" }, HttpStatusCode.Conflict);

        noReason.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray())
            .ShouldContain(e => e.GetString()!.Contains("de moeite waard"));
        droppedOne.Code().ShouldBe("action.dropped_not_shared");
        (await @case.FileAsync()).GetProperty("version").GetInt32().ShouldBe(version);
        await @case.PostAsync($"actions/{kept}/worth-sharing", new { why = "De buurvrouw opende de post mee: geen schuldhulp nodig." });
        var action = (await @case.FileAsync()).GetProperty("actions").EnumerateArray().Single(a => a.Id() == kept);
        action.GetProperty("worthSharing").GetString().ShouldBe("De buurvrouw opende de post mee: geen schuldhulp nodig.");
        (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/history")).Items()
            .EnumerateArray().ShouldContain(e => e.GetProperty("kind").GetString() == "action.worth_sharing");
    }

    [Fact]
    public async Task The_solution_is_not_carried_out_while_an_MDO_is_still_planned()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Nogeenmdo")).PlanAgreedAsync();
        foreach (var action in @case.Actions)
        {
            await @case.PostAsync($"actions/{action}/status", new { status = "Done" });
        }

        await @case.PostAsync("meetings", new { plannedAt = DateTimeOffset.UtcNow.AddDays(3), atHome = true, place = "thuis" });

        (await @case.PostAsync("transitions", new { to = "SolutionCarriedOut" }, HttpStatusCode.Conflict)).Code().ShouldBe("case.meeting_open");
    }

    [Fact]
    public async Task A_report_of_a_meeting_that_has_not_been_yet_is_refused_and_changes_nothing()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Voorbarig")).AnsweredAsync();
        var meeting = (await @case.PostAsync("meetings", new { plannedAt = DateTimeOffset.UtcNow.AddDays(3), atHome = true, place = "thuis" }))
            .Id("createdId");
        var resident = (await @case.FileAsync()).GetProperty("meetings")[0].GetProperty("participants")[0].Id();
        var version = @case.Version;

        var refused = await @case.PostAsync($"meetings/{meeting}/held",
            new { attended = new[] { resident }, decisions = "Alvast opgeschreven.", planAgreedByAll = false }, HttpStatusCode.Conflict);

        refused.Code().ShouldBe("meeting.not_yet_held");
        var file = await @case.FileAsync();
        file.GetProperty("version").GetInt32().ShouldBe(version);
        file.GetProperty("meetings")[0].GetProperty("status").GetString().ShouldBe("Planned");

        // It was held this morning after all: moved to then (not before the signal), its report is recorded.
        var tooEarly = await @case.Bringer.PutJsonAsync($"/api/v1/cases/{@case.Id}/meetings/{meeting}/planned-at",
            new { version, plannedAt = DateTimeOffset.UtcNow.AddYears(-1) }, HttpStatusCode.UnprocessableEntity);
        tooEarly.Code().ShouldBe("meeting.before_signal");
        @case.Version = (await @case.Bringer.PutJsonAsync($"/api/v1/cases/{@case.Id}/meetings/{meeting}/planned-at",
            new { version, plannedAt = DateTimeOffset.UtcNow })).Version();
        await @case.PostAsync($"meetings/{meeting}/held", new { attended = new[] { resident }, decisions = "Kennisgemaakt.", planAgreedByAll = false });
        var history = (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/history")).Items().EnumerateArray()
            .Select(e => e.GetProperty("kind").GetString()).ToList();
        history.ShouldContain("meeting.moved");
        history.ShouldContain("meeting.held");
    }

    [Fact]
    public async Task The_MDO_without_the_resident_at_the_table_is_not_an_MDO()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Afwezig")).MeetingPlannedAsync();

        var refused = await @case.PostAsync($"meetings/{@case.MeetingId}/held",
            new { attended = Array.Empty<Guid>(), decisions = "Zonder bewoner besproken.", planAgreedByAll = false }, HttpStatusCode.UnprocessableEntity);

        refused.Code().ShouldBe("meeting.resident_absent");
    }

    [Fact]
    public async Task A_refusal_after_the_invitation_takes_the_professional_off_the_case_at_once()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Bedenktijd")).MeetingPlannedAsync();
        var housing = await app.StaffAsync(OrganisationType.Housing, "WK990101");
        var participant = (await @case.PostAsync($"meetings/{@case.MeetingId}/participants", new { staffMemberId = housing.Id })).Id("createdId");
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/agreement", new { agreed = true });
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/invitation", new { });
        var housingApi = await app.ApiAsync(housing.Email);
        await housingApi.GetJsonAsync($"/api/v1/cases/{@case.Id}");

        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/agreement", new { agreed = false });

        await housingApi.GetJsonAsync($"/api/v1/cases/{@case.Id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_signal_with_missing_details_gets_Dutch_messages_and_creates_nothing()
    {
        var api = await app.ApiAsync((await CaseDriver.HomeCareAsync(app)).Email);
        var before = (await api.GetJsonAsync("/api/v1/cases")).GetProperty("items").GetArrayLength();

        var invalid = await api.PostJsonAsync("/api/v1/cases",
            new
            {
                neighbourhoodId = await app.NeighbourhoodIdAsync("WK990101"),
                givenName = "",
                familyName = "X",
                dateOfBirth = "1960-01-01",
                street = "s",
                houseNumber = "1",
                postalCode = "9991 AA",
                town = "Heerdonk",
                description = "",
                source = "Resident"
            }, HttpStatusCode.BadRequest);
        var badPostcode = await api.PostJsonAsync("/api/v1/cases",
            new
            {
                neighbourhoodId = await app.NeighbourhoodIdAsync("WK990101"),
                givenName = "A",
                familyName = "X",
                dateOfBirth = "1960-01-01",
                street = "s",
                houseNumber = "1",
                postalCode = "ABC",
                town = "Heerdonk",
                description = "d",
                source = "Resident"
            }, HttpStatusCode.UnprocessableEntity);

        var errors = invalid.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(v => v.GetString())).ToList();
        errors.ShouldContain("Geef de voornaam van de bewoner.");
        errors.ShouldContain("Beschrijf de vraag, in de woorden van de bewoner.");
        badPostcode.Code().ShouldBe("address.postcode_invalid");
        (await api.GetJsonAsync("/api/v1/cases")).GetProperty("items").GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task A_professional_can_only_bring_a_case_in_a_neighbourhood_he_works_in()
    {
        var kloosterkampOnly = await app.StaffAsync(null, "WK990102", onlyThere: true);
        var api = await app.ApiAsync(kloosterkampOnly.Email);

        var refused = await api.PostJsonAsync("/api/v1/cases", CaseScenarioTests.NewCase(await app.NeighbourhoodIdAsync("WK990101"), "Buitenwijk"),
            HttpStatusCode.UnprocessableEntity);

        refused.Code().ShouldBe("case.bringer_not_in_neighbourhood");
    }
}
