using System.Net;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Neighbourhoods;

/// <summary>An aanjager starts the approach in another neighbourhood; the first one's figures stay as they were.</summary>
public sealed class NeighbourhoodStartTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Today => Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow);

    private async Task<Guid> MunicipalityAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Municipalities.Select(m => m.Id).FirstAsync();
    }

    private async Task<(Guid Id, Guid Organisation)> StartAsync(HttpClient aanjager, string code, string name)
    {
        var homeCare = await app.StaffAsync(OrganisationType.HomeCare, "WK990101");
        await using var scope = app.Services.CreateAsyncScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().StaffMembers.Where(s => s.Id == homeCare.Id)
            .Select(s => s.OrganisationId!.Value).SingleAsync();
        var started = await aanjager.PostJsonAsync("/api/v1/neighbourhoods", new
        {
            municipalityId = await MunicipalityAsync(),
            name,
            code,
            inhabitants = 4200,
            startedOn = Day(Today.AddDays(-3)),
            organisationIds = new[] { organisation },
            newOrganisations = new[] { new { name = $"Buurtsport {name}", type = "Welfare" } },
            newCoordinator = new
            {
                givenName = "Tessa",
                familyName = $"Coördinator{code}",
                email = $"coordinator.{code.ToLowerInvariant()}@keukentafel.example"
            },
            budget = new { name = $"Wijkbudget {name}", firstYear = Today.Year, lastYear = Today.Year },
        }, HttpStatusCode.Created);
        return (started.Id(), organisation);
    }

    [Fact]
    public async Task A_new_neighbourhood_runs_its_own_case_and_the_first_neighbourhood_s_figures_stay_the_same()
    {
        var first = await app.NeighbourhoodIdAsync("WK990101");
        using var director = await app.ApiAsync(PageSession.Director);
        var report = $"/api/v1/effects/report?neighbourhoodId={first}&from={Day(Today.AddYears(-2))}&to={Day(Today)}";
        var before = (await director.GetJsonAsync(report)).ToString();
        var overviewBefore = (await director.GetJsonAsync($"/api/v1/municipalities/{await MunicipalityAsync()}/overview"))
            .GetProperty("neighbourhoods").EnumerateArray().Single(n => n.Id() == first).ToString();

        using var aanjager = await app.ApiAsync(PageSession.Aanjager);
        var (id, organisation) = await StartAsync(aanjager, "WK990177", "Nieuwe Akkers");
        var startup = await aanjager.GetJsonAsync($"/api/v1/neighbourhoods/{id}/startup");
        startup.GetProperty("coordinator").GetString().ShouldBe("Tessa CoördinatorWK990177");
        startup.GetProperty("hasBudget").GetBoolean().ShouldBeTrue();
        startup.GetProperty("steps").GetArrayLength().ShouldBe(StartupStep.Usual.Count);
        startup.GetProperty("organisations").GetArrayLength().ShouldBe(2);

        // The home care organisation's ambassador here is one of its professionals: he now works here and brings a case.
        Guid ambassador;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            ambassador = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().StaffMembers
                .Where(s => s.OrganisationId == organisation && s.Function == StaffFunction.Professional && s.Organisation!.AmbassadorId != s.Id)
                .OrderByDescending(s => s.Email).Select(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);
        }

        using var appointed = await aanjager.PutAsync($"/api/v1/neighbourhoods/{id}/organisations/{organisation}/ambassador",
            System.Net.Http.Json.JsonContent.Create(new { staffMemberId = ambassador }), TestContext.Current.CancellationToken);
        appointed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var bringer = await app.StaffAsync(OrganisationType.HomeCare, "WK990177");
        bringer.Id.ShouldBe(ambassador);
        var areas = (await aanjager.GetJsonAsync($"/api/v1/organisations/{organisation}")).GetProperty("neighbourhoods").EnumerateArray().ToList();
        areas.Single(a => a.Id() == id).GetProperty("ambassador").GetProperty("id").GetGuid().ShouldBe(ambassador);
        areas.Single(a => a.Id() == first).GetProperty("ambassador").GetProperty("id").GetGuid()
            .ShouldNotBe(ambassador, "elsewhere the general ambassador stays");
        var @case = await (await CaseDriver.SignalAsync(app, bringer.Email, neighbourhood: "WK990177", family: "Akkerbewoner")).PlanAgreedAsync();
        await @case.PostAsync("bottlenecks", new { category = "Financing", description = "Nog geen budget afgesproken" });

        (await director.GetJsonAsync(report)).ToString().ShouldBe(before);
        var overview = await director.GetJsonAsync($"/api/v1/municipalities/{await MunicipalityAsync()}/overview");
        overview.GetProperty("neighbourhoods").EnumerateArray().Single(n => n.Id() == first).ToString().ShouldBe(overviewBefore);
        var added = overview.GetProperty("neighbourhoods").EnumerateArray().Single(n => n.Id() == id);
        added.GetProperty("smallQuarters").GetArrayLength().ShouldBe(1, "one resident: his quarter is not counted");
        added.GetProperty("wellbeingAtIntake").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        overview.ToString().ShouldNotContain("Akkerbewoner");

        // A professional of the first neighbourhood only does not see the new neighbourhood's case.
        var other = await app.StaffAsync(OrganisationType.HomeCare, "WK990101", onlyThere: true);
        using var otherApi = await app.ApiAsync(other.Email);
        using var notHis = await otherApi.GetAsync($"/api/v1/cases/{@case.Id}", TestContext.Current.CancellationToken);
        notHis.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await otherApi.GetJsonAsync("/api/v1/cases?q=Akkerbewoner")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_Dutch_error_and_nothing_is_saved()
    {
        using var aanjager = await app.ApiAsync(PageSession.Aanjager);
        var municipality = await MunicipalityAsync();
        var noOrganisation = await aanjager.PostJsonAsync("/api/v1/neighbourhoods",
            new { municipalityId = municipality, name = "Leegveld", code = "WK990178", startedOn = Day(Today) }, HttpStatusCode.UnprocessableEntity);
        noOrganisation.Code().ShouldBe("neighbourhood.organisations_required");
        var taken = await aanjager.PostJsonAsync("/api/v1/neighbourhoods",
            new
            {
                municipalityId = municipality,
                name = "Dubbel",
                code = "WK990101",
                startedOn = Day(Today),
                newOrganisations = new[] { new { name = "Dubbel BV", type = "Welfare" } }
            }, HttpStatusCode.UnprocessableEntity);
        taken.Code().ShouldBe("neighbourhood.code_taken");
        var noStart = await aanjager.PostJsonAsync("/api/v1/neighbourhoods",
            new
            {
                municipalityId = municipality,
                name = "Zonderstart",
                code = "WK990179",
                newOrganisations = new[] { new { name = "Zonderstart BV", type = "Welfare" } }
            }, HttpStatusCode.UnprocessableEntity);
        noStart.Code().ShouldBe("neighbourhood.start_required");
        (await aanjager.GetJsonAsync("/api/v1/neighbourhoods")).Items().EnumerateArray()
            .Select(n => n.GetProperty("code").GetString()).ShouldNotContain("WK990178");
        (await aanjager.GetJsonAsync("/api/v1/organisations")).Items().EnumerateArray().Select(o => o.GetProperty("name").GetString())
            .ShouldNotContain("Zonderstart BV");

        var (id, _) = await StartAsync(aanjager, "WK990180", "Startveld");
        var steps = (await aanjager.GetJsonAsync($"/api/v1/neighbourhoods/{id}/startup")).GetProperty("steps").GetArrayLength();
        var noOwner = await aanjager.PostJsonAsync($"/api/v1/neighbourhoods/{id}/startup-steps", new { text = "Buurtbijeenkomst in het buurthuis", owner = "" },
            HttpStatusCode.UnprocessableEntity);
        noOwner.Code().ShouldBe("startup.owner_required");
        noOwner.GetProperty("title").GetString()!.ShouldContain("wie deze stap oppakt");
        (await aanjager.GetJsonAsync($"/api/v1/neighbourhoods/{id}/startup")).GetProperty("steps").GetArrayLength().ShouldBe(steps);

        // A refusal late in the start (the new coordinator's address is taken) leaves no trace of what came before it.
        var late = await aanjager.PostJsonAsync("/api/v1/neighbourhoods", new
        {
            municipalityId = municipality,
            name = "Laatveld",
            code = "WK990183",
            startedOn = Day(Today),
            newOrganisations = new[] { new { name = "Laatveld Welzijn", type = "Welfare" } },
            newCoordinator = new { givenName = "Ilse", familyName = "Dubbel", email = PageSession.Coordinator },
        }, HttpStatusCode.UnprocessableEntity);
        late.Code().ShouldBe("staff.email_taken");
        (await aanjager.GetJsonAsync("/api/v1/organisations")).Items()
            .EnumerateArray().Select(o => o.GetProperty("name").GetString()).ShouldNotContain("Laatveld Welzijn");
        (await aanjager.GetJsonAsync("/api/v1/neighbourhoods")).Items().EnumerateArray()
            .Select(n => n.GetProperty("code").GetString()).ShouldNotContain("WK990183");

        // Two people change the same step: the second, working from the older version, is refused.
        var step = (await aanjager.GetJsonAsync($"/api/v1/neighbourhoods/{id}/startup")).GetProperty("steps")[0];
        var first = new { version = step.GetProperty("version").GetInt32(), status = "InProgress", owner = "Noor" };
        using (var ok = await aanjager.PutAsync($"/api/v1/startup-steps/{step.Id()}", System.Net.Http.Json.JsonContent.Create(first),
            TestContext.Current.CancellationToken))
        {
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var stale = await aanjager.PutAsync($"/api/v1/startup-steps/{step.Id()}", System.Net.Http.Json.JsonContent.Create(first with { status = "Done" }),
            TestContext.Current.CancellationToken);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await aanjager.GetJsonAsync($"/api/v1/neighbourhoods/{id}/startup")).GetProperty("steps")[0].GetProperty("status").GetString().ShouldBe("InProgress");

        // Someone who neither works there nor keeps the start-up does not see it.
        using var outsider = await app.ApiAsync((await app.StaffAsync(null, "WK990102", StaffFunction.Professional, onlyThere: true)).Email);
        using var hidden = await outsider.GetAsync($"/api/v1/neighbourhoods/{id}/startup", TestContext.Current.CancellationToken);
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Only the coordinator plans a session; and not before the approach started in the neighbourhood.
        await aanjager.PostJsonAsync($"/api/v1/neighbourhoods/{await app.NeighbourhoodIdAsync("WK990101")}/learning-sessions",
            new { date = Day(Today), level = "Professionals", participants = new[] { new { name = "Iemand" } } }, HttpStatusCode.NotFound);
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);
        var tooEarly = await coordinator.PostJsonAsync($"/api/v1/neighbourhoods/{await app.NeighbourhoodIdAsync("WK990101")}/learning-sessions",
            new { date = Day(Today.AddYears(-3).AddDays(-1)), level = "Professionals", participants = new[] { new { name = "Iemand" } } },
            HttpStatusCode.UnprocessableEntity);
        tooEarly.Code().ShouldBe("learning.date_outside");

        // Only aanjagers and administrators start a neighbourhood; a coordinator of another neighbourhood keeps no checklist of this one.
        using var professional = await app.ApiAsync(PageSession.Professional);
        using var refused = await professional.PostAsync("/api/v1/neighbourhoods",
            System.Net.Http.Json.JsonContent.Create(new { municipalityId = municipality, name = "X", code = "WK990181" }),
            TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var notHis = await coordinator.PostAsync($"/api/v1/neighbourhoods/{id}/startup-steps",
            System.Net.Http.Json.JsonContent.Create(new { text = "Iets", owner = "Ilse" }),
            TestContext.Current.CancellationToken);
        notHis.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_aanjager_starts_a_neighbourhood_on_the_pages_and_keeps_its_checklist_with_errors_at_the_field()
    {
        var aanjager = await app.SignedInAsync(PageSession.Aanjager);
        var municipality = await MunicipalityAsync();
        var fields = new Dictionary<string, string>
        {
            ["Start.MunicipalityId"] = municipality.ToString(),
            ["Start.Name"] = "Paginaveld",
            ["Start.Code"] = "WK990182",
            ["Start.StartedOn"] = Day(Today),
        };
        using var noOrganisations = await aanjager.SubmitAsync("/wijken/nieuw", fields);
        noOrganisations.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageSession.ParseAsync(noOrganisations))
            .QuerySelector("#Start_OrganisationIds-error").ShouldNotBeNull().TextContent.ShouldContain("Kies de organisaties");

        fields["Start.NewOrganisationName"] = "Kookclub Paginaveld";
        using var started = await aanjager.SubmitAsync("/wijken/nieuw", fields);
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = started.Headers.Location!.PathAndQuery().Split('?')[0];
        url.ShouldEndWith("/opstart");
        var page = await aanjager.GetPageAsync(url);
        page.Text().ShouldContain("Kookclub Paginaveld");
        page.Text().ShouldContain(StartupStep.Usual[0]);

        using var noOwner = await aanjager.SubmitAsync(url, new Dictionary<string, string> { ["Step.Text"] = "Flyers in de buurt", ["Step.Owner"] = "" },
            action: $"{url}?handler=Step");
        (await PageSession.ParseAsync(noOwner)).QuerySelector("#Step_Owner-error").ShouldNotBeNull().TextContent.ShouldContain("wie deze stap oppakt");
        using var added = await aanjager.SubmitAsync(url,
            new Dictionary<string, string> { ["Step.Text"] = "Flyers in de buurt", ["Step.Owner"] = "Bewonersgroep Paginaveld" },
            action: $"{url}?handler=Step");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await aanjager.GetPageAsync(url)).Text().ShouldContain("Oppakker: Bewonersgroep Paginaveld");
    }
}
