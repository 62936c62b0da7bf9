using System.Net;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Keukentafel.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Privacy;

/// <summary>The consent register: the resident decides with which organisation his file is shared, and a withdrawal counts at once.</summary>
public sealed class ConsentTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task Agreeing_to_a_professional_records_consent_and_withdrawing_it_closes_the_file_on_the_next_request()
    {
        var (@case, housing, housingApi) = await CaseWithHousingAtTheTableAsync("Toestemming");
        var consents = (await @case.FileAsync()).GetProperty("consents").EnumerateArray().ToList();
        consents.Count.ShouldBe(2, "the case bringer's organisation at the signal, the housing corporation at the agreement");
        var housingConsent = consents.Single(k => k.GetProperty("purpose").GetString() == "Aan tafel komen en het plan mee uitvoeren");
        housingConsent.GetProperty("active").GetBoolean().ShouldBeTrue();
        await housingApi.GetJsonAsync($"/api/v1/cases/{@case.Id}");

        await @case.PostAsync($"consents/{housingConsent.Id()}/withdrawal", new { reason = "Mevrouw wil niet dat de corporatie meeleest." });

        await housingApi.GetJsonAsync($"/api/v1/cases/{@case.Id}", HttpStatusCode.NotFound);
        await housingApi.GetJsonAsync($"/api/v1/cases/{@case.Id}/history", HttpStatusCode.NotFound);
        (await housingApi.GetJsonAsync("/api/v1/cases"))
            .GetProperty("items").EnumerateArray().ShouldNotContain(c => c.Id("id") == @case.Id, "nor his list shows the resident's name");
        (await @case.FileAsync()).GetProperty("status").GetString().ShouldBe("MeetingPlanned", "the case bringer keeps his responsibility");
        var withdrawn = (await @case.FileAsync()).GetProperty("consents").EnumerateArray().Single(k => k.Id() == housingConsent.Id());
        withdrawn.GetProperty("active").GetBoolean().ShouldBeFalse();
        withdrawn.GetProperty("withdrawalReason").GetString().ShouldBe("Mevrouw wil niet dat de corporatie meeleest.");
        var history = (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/history")).Items()
            .EnumerateArray().Select(h => h.GetProperty("summary").GetString()!).ToList();
        history.ShouldContain(h => h.StartsWith("Toestemming ingetrokken voor", StringComparison.Ordinal));
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().AuditEvents
            .CountAsync(a => a.CaseId == @case.Id && a.UserName == housing.Name && !a.Allowed, TestContext.Current.CancellationToken)).ShouldBe(2);

        // The resident changes his mind: a new consent opens the file again; the withdrawn one stays in the register.
        await @case.PostAsync("consents",
            new { organisationId = housingConsent.GetProperty("organisationId").GetGuid(), purpose = "Meedenken over de huurachterstand" });
        await housingApi.GetJsonAsync($"/api/v1/cases/{@case.Id}");
        (await housingApi.GetJsonAsync("/api/v1/cases")).GetProperty("items").EnumerateArray().ShouldContain(c => c.Id("id") == @case.Id);
        (await @case.FileAsync()).GetProperty("consents").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task A_consent_that_has_run_out_no_longer_opens_the_file()
    {
        var (@case, housing, housingApi) = await CaseWithHousingAtTheTableAsync("Verlopen");
        var housingConsent = (await @case.FileAsync()).GetProperty("consents").EnumerateArray().Single(k => k.GetProperty("organisation").GetString() != null
            && k.GetProperty("purpose").GetString() == "Aan tafel komen en het plan mee uitvoeren");
        await @case.PostAsync($"consents/{housingConsent.Id()}/withdrawal", new { });
        var today = Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow);
        await @case.PostAsync("consents", new
        {
            organisationId = housingConsent.GetProperty("organisationId").GetGuid(),
            purpose = "Alleen tot vandaag",
            validUntil = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        });
        await housingApi.GetJsonAsync($"/api/v1/cases/{@case.Id}");

        // Run the clock on by rewriting the end date in the database (the register itself never allows a past date).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            await db.Consents.Where(k => k.CaseId == @case.Id && k.ValidUntil != null)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.ValidUntil, today.AddDays(-1)), TestContext.Current.CancellationToken);
        }

        await housingApi.GetJsonAsync($"/api/v1/cases/{@case.Id}", HttpStatusCode.NotFound);
        var expired = (await @case.FileAsync())
            .GetProperty("consents").EnumerateArray().Single(k => k.GetProperty("purpose").GetString() == "Alleen tot vandaag");
        expired.GetProperty("statusText").GetString()!.ShouldStartWith("Verlopen op");
        housing.Name.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Bad_consents_are_refused_and_change_nothing()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Weigering");
        var version = @case.Version;
        var housing = await OrganisationOfAsync((await app.StaffAsync(OrganisationType.Housing, "WK990101")).Id);
        var yesterday = Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        (await @case.PostAsync("consents", new { organisationId = housing, purpose = "Huur", validUntil = yesterday }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("consent.until_past");
        (await @case.PostAsync("consents", new { organisationId = housing, purpose = "" }, HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("purpose", out _).ShouldBeTrue();
        (await @case.PostAsync("consents", new { organisationId = Guid.NewGuid(), purpose = "Huur" }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("organisation.unknown");
        (await @case.PostAsync($"consents/{Guid.NewGuid()}/withdrawal", new { }, HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("consent.unknown");

        // A consent of another case, under this case's id: refused, and the other case keeps it.
        var other = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Anderegeval");
        var othersConsent = (await other.FileAsync()).GetProperty("consents")[0].Id();
        (await @case.PostAsync($"consents/{othersConsent}/withdrawal", new { }, HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("consent.unknown");
        (await other.FileAsync()).GetProperty("consents")[0].GetProperty("active").GetBoolean().ShouldBeTrue();
        var elsewhere = (await OrganisationOnlyInAsync("WK990102")).ShouldNotBeNull("the demo has an organisation that works only in Kloosterkamp");
        (await @case.PostAsync("consents", new { organisationId = elsewhere, purpose = "Huur" }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("consent.organisation_not_in_neighbourhood");

        // Someone who is not on the case cannot record or withdraw anything.
        var outsider = await app.ApiAsync((await app.StaffAsync(OrganisationType.Welfare, "WK990101")).Email);
        await outsider.PostJsonAsync($"/api/v1/cases/{@case.Id}/consents", new { version, organisationId = housing, purpose = "Huur" },
            HttpStatusCode.NotFound);

        (await @case.FileAsync()).GetProperty("version").GetInt32().ShouldBe(version);
        (await @case.FileAsync()).GetProperty("consents").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_professional_records_and_withdraws_consent_on_the_page()
    {
        var (@case, housing, housingApi) = await CaseWithHousingAtTheTableAsync("Pagina");
        var browser = await app.SignedInAsync((await CaseDriver.HomeCareAsync(app)).Email);
        var page = await browser.GetPageAsync($"/casussen/{@case.Id}/toestemming");
        var organisation = page.QuerySelectorAll("select[name='Consent.OrganisationId'] option").First(o => o.GetAttribute("value") is { Length: > 0 })
            .GetAttribute("value")!;

        using var empty = await browser.SubmitAsync($"/casussen/{@case.Id}/toestemming",
            new Dictionary<string, string> { ["Consent.OrganisationId"] = organisation, ["Consent.Purpose"] = "" },
            formSelector: "form[action$='handler=Record']");
        (await PageSession.ParseAsync(empty))
            .QuerySelector("#Consent_Purpose-error, .utrecht-form-field-error-message")!.TextContent.ShouldContain("Schrijf op waarvoor");

        using var recorded = await browser.SubmitAsync($"/casussen/{@case.Id}/toestemming",
            new Dictionary<string, string> { ["Consent.OrganisationId"] = organisation, ["Consent.Purpose"] = "Samen naar de schuldhulp" },
            formSelector: "form[action$='handler=Record']");
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await browser.GetPageAsync(recorded.Headers.Location!.PathAndQuery());
        after.Text().ShouldContain("Samen naar de schuldhulp");

        var withdrawForm = after.QuerySelectorAll("form[action$='handler=Withdraw']").First(f => f.TextContent.Contains(housing.Organisation));
        using var withdrawn = await browser.SubmitAsync($"/casussen/{@case.Id}/toestemming", new Dictionary<string, string> { ["Withdrawal.Reason"] = "" },
            formSelector: $"form:has(input[value='{withdrawForm.QuerySelector("input[name='Withdrawal.ConsentId']")!.GetAttribute("value")}'])");
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await housingApi.GetJsonAsync($"/api/v1/cases/{@case.Id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_resident_withdraws_a_consent_himself_and_only_on_his_own_cases()
    {
        var signalled = await app.SignalCaseAsync();
        var bringer = await app.ApiAsync(signalled.Bringer.Email);
        var @case = await new CaseDriver(app, bringer, signalled.CaseId, (await bringer.GetJsonAsync($"/api/v1/cases/{signalled.CaseId}")).Version())
            .MeetingPlannedAsync();
        var welfare = await app.StaffAsync(OrganisationType.Welfare, await NeighbourhoodCodeAsync(signalled.CaseId));
        var participant = (await @case.PostAsync($"meetings/{@case.MeetingId}/participants", new { staffMemberId = welfare.Id })).Id("createdId");
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/agreement", new { agreed = true });
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/invitation", new { });
        var welfareApi = await app.ApiAsync(welfare.Email);
        await welfareApi.GetJsonAsync($"/api/v1/cases/{@case.Id}");
        var resident = await app.SignedInAsync(PageSession.Resident);

        // Not his case: refused, logged, nothing changes.
        var other = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Buurman");
        var othersConsent = (await other.FileAsync()).GetProperty("consents")[0].Id();
        var mine = await resident.GetPageAsync("/mijn/toestemming");
        var token = mine.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using (var refused = await resident.PostAsync("/mijn/toestemming?handler=Withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["caseId"] = other.Id.ToString(),
            ["consentId"] = othersConsent.ToString(),
            ["version"] = other.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }), TestContext.Current.CancellationToken))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await other.FileAsync()).GetProperty("consents")[0].GetProperty("active").GetBoolean().ShouldBeTrue();

        // His own: the welfare organisation's consent, withdrawn by himself.
        var welfareOrganisation = await OrganisationNameAsync(welfare.Id);
        var form = mine.QuerySelectorAll("form").First(f => f.QuerySelector($"input[name='caseId'][value='{@case.Id}']") is not null
            && f.TextContent.Contains(welfareOrganisation));
        using var withdrawn = await resident.SubmitAsync("/mijn/toestemming", new Dictionary<string, string>(),
            formSelector: $"form:has(input[name='consentId'][value='{form.QuerySelector("input[name='consentId']")!.GetAttribute("value")}'])");

        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await welfareApi.GetJsonAsync($"/api/v1/cases/{@case.Id}", HttpStatusCode.NotFound);
        (await resident.GetPageAsync("/mijn/toestemming")).Text().ShouldContain("Ingetrokken op");
        var history = (await bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/history")).Items().EnumerateArray().ToList();
        history[0].GetProperty("actor").GetString().ShouldBe(signalled.ResidentName);
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().AuditEvents
            .AnyAsync(a => a.CaseId == other.Id && !a.Allowed && a.Part == "toestemming", TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    private async Task<string> NeighbourhoodCodeAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        return await db.Cases.Where(c => c.Id == caseId).Join(db.Neighbourhoods, c => c.NeighbourhoodId, n => n.Id, (c, n) => n.Code)
            .SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> OrganisationNameAsync(Guid staffMemberId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().StaffMembers
            .Where(s => s.Id == staffMemberId).Select(s => s.Organisation!.Name).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<(CaseDriver Case, (Guid Id, string Email, string Name, string Organisation) Housing,
        HttpClient HousingApi)> CaseWithHousingAtTheTableAsync(string family)
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: family)).MeetingPlannedAsync();
        var housing = await app.StaffAsync(OrganisationType.Housing, "WK990101");
        var participant = (await @case.PostAsync($"meetings/{@case.MeetingId}/participants", new { staffMemberId = housing.Id })).Id("createdId");
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/agreement", new { agreed = true });
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/invitation", new { });
        var organisationId = await OrganisationOfAsync(housing.Id);
        await using var scope = app.Services.CreateAsyncScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Organisations
            .Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(TestContext.Current.CancellationToken);
        return (@case, (housing.Id, housing.Email, housing.Name, organisation), await app.ApiAsync(housing.Email));
    }

    private async Task<Guid> OrganisationOfAsync(Guid staffMemberId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().StaffMembers
            .Where(s => s.Id == staffMemberId).Select(s => s.OrganisationId!.Value).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<Guid?> OrganisationOnlyInAsync(string neighbourhoodCode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        return await db.Organisations.Where(o => o.Neighbourhoods.Count == 1 && o.Neighbourhoods.Any(n => n.Neighbourhood!.Code == neighbourhoodCode))
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(TestContext.Current.CancellationToken);
    }
}
