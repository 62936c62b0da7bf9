using System.Net;
using System.Text.Json;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Cases;

/// <summary>The whole way of a case, through the API, as the issue tells it.</summary>
public sealed class CaseScenarioTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task A_case_goes_from_signal_to_closure_within_six_weeks_with_the_resident_at_the_table()
    {
        var homeCare = await app.StaffAsync(OrganisationType.HomeCare, "WK990101");
        var housing = await app.StaffAsync(OrganisationType.Housing, "WK990101");
        var debts = await app.StaffAsync(OrganisationType.Municipality, "WK990101");
        var mentalHealth = await app.StaffAsync(OrganisationType.MentalHealth, "WK990101");
        var bringer = await app.ApiAsync(homeCare.Email);

        // 1. The home-care professional signals the case; he becomes the case bringer and the clock starts.
        var signalled = await bringer.PostJsonAsync("/api/v1/cases", NewCase(await app.NeighbourhoodIdAsync("WK990101")), HttpStatusCode.Created);
        var id = signalled.Id();
        signalled.GetProperty("status").GetString().ShouldBe("Signalled");
        signalled.GetProperty("caseBringer").GetString()!.ShouldStartWith(homeCare.Name);
        DateOnly.Parse(signalled.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(DutchTime.Date(DateTime.UtcNow).AddDays(42));
        var version = signalled.Version();

        // 2. The three questions, with the resident.
        version = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/answers", new
        {
            version,
            question = "Want",
            text = "Ik wil in mijn huis blijven wonen en rust in mijn hoofd.",
            domains = new[] { "Housing", "Finances" },
            withResident = true
        })).Version();
        version = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/answers",
            new { version, question = "Can", text = "Ik kan mijn post openen als iemand meekijkt. Mijn dochter helpt.", withResident = true })).Version();
        var answered = await bringer.PostJsonAsync($"/api/v1/cases/{id}/answers",
            new { version, question = "Need", text = "Hulp met de huurachterstand en de schulden.", domains = new[] { "Finances" }, withResident = true });
        version = answered.Version();
        (await bringer.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("status").GetString().ShouldBe("QuestionsAnswered");

        // 3. The table: his daughter, then the MDO at home; the resident decides which professionals come.
        var daughter = await bringer.PostJsonAsync($"/api/v1/cases/{id}/network",
            new { version, name = "Eva (dochter)", relation = "dochter", phone = "06-12345678" });
        version = daughter.Version();
        var planned = await bringer.PostJsonAsync($"/api/v1/cases/{id}/meetings",
            new { version, plannedAt = DateTimeOffset.UtcNow.AddMinutes(-5), atHome = true, place = "Bij de bewoner thuis" }); // it is today
        version = planned.Version();
        var meetingId = planned.Id("createdId");

        var suggestions = (await bringer.GetJsonAsync($"/api/v1/cases/{id}/meetings/suggestions")).Items();
        var suggested = suggestions.EnumerateArray().Select(s => s.Id("staffMemberId")).ToList();
        suggested.ShouldContain(housing.Id);
        suggested.ShouldContain(debts.Id);

        var housingInvite = await bringer.PostJsonAsync($"/api/v1/cases/{id}/meetings/{meetingId}/participants", new { version, staffMemberId = housing.Id });
        version = housingInvite.Version();
        var debtsInvite = await bringer.PostJsonAsync($"/api/v1/cases/{id}/meetings/{meetingId}/participants", new { version, staffMemberId = debts.Id });
        version = debtsInvite.Version();
        var mentalInvite = await bringer.PostJsonAsync($"/api/v1/cases/{id}/meetings/{meetingId}/participants",
            new { version, staffMemberId = mentalHealth.Id });
        version = mentalInvite.Version();

        // Core rule 3: nobody is invited before the resident agreed.
        var tooEarly = await bringer.PostJsonAsync($"/api/v1/cases/{id}/meetings/{meetingId}/participants/{housingInvite.Id("createdId")}/invitation",
            new { version }, HttpStatusCode.Conflict);
        tooEarly.Code().ShouldBe("meeting.resident_not_agreed");

        foreach (var (participant, agreed) in new[] { (housingInvite, true), (debtsInvite, true), (mentalInvite, false) })
        {
            version = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/meetings/{meetingId}/participants/{participant.Id("createdId")}/agreement",
                new { version, agreed })).Version();
        }

        version = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/meetings/{meetingId}/participants/{housingInvite.Id("createdId")}/invitation",
            new { version })).Version();
        var invitation = $"/api/v1/cases/{id}/meetings/{meetingId}/participants/{debtsInvite.Id("createdId")}/invitation";
        version = (await bringer.PostJsonAsync(invitation, new { version }))
            .Version();
        var refused = await bringer.PostJsonAsync($"/api/v1/cases/{id}/meetings/{meetingId}/participants/{mentalInvite.Id("createdId")}/invitation",
            new { version }, HttpStatusCode.Conflict);
        refused.Code().ShouldBe("meeting.resident_not_agreed");

        // The invited professionals now see the file; the one the resident did not want does not.
        var housingApi = await app.ApiAsync(housing.Email);
        (await housingApi.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("number").GetString().ShouldBe(signalled.GetProperty("number").GetString());
        await (await app.ApiAsync(mentalHealth.Email)).GetJsonAsync($"/api/v1/cases/{id}", HttpStatusCode.NotFound);

        // 4. The plan: four actions with an owner each, and the resident's own contribution.
        var woongoed = await app.OrganisationIdAsync(OrganisationType.Housing);
        var gemeente = await app.OrganisationIdAsync(OrganisationType.Municipality);
        var dueDate = DutchTime.Date(DateTime.UtcNow).AddDays(21).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var actions = new List<Guid>();
        foreach (var action in new object[]
        {
            new { version, what = "Elke week samen met Eva de post openen", carrier = "Resident", lawDomain = "Other", dueDate, isContribution = false },
            new { version, what = "Een weekbudget maken", carrier = "Network", carrierName = "Eva (dochter)", lawDomain = "Other", dueDate,
                isContribution = false },
            new { version, what = "Betalingsregeling voor de huurachterstand", carrier = "Organisation", carrierStaffMemberId = housing.Id,
                carrierOrganisationId = woongoed, lawDomain = "Wonen", expectedCost = 0m, dueDate, isContribution = false },
            new { version, what = "Schuldhulptraject starten", carrier = "Organisation", carrierStaffMemberId = debts.Id, carrierOrganisationId = gemeente,
                lawDomain = "Schuldhulp", expectedCost = 1450.00m, dueDate, isContribution = false },
            new { version, what = "Twee ochtenden per week koffie schenken in het buurthuis", carrier = "Resident", lawDomain = "Welzijn", dueDate,
                isContribution = true },
        })
        {
            var body = JsonSerializer.SerializeToElement(action);
            var withVersion = JsonSerializer.Deserialize<Dictionary<string, object?>>(body.GetRawText())!;
            withVersion["version"] = version;
            var added = await bringer.PostJsonAsync($"/api/v1/cases/{id}/actions", withVersion);
            version = added.Version();
            actions.Add(added.Id("createdId"));
        }

        // 5. The MDO is held with everyone there, and the plan is agreed by all.
        var file = await bringer.GetJsonAsync($"/api/v1/cases/{id}");
        var attended = file.GetProperty("meetings")[0].GetProperty("participants").EnumerateArray()
            .Where(p => p.GetProperty("agreement").GetString() == "Agreed").Select(p => p.Id()).ToArray();
        attended.Length.ShouldBe(5, "the resident, his daughter, the case bringer who organised it and the two professionals he agreed to");
        version = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/meetings/{meetingId}/held",
            new { version, attended, decisions = "Eerst de huur, dan de schulden. Eva helpt met de post.", planAgreedByAll = true })).Version();
        (await bringer.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("status").GetString().ShouldBe("PlanAgreed");

        // 6. The actions are done, also by the others at the table.
        foreach (var action in actions)
        {
            var who = action == actions[2] ? housingApi : bringer;
            version = (await who.PostJsonAsync($"/api/v1/cases/{id}/actions/{action}/status", new { version, status = "Done" })).Version();
        }

        // 7. Carried out, evaluated, closed: within six weeks.
        version = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/transitions", new { version, to = "SolutionCarriedOut" })).Version();
        version = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/transitions",
            new { version, to = "Evaluated", text = "De huur is geregeld en er is rust. Mevrouw geeft haar welbevinden een 8." })).Version();
        version = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/transitions", new { version, to = "Closed" })).Version();

        var closed = await bringer.GetJsonAsync($"/api/v1/cases/{id}");
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        closed.GetProperty("solvedWithinSixWeeks").GetBoolean().ShouldBeTrue();
        closed.GetProperty("version").GetInt32().ShouldBe(version);

        // The history shows every step, with its author.
        var history = (await bringer.GetJsonAsync($"/api/v1/cases/{id}/history?limit=200")).Items().EnumerateArray().ToList();
        history.Count.ShouldBe(version);
        var kinds = history.Select(h => h.GetProperty("kind").GetString()).ToList();
        kinds.ShouldContain("case.signalled");
        kinds.ShouldContain("case.questions_answered");
        kinds.ShouldContain("meeting.planned");
        kinds.Count(k => k == "meeting.agreement_recorded").ShouldBe(3);
        kinds.Count(k => k == "meeting.invited").ShouldBe(2);
        kinds.ShouldContain("meeting.held");
        kinds.ShouldContain("contribution.added");
        kinds.ShouldContain("case.solution_carried_out");
        kinds.ShouldContain("case.evaluated");
        kinds.ShouldContain("case.closed");
        history.ShouldAllBe(h => h.GetProperty("actor").GetString()!.Length > 0);
        history.Single(h => h.GetProperty("kind").GetString() == "action.status_changed"
                && h.GetProperty("summary").GetString()!.StartsWith("Betalingsregeling", StringComparison.Ordinal))
            .GetProperty("actor").GetString()!.ShouldStartWith(housing.Name);

        // Every look at the file was logged.
        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().AuditEvents.Where(a => a.CaseId == id)
            .ToListAsync(TestContext.Current.CancellationToken);
        audit.ShouldContain(a => a.Allowed && a.Part == "dossier" && a.UserName == housing.Name);
        audit.ShouldContain(a => !a.Allowed && a.UserName == mentalHealth.Name);
    }

    public static object NewCase(Guid neighbourhoodId, string family = "Veldhoven", string source = "Professional") =>
        NewCases.Body(neighbourhoodId, family, source);
}
