using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Keukentafel.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Residents;

/// <summary>
/// The resident's own pages over JSON (/api/v1/me): what his pages let him do, by the same rules; someone he trusts acts
/// with his consent named in 'for' and not a request longer; nobody else reaches his table.
/// </summary>
public sealed class ResidentApiTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private const string BirthDate = "1951-03-14";

    [Fact]
    public async Task The_resident_redeems_his_code_over_the_API_and_reads_and_changes_his_own_table()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Apitafel")).PlanAgreedAsync();
        var code = await CodeAsync(@case);
        var anonymous = app.CreateClient();

        // The code with a wrong date of birth is refused at that field; a request without a code does not validate.
        var wrongBirth = await anonymous.PostJsonAsync("/api/v1/auth/resident-invitation",
            new { code, dateOfBirth = "1951-03-15", email = "apitafel@voorbeeld.example", password = OwnPages.Password }, HttpStatusCode.UnprocessableEntity);
        wrongBirth.Code().ShouldBe("invitation.date_of_birth");
        wrongBirth.GetProperty("field").GetString().ShouldBe("dateOfBirth");
        var invalid = await anonymous.PostJsonAsync("/api/v1/auth/resident-invitation", new { dateOfBirth = BirthDate, password = OwnPages.Password },
            HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").GetProperty("code")[0].GetString().ShouldBe("Vul de code in die u kreeg.");

        var redeemed = await anonymous.PostJsonAsync("/api/v1/auth/resident-invitation",
            new { code, dateOfBirth = BirthDate, email = "apitafel@voorbeeld.example", password = OwnPages.Password });
        redeemed.GetProperty("signInName").GetString().ShouldBe("apitafel@voorbeeld.example");
        var resident = await TokenAsync("apitafel@voorbeeld.example");

        var table = await resident.GetJsonAsync("/api/v1/me/table");
        table.GetProperty("caseId").GetGuid().ShouldBe(@case.Id);
        table.GetProperty("questions")[0].GetProperty("text").GetString().ShouldBe("Antwoord op Want");
        table.GetProperty("mine")[0].GetProperty("what").GetString().ShouldBe("Samen de post openen");
        table.GetProperty("contribution")[0].GetProperty("what").GetString().ShouldBe("Helpen in het buurthuis");
        table.GetProperty("sixWeeks").GetString()!.ShouldMatch(@"Nog \d+ dagen\.");
        table.GetProperty("wellbeingAsked").GetString().ShouldBe("Intake");
        table.ToString().ShouldNotContain("Sanne"); // no staff names of the history, only what his page shows
        (await AuditCountAsync(@case.Id, "keukentafel")).ShouldBeGreaterThan(0);
        var version = table.Version();

        // His mark: outside 1-10 a field error; given once when asked; not asked again after.
        var outOfRange = await resident.PostJsonAsync("/api/v1/me/table/wellbeing", new { version, mark = 11 }, HttpStatusCode.BadRequest);
        outOfRange.GetProperty("errors").GetProperty("mark")[0].GetString().ShouldBe("Kies een cijfer van 1 tot en met 10.");
        var given = await resident.PostJsonAsync("/api/v1/me/table/wellbeing", new { version, mark = 7 });
        given.GetProperty("changed").GetProperty("moment").GetString().ShouldBe("Intake");
        given.Version().ShouldBeGreaterThan(version);
        (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/wellbeing")).ToString().ShouldMatch("\"mark\":\\s*7(\\.0)?[,}]");
        (await resident.PostJsonAsync("/api/v1/me/table/wellbeing", new { version = given.Version(), mark = 8 }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("wellbeing.not_asked");

        // His answer, on the version he read: a stale one is refused with what changed since.
        var stale = await resident.PostJsonAsync("/api/v1/me/table/answers", new { version, question = "Want", text = "Ik wil mijn post zelf lezen." },
            HttpStatusCode.Conflict);
        stale.Code().ShouldBe("case.stale");
        stale.GetProperty("currentVersion").GetInt32().ShouldBe(given.Version());
        (await resident.PostJsonAsync("/api/v1/me/table/answers", new { version = given.Version(), question = "Want", text = " " }, HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("text")[0].GetString().ShouldBe("Schrijf hier uw antwoord.");
        var answered = await resident.PostJsonAsync("/api/v1/me/table/answers",
            new { version = given.Version(), question = "Want", text = "Ik wil mijn post zelf lezen." });
        answered.GetProperty("changed").GetProperty("text").GetString().ShouldBe("Ik wil mijn post zelf lezen.");
        (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/answers/Want")).Items().GetArrayLength().ShouldBe(2);

        // Someone of his own at his table: created, with where to read it.
        using var invited = await resident.PostAsJsonAsync("/api/v1/me/table/network",
            new { version = answered.Version(), name = "Truus Tafelgenoot", relation = "buurvrouw" }, TestContext.Current.CancellationToken);
        invited.StatusCode.ShouldBe(HttpStatusCode.Created);
        invited.Headers.Location!.OriginalString.ShouldBe("/api/v1/me/table");
        (await @case.FileAsync()).GetProperty("network").ToString().ShouldContain("Truus Tafelgenoot");
        (await resident.GetJsonAsync("/api/v1/me/table")).GetProperty("ownPeople").ToString().ShouldContain("Truus Tafelgenoot");
        (await resident.PostJsonAsync("/api/v1/me/table/network", new { version = answered.Version(), relation = "buurman" }, HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("Schrijf de naam op.");

        // His data, all of it, as a copy: logged as an export.
        var data = await resident.GetJsonAsync("/api/v1/me/data");
        data.GetProperty("resident").GetProperty("name").GetString()!.ShouldContain("Apitafel");
        data.GetProperty("cases")[0].GetProperty("history").GetArrayLength().ShouldBeGreaterThan(0);
        (await AuditCountAsync(null, "alle gegevens", Keukentafel.Privacy.AuditAction.Export, residentOf: @case.Id)).ShouldBe(1);

        // The code works once.
        (await anonymous.PostJsonAsync("/api/v1/auth/resident-invitation", new { code, dateOfBirth = BirthDate, password = OwnPages.Password },
            HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("invitation.used");
    }

    [Fact]
    public async Task The_resident_says_yes_and_no_to_proposed_professionals_and_cannot_reach_another_table()
    {
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var @case = await (await CaseDriver.SignalAsync(app, homeCare.Email, family: "Apikiest")).MeetingPlannedAsync();
        var housing = await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.Housing, "WK990101");
        var mental = await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.MentalHealth, "WK990101");
        var yes = (await @case.PostAsync($"meetings/{@case.MeetingId}/participants", new { staffMemberId = housing.Id })).Id("createdId");
        var no = (await @case.PostAsync($"meetings/{@case.MeetingId}/participants", new { staffMemberId = mental.Id })).Id("createdId");
        var other = await (await CaseDriver.SignalAsync(app, homeCare.Email, family: "Apiander")).MeetingPlannedAsync();
        var notHis = (await other.PostAsync($"meetings/{other.MeetingId}/participants", new { staffMemberId = housing.Id })).Id("createdId");
        var resident = await ResidentAsync(@case, "apikiest@voorbeeld.example");
        var neighbour = await ResidentAsync(other, "apiander@voorbeeld.example");

        var table = await resident.GetJsonAsync("/api/v1/me/table");
        var meeting = table.GetProperty("nextMeeting");
        meeting.GetProperty("participants").EnumerateArray().Where(p => p.GetProperty("awaitsMyAnswer").GetBoolean()).Select(p => p.Id())
            .ShouldBe([yes, no], ignoreOrder: true);
        string Agreement(Guid meetingId, Guid participant) => $"/api/v1/me/table/meetings/{meetingId}/participants/{participant}/agreement";
        var agreed = await resident.PostJsonAsync(Agreement(@case.MeetingId, yes), new { version = table.Version(), agreed = true });
        agreed.GetProperty("changed").GetProperty("agreement").GetString().ShouldBe("Agreed");
        var refused = await resident.PostJsonAsync(Agreement(@case.MeetingId, no), new { version = agreed.Version(), agreed = false });
        refused.GetProperty("changed").GetProperty("agreement").GetString().ShouldBe("Refused");
        (await resident.PostJsonAsync(Agreement(@case.MeetingId, no), new { version = refused.Version() }, HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("agreed").GetArrayLength().ShouldBe(1);
        var participants = (await @case.FileAsync()).GetProperty("meetings")[0].GetProperty("participants").EnumerateArray()
            .ToDictionary(p => p.Id(), p => p.GetProperty("agreement").GetString());
        participants[yes].ShouldBe("Agreed");
        participants[no].ShouldBe("Refused");

        // Another's meeting is not on his table: refused, and the other table unchanged.
        using var tampered = await resident.PostAsJsonAsync(Agreement(other.MeetingId, notHis), new { version = refused.Version(), agreed = true },
            TestContext.Current.CancellationToken);
        tampered.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await tampered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"code\":\"meeting.unknown\"");
        (await other.FileAsync()).GetProperty("meetings")[0].GetProperty("participants").EnumerateArray().Single(p => p.Id() == notHis)
            .GetProperty("agreement").GetString().ShouldBe("Pending");

        // The neighbour reads his own table only, and the resident's case through nothing he can name.
        (await neighbour.GetJsonAsync("/api/v1/me/table")).GetProperty("caseId").GetGuid().ShouldBe(other.Id);
        var refusal = await neighbour.GetJsonAsync($"/api/v1/me/table?for={@case.Id}", HttpStatusCode.NotFound);
        refusal.Code().ShouldBe("not_found");
        refusal.ToString().ShouldNotContain("Apikiest");
        var consent = (await resident.GetJsonAsync("/api/v1/me/consents")).Items()[0].GetProperty("consents")[0].Id();
        await neighbour.PostJsonAsync($"/api/v1/me/cases/{@case.Id}/consents/{consent}/withdrawal", new { }, HttpStatusCode.NotFound);
        await neighbour.GetJsonAsync($"/api/v1/me/data?for={consent}", HttpStatusCode.NotFound);
        await neighbour.GetJsonAsync($"/api/v1/me/trusted-people/{consent}", HttpStatusCode.NotFound);

        // His own consent he withdraws, once.
        var withdrawn = await resident.PostJsonAsync($"/api/v1/me/cases/{@case.Id}/consents/{consent}/withdrawal", new { });
        withdrawn.GetProperty("changed").GetProperty("active").GetBoolean().ShouldBeFalse();
        withdrawn.GetProperty("caseId").GetGuid().ShouldBe(@case.Id);
        (await resident.PostJsonAsync($"/api/v1/me/cases/{@case.Id}/consents/{consent}/withdrawal", new { }, HttpStatusCode.Conflict))
            .Code().ShouldBe("consent.already_withdrawn");
    }

    [Fact]
    public async Task Staff_and_strangers_do_not_reach_the_residents_own_routes()
    {
        var professional = await app.ApiAsync(PageSession.Professional);
        foreach (var url in new[] { "/api/v1/me/table", "/api/v1/me/consents", "/api/v1/me/trusted-people", "/api/v1/me/data" })
        {
            using var staff = await professional.GetAsync(url, TestContext.Current.CancellationToken);
            staff.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            using var nobody = await app.CreateClient().GetAsync(url, TestContext.Current.CancellationToken);
            nobody.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, url);
        }

        (await professional.PostJsonAsync("/api/v1/me/table/answers", new { version = 1, question = "Want", text = "Niet van mij." }, HttpStatusCode.Forbidden))
            .Code().ShouldBe("auth.forbidden");

        // A browser's cookie is no key to the API.
        var (_, browser) = await BrowserResidentAsync("Apikoekje");
        using var cookie = await browser.GetAsync("/api/v1/me/table", TestContext.Current.CancellationToken);
        cookie.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_trusted_person_acts_with_the_consent_he_names_and_loses_access_at_the_withdrawal()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Apimeekijk")).PlanAgreedAsync();
        var resident = await ResidentAsync(@case, "apimeekijk@voorbeeld.example");

        (await resident.PostJsonAsync("/api/v1/me/trusted-people", new { name = "Eva", relation = "mijn dochter", consent = false },
            HttpStatusCode.UnprocessableEntity)).GetProperty("field").GetString().ShouldBe("consent");
        (await resident.PostJsonAsync("/api/v1/me/trusted-people", new { relation = "mijn dochter", consent = true }, HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("Schrijf de naam op van wie met u meekijkt.");
        using var trust = await resident.PostAsJsonAsync("/api/v1/me/trusted-people",
            new { name = "Eva Apimeekijk", relation = "mijn dochter", consent = true }, TestContext.Current.CancellationToken);
        trust.StatusCode.ShouldBe(HttpStatusCode.Created);
        var given = await trust.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var grant = given.GetProperty("person").Id();
        trust.Headers.Location!.OriginalString.ShouldBe($"/api/v1/me/trusted-people/{grant}");
        var looks = await AuditCountAsync(null, "meekijken", residentOf: @case.Id);
        (await resident.GetJsonAsync($"/api/v1/me/trusted-people/{grant}")).GetProperty("name").GetString().ShouldBe("Eva Apimeekijk");
        (await resident.GetJsonAsync("/api/v1/me/trusted-people")).Items().GetArrayLength().ShouldBe(1);
        (await AuditCountAsync(null, "meekijken", residentOf: @case.Id)).ShouldBe(looks + 2); // each look at who looks along is logged

        using var linked = await app.Browser().LookAlongAsync(given.GetProperty("code").GetString()!, "eva.apimeekijk@voorbeeld.example");
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var daughter = await TokenAsync("eva.apimeekijk@voorbeeld.example");

        // She finds the consent to name, and acts under it; without it she has no table of her own.
        (await daughter.GetJsonAsync("/api/v1/me/looking-along")).Items()[0].GetProperty("grant").GetGuid().ShouldBe(grant);
        await daughter.GetJsonAsync("/api/v1/me/table", HttpStatusCode.NotFound);
        await daughter.GetJsonAsync($"/api/v1/me/table?for={Guid.CreateVersion7()}", HttpStatusCode.NotFound);
        await daughter.GetJsonAsync("/api/v1/me/trusted-people", HttpStatusCode.NotFound); // only he decides who looks along
        var table = await daughter.GetJsonAsync($"/api/v1/me/table?for={grant}");
        table.GetProperty("caseId").GetGuid().ShouldBe(@case.Id);
        var mark = await daughter.PostJsonAsync($"/api/v1/me/table/wellbeing?for={grant}", new { version = table.Version(), mark = 6 });
        (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/history")).Items().ToString().ShouldContain("kijkt mee met de bewoner");
        (await daughter.GetJsonAsync($"/api/v1/me/consents?for={grant}")).Items()[0].GetProperty("caseId").GetGuid().ShouldBe(@case.Id);
        (await daughter.GetJsonAsync($"/api/v1/me/data?for={grant}")).GetProperty("trustedPeople").ToString().ShouldContain("Eva Apimeekijk");
        (await resident.GetJsonAsync("/api/v1/me/access-log")).Items().ToString().ShouldContain("Eva Apimeekijk");
        (await daughter.GetJsonAsync($"/api/v1/me/access-log?for={grant}")).Items().ToString().ShouldContain("Eva Apimeekijk");

        // He stops it: her very next request is refused, reading or changing, and each refusal is on his record.
        var stopped = await resident.PostJsonAsync($"/api/v1/me/trusted-people/{grant}/withdrawal", new { });
        stopped.GetProperty("withdrawnAtUtc").ValueKind.ShouldBe(JsonValueKind.String);
        await resident.PostJsonAsync($"/api/v1/me/trusted-people/{grant}/withdrawal", new { }, HttpStatusCode.Conflict);
        foreach (var url in new[] { "table", "consents", "data", "access-log" })
        {
            (await daughter.GetJsonAsync($"/api/v1/me/{url}?for={grant}", HttpStatusCode.NotFound)).Code().ShouldBe("not_found");
        }

        await daughter.PostJsonAsync($"/api/v1/me/table/answers?for={grant}", new { version = mark.Version(), question = "Want", text = "Iets anders" },
            HttpStatusCode.NotFound);
        (await @case.FileAsync()).Version().ShouldBe(mark.Version());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>();
        (await db.AuditEvents.CountAsync(a => !a.Allowed && a.UserName == "Eva Apimeekijk", TestContext.Current.CancellationToken))
            .ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task A_resident_without_an_e_mail_address_gets_his_token_with_the_sign_in_name_made_for_him()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Zondermail");

        var redeemed = await app.CreateClient().PostJsonAsync("/api/v1/auth/resident-invitation",
            new { code = await CodeAsync(@case), dateOfBirth = BirthDate, password = OwnPages.Password });
        var name = redeemed.GetProperty("signInName").GetString()!;
        name.ShouldMatch("^[a-z]+-[a-z]+-[a-z]+$");

        // Typed as on the sign-in page: capitals and spaces do not matter.
        var resident = await TokenAsync(name.Replace('-', ' ').ToUpperInvariant());
        (await resident.GetJsonAsync("/api/v1/me/table")).GetProperty("caseId").GetGuid().ShouldBe(@case.Id);
        using var wrong = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = name, password = "Niet-het-wachtwoord-1" },
            TestContext.Current.CancellationToken);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<string> CodeAsync(CaseDriver @case) =>
        (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/resident-invitation", new { })).GetProperty("code").GetString()!;

    /// <summary>The resident of the case with his own sign-in, made over the API, and a bearer token for it.</summary>
    private async Task<HttpClient> ResidentAsync(CaseDriver @case, string email)
    {
        await app.CreateClient().PostJsonAsync("/api/v1/auth/resident-invitation",
            new { code = await CodeAsync(@case), dateOfBirth = BirthDate, email, password = OwnPages.Password });
        return await TokenAsync(email);
    }

    private async Task<(CaseDriver Case, HttpClient Browser)> BrowserResidentAsync(string family)
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: family);
        var browser = app.Browser();
        using var made = await browser.RedeemAsync(await CodeAsync(@case), $"{family.ToLowerInvariant()}@voorbeeld.example");
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (@case, browser);
    }

    private async Task<HttpClient> TokenAsync(string email)
    {
        var client = app.CreateClient();
        var tokens = await client.PostJsonAsync("/api/v1/auth/token", new { email, password = OwnPages.Password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Audit events of a part about a case (or, with <paramref name="residentOf"/>, about the resident of that case).</summary>
    private async Task<int> AuditCountAsync(Guid? caseId, string part, Keukentafel.Privacy.AuditAction action = Keukentafel.Privacy.AuditAction.Read,
        Guid? residentOf = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var resident = residentOf is { } of ? await db.Cases.Where(c => c.Id == of).Select(c => (Guid?)c.ResidentId).SingleAsync(ct) : null;
        return await db.AuditEvents.CountAsync(a => a.Part == part && a.Action == action && a.Allowed
            && (caseId == null || a.CaseId == caseId) && (resident == null || a.ResidentId == resident), ct);
    }
}
