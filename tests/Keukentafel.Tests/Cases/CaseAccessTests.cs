using System.Net;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Cases;

/// <summary>Who may see a case, who may not, and that every decision is in the audit log.</summary>
public sealed class CaseAccessTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task Only_the_team_and_the_neighbourhoods_coordinator_open_the_file_and_every_attempt_is_logged()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Toegang");
        var otherOrganisation = await app.StaffAsync(OrganisationType.Welfare, "WK990101");
        var otherNeighbourhood = await app.StaffAsync(null, "WK990102", onlyThere: true);

        // The coordinator of the neighbourhood opens it only after recording why; the other coordinator not at all.
        var coordinator = await app.ApiAsync(PageSession.Coordinator);
        (await coordinator.GetJsonAsync($"/api/v1/cases/{@case.Id}", HttpStatusCode.Forbidden)).Code().ShouldBe("access.reason_required");
        (await coordinator.PostJsonAsync($"/api/v1/access/{@case.Id}/reason", new { reason = "kort" }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("access.reason_too_short");
        await coordinator.PostJsonAsync($"/api/v1/access/{@case.Id}/reason",
            new { reason = "De casusaanbrenger is ziek en mevrouw belde met een dringende vraag." }, HttpStatusCode.NoContent);
        (await coordinator.GetJsonAsync($"/api/v1/cases/{@case.Id}")).GetProperty("status").GetString().ShouldBe("Signalled");
        await (await app.ApiAsync("cor.swinkels@keukentafel.example"))
            .PostJsonAsync($"/api/v1/access/{@case.Id}/reason", new { reason = "Ik wil even meekijken in deze casus." }, HttpStatusCode.NotFound);
        var refusedOrganisation = await (await app.ApiAsync(otherOrganisation.Email)).GetJsonAsync($"/api/v1/cases/{@case.Id}", HttpStatusCode.NotFound);
        await (await app.ApiAsync(otherNeighbourhood.Email)).GetJsonAsync($"/api/v1/cases/{@case.Id}", HttpStatusCode.NotFound);
        await (await app.ApiAsync("cor.swinkels@keukentafel.example")).GetJsonAsync($"/api/v1/cases/{@case.Id}", HttpStatusCode.NotFound);

        refusedOrganisation.GetProperty("title").GetString().ShouldBe(CaseAccessFilters.NotFoundTitle);
        refusedOrganisation.TryGetProperty("number", out _).ShouldBeFalse("no data of the case in a refusal");
        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().AuditEvents
            .Where(a => a.CaseId == @case.Id).ToListAsync(TestContext.Current.CancellationToken);
        audit.ShouldContain(a => !a.Allowed && a.UserName == "Ilse Dekkers" && a.Part == "dossier" && a.Reason == null);
        audit.ShouldContain(a => a.Allowed && a.UserName == "Ilse Dekkers" && a.Action == AuditAction.Read && a.Part == "dossier"
            && a.Reason!.Contains("ziek"));
        audit.ShouldContain(a => !a.Allowed && a.UserName == otherOrganisation.Name);
        audit.ShouldContain(a => !a.Allowed && a.UserName == otherNeighbourhood.Name);
        audit.ShouldContain(a => !a.Allowed && a.UserName == "Cor Swinkels");
        audit.ShouldAllBe(a => a.ClientAddress.Length > 0 && a.Roles.Length > 0);
    }

    [Fact]
    public async Task The_coordinator_overviews_the_neighbourhoods_open_cases_without_names()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Overzicht");
        var coordinator = await app.ApiAsync(PageSession.Coordinator);

        var items = new List<System.Text.Json.JsonElement>();
        string? cursor = null;
        do
        {
            var page = await coordinator.GetJsonAsync($"/api/v1/cases/neighbourhood?limit=50{(cursor is null ? "" : $"&cursor={cursor}")}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        items.ShouldContain(i => i.GetProperty("id").GetGuid() == @case.Id);
        items.ShouldAllBe(i => i.GetProperty("neighbourhood").GetString() == "Rietvelden");
        items.ShouldNotContain(i => i.EnumerateObject().Any(p => p.Name == "resident"));
        using var professional = await (await app.ApiAsync((await CaseDriver.HomeCareAsync(app)).Email))
            .GetAsync("/api/v1/cases/neighbourhood", TestContext.Current.CancellationToken);
        professional.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_guessed_case_id_is_refused_like_any_other_and_logged()
    {
        var api = await app.ApiAsync((await CaseDriver.HomeCareAsync(app)).Email);
        var guessed = Guid.CreateVersion7();

        await api.GetJsonAsync($"/api/v1/cases/{guessed}", HttpStatusCode.NotFound);
        await api.PostJsonAsync($"/api/v1/cases/{guessed}/answers", new { version = 1, question = "Want", text = "x" }, HttpStatusCode.NotFound);

        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().AuditEvents
            .CountAsync(a => !a.Allowed && a.CaseId == null && a.Part == "vragen", TestContext.Current.CancellationToken)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Only_the_case_bringer_and_the_coordinator_steer_the_case()
    {
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var @case = await (await CaseDriver.SignalAsync(app, homeCare.Email, family: "Stuur")).MeetingPlannedAsync();
        var housing = await app.StaffAsync(OrganisationType.Housing, "WK990101");
        var participant = (await @case.PostAsync($"meetings/{@case.MeetingId}/participants", new { staffMemberId = housing.Id })).Id("createdId");
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/agreement", new { agreed = true });
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/invitation", new { });
        var housingApi = await app.ApiAsync(housing.Email);

        // At the table he works on the case, but handing it over, or bringing in colleagues, is for the case bringer.
        await @case.PostAsync("bottlenecks",
            new { category = "InformationSharing", description = "Wij mogen de huurachterstand niet delen zonder toestemming." }, client: housingApi);
        await @case.PostAsync("handover", new { staffMemberId = housing.Id }, HttpStatusCode.Forbidden, client: housingApi);
        var colleague = await app.StaffAsync(OrganisationType.Welfare, "WK990101");
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants", new { staffMemberId = colleague.Id }, HttpStatusCode.Forbidden, client: housingApi);
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/invitation", new { }, HttpStatusCode.Forbidden, client: housingApi);
        await @case.PostAsync("handover", new { staffMemberId = housing.Id });

        var file = await @case.FileAsync();
        file.GetProperty("caseBringer").GetString()!.ShouldStartWith(housing.Name);
        (await housingApi.GetJsonAsync("/api/v1/cases")).GetProperty("items").EnumerateArray()
            .ShouldContain(i => i.GetProperty("id").GetGuid() == @case.Id && i.GetProperty("role").GetString() == "Bringer");
        (await @case.Bringer.GetJsonAsync("/api/v1/cases")).GetProperty("items").EnumerateArray()
            .ShouldContain(i => i.GetProperty("id").GetGuid() == @case.Id && i.GetProperty("role").GetString() == "Participant");
    }

    [Fact]
    public async Task The_resident_can_send_a_professional_away_also_after_the_meeting_and_he_cannot_look_again()
    {
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var @case = await (await CaseDriver.SignalAsync(app, homeCare.Email, family: "Wegsturen")).MeetingPlannedAsync();
        var housing = await app.StaffAsync(OrganisationType.Housing, "WK990101");
        var participant = (await @case.PostAsync($"meetings/{@case.MeetingId}/participants", new { staffMemberId = housing.Id })).Id("createdId");
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/agreement", new { agreed = true });
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/invitation", new { });
        var resident = (await @case.FileAsync()).GetProperty("meetings")[0].GetProperty("participants")[0].Id();
        await @case.PostAsync($"meetings/{@case.MeetingId}/held",
            new { attended = new[] { resident, participant }, decisions = "Eerst kennismaken.", planAgreedByAll = false });
        var housingApi = await app.ApiAsync(housing.Email);
        await housingApi.GetJsonAsync($"/api/v1/cases/{@case.Id}");

        var bringerAway = await @case.PostAsync($"members/{homeCare.Id}/withdrawal", new { reason = "x" }, HttpStatusCode.Conflict);
        await @case.PostAsync($"members/{housing.Id}/withdrawal", new { reason = "Mevrouw wil haar verhuurder niet aan tafel." });

        bringerAway.Code().ShouldBe("meeting.withdraw_bringer");
        await housingApi.GetJsonAsync($"/api/v1/cases/{@case.Id}", HttpStatusCode.NotFound);
        var history = (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/history")).Items()
            .EnumerateArray().Select(h => h.GetProperty("summary").GetString()!).ToList();
        history.ShouldContain(h => h.StartsWith($"De bewoner wil niet meer dat {housing.Name} meewerkt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deviation_goes_only_to_a_manager_in_the_neighbourhood_and_only_he_can_back_it()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Steun");
        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Manager, onlyThere: true);
        var here = await app.StaffAsync(OrganisationType.HomeCare, "WK990101", StaffFunction.Manager);
        var other = await app.StaffAsync(OrganisationType.Housing, "WK990101", StaffFunction.Manager);

        var refused = await @case.PostAsync("deviations", new { rule = "Indicatie", reason = "Snel", otherwise = "Wachten", managerId = elsewhere.Id },
            HttpStatusCode.UnprocessableEntity);
        var deviation = (await @case.PostAsync("deviations", new { rule = "Indicatie", reason = "Snel", otherwise = "Wachten", managerId = here.Id }))
            .Id("createdId");
        var notHis = await (await app.ApiAsync(other.Email))
            .PostJsonAsync($"/api/v1/deviations/{deviation}/backing", new { }, HttpStatusCode.NotFound);
        var before = @case.Version;
        var backed = await (await app.ApiAsync(here.Email)).PostJsonAsync($"/api/v1/deviations/{deviation}/backing", new { });
        backed.GetProperty("caseVersion").GetInt32().ShouldBe(before + 1);

        // The case bringer saving on the version he read is told the backing came in between.
        var stale = await @case.PostAsync("bottlenecks", new { category = "LawRegulation", description = "Wachtlijst" }, HttpStatusCode.Conflict);
        stale.Code().ShouldBe("case.stale");
        stale.GetProperty("changesSince").EnumerateArray().ShouldContain(c => c.GetProperty("version").GetInt32() == before + 1);

        refused.Code().ShouldBe("deviation.not_a_manager");
        notHis.Code().ShouldBe("deviation.not_yours");
        (await @case.FileAsync()).GetProperty("deviations")[0].GetProperty("backedAtUtc").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().AuditEvents
            .Where(a => a.CaseId == @case.Id && a.Part == "afwijking").ToListAsync(TestContext.Current.CancellationToken);
        audit.ShouldContain(a => !a.Allowed && a.UserName == other.Name);
        audit.ShouldContain(a => a.Allowed && a.UserName == here.Name);
    }

    [Theory]
    [InlineData(PageSession.Manager)]
    [InlineData(PageSession.Director)]
    [InlineData(PageSession.Financier)]
    [InlineData(PageSession.Administrator)]
    [InlineData(PageSession.Resident)]
    public async Task Managers_directors_administrators_and_residents_do_not_work_cases(string email)
    {
        var api = await app.ApiAsync(email);

        using var list = await api.GetAsync("/api/v1/cases", TestContext.Current.CancellationToken);

        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void Every_case_endpoint_declares_what_it_touches_so_the_access_check_runs()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/cases/{id", StringComparison.Ordinal) == true)
            .ToList();

        endpoints.Count.ShouldBeGreaterThan(15);
        endpoints.ShouldAllBe(e => e.Metadata.GetMetadata<CaseAccessRequirement>() != null);
    }
}
