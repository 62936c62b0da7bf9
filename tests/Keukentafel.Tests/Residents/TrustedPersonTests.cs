using System.Net;
using Keukentafel.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Residents;

/// <summary>
/// Someone the resident trusts looks along on his pages (issue 10, part 4): with his consent and code only, acting as
/// himself on the record, never on anyone else's pages, and not a request longer than the consent stands.
/// </summary>
public sealed class TrustedPersonTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task A_trusted_person_looks_along_and_acts_as_himself_and_loses_access_at_the_moment_the_resident_withdraws()
    {
        var (@case, resident) = await ResidentAsync("Meekijk");
        var code = await GiveAsync(resident, "Eva Meekijk", "mijn dochter");

        // She makes her sign-in with the code (the residents' password rule applies to her too).
        var daughter = app.Browser();
        using var linked = await daughter.LookAlongAsync(code, "eva.meekijk@voorbeeld.example");
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var table = linked.Headers.Location!.PathAndQuery();
        table.ShouldStartWith("/mijn/tafel?voor=");

        var page = await daughter.GetPageAsync(table);
        page.Text().ShouldContain("U kijkt mee met");
        page.Text().ShouldContain("Samen de post openen");
        page.QuerySelectorAll("a[href='/mijn/meekijken']").ShouldBeEmpty();

        // She gives the mark for him; the professional sees it at once, and the history says who gave it.
        using var given = await daughter.SubmitAsync(table, new Dictionary<string, string> { ["mark"] = "6" },
            formSelector: "form[action*='handler=Wellbeing']");
        given.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        given.Headers.Location!.PathAndQuery().ShouldContain("voor=");
        (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/wellbeing")).ToString().ShouldMatch("\"mark\":\\s*6(\\.0)?[,}]");
        (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/history")).Items().ToString().ShouldContain("kijkt mee met de bewoner");

        // The resident sees that she looked, as someone who looks along with him.
        var log = (await resident.GetPageAsync("/mijn/inzage")).Text();
        log.ShouldContain("Eva Meekijk");
        log.ShouldContain("kijkt met u mee");
        var looked = await MeekijkenReadsAsync(@case.Id);
        (await resident.GetPageAsync("/mijn/meekijken")).Text().ShouldContain("Kijkt met u mee sinds");
        (await MeekijkenReadsAsync(@case.Id)).ShouldBe(looked + 1); // his look at who looks along is in the audit log too
        (await resident.GetPageAsync("/mijn/gegevens")).Text().ShouldContain("Eva Meekijk (mijn dochter): toestemming gegeven op");
        using var json = await resident.GetAsync("/mijn/gegevens?handler=Json", TestContext.Current.CancellationToken);
        (await json.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"trustedPeople\"");

        // She cannot manage who looks along, nor reach pages without a consent of hers.
        using var manage = await daughter.GetAsync("/mijn/meekijken", TestContext.Current.CancellationToken);
        manage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var guessed = await daughter.GetAsync($"/mijn/tafel?voor={Guid.CreateVersion7()}", TestContext.Current.CancellationToken);
        guessed.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The code works once.
        using var again = await app.Browser().LookAlongAsync(code, "iemand.anders@voorbeeld.example");
        (await PageSession.ParseAsync(again)).QuerySelector("#Input_Code-error").ShouldNotBeNull().TextContent.ShouldContain("al gebruikt");

        // He withdraws: her very next request is refused, on every page, reading or changing.
        var form = (await resident.GetPageAsync("/mijn/meekijken")).QuerySelector("form[action*='handler=Withdraw']").ShouldNotBeNull();
        using var withdrawn = await resident.SubmitAsync("/mijn/meekijken", new Dictionary<string, string>(), action: form.GetAttribute("action"));
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var voor = table[(table.IndexOf('=') + 1)..];
        foreach (var url in new[] { table, $"/mijn/inzage?voor={voor}", $"/mijn/toestemming?voor={voor}", $"/mijn/gegevens?voor={voor}",
            $"/mijn/gegevens?handler=Json&voor={voor}" })
        {
            using var refused = await daughter.GetAsync(url, TestContext.Current.CancellationToken);
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        var token = (await daughter.GetPageAsync("/mijn/tafel")).QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "";
        using var change = await daughter.PostAsync($"/mijn/tafel?question=Want&handler=Answer&voor={voor}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "Iets anders", ["version"] = "99", ["__RequestVerificationToken"] = token }),
            TestContext.Current.CancellationToken);
        change.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await resident.GetPageAsync("/mijn/meekijken")).Text().ShouldContain("Gestopt op");
    }

    [Fact]
    public async Task A_consent_of_one_resident_opens_nothing_of_another_and_the_resident_must_tick_that_he_agrees()
    {
        var (_, first) = await ResidentAsync("Eerstetafel");
        var (_, second) = await ResidentAsync("Tweedetafel");

        using var unticked = await first.SubmitAsync("/mijn/meekijken",
            new Dictionary<string, string> { ["Input.Name"] = "Bram Buur", ["Input.Relation"] = "buurman" },
            action: "/mijn/meekijken?handler=Give");
        (await PageSession.ParseAsync(unticked)).QuerySelector("#Input_Consent-error").ShouldNotBeNull().TextContent.ShouldContain("vinkje");

        var code = await GiveAsync(first, "Bram Buur", "buurman");
        var neighbour = app.Browser();
        using var linked = await neighbour.LookAlongAsync(code, "bram.buur@voorbeeld.example");
        var voor = linked.Headers.Location!.PathAndQuery().Split("voor=")[1];

        // The second resident, signed in himself, cannot use the first one's consent.
        using var other = await second.GetAsync($"/mijn/tafel?voor={voor}", TestContext.Current.CancellationToken);
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await second.GetPageAsync("/mijn/tafel")).Text().ShouldNotContain("Eerstetafel");

        // Without a consent in the link the neighbour has no pages of his own, only the choice.
        var start = (await neighbour.GetPageAsync("/mijn/tafel")).Text();
        start.ShouldContain("U kijkt mee met");
        start.ShouldContain("Eerstetafel");
        start.ShouldNotContain("Samen de post openen");

        // A staff member cannot use a code with his work account.
        var staffCode = await GiveAsync(first, "Sanne", "hulpverlener");
        var professional = await app.SignedInAsync(PageSession.Professional);
        using var staff = await professional.SubmitAsync("/meekijken", new Dictionary<string, string> { ["Input.Code"] = staffCode });
        (await PageSession.ParseAsync(staff)).QuerySelector("#Input_Code-error").ShouldNotBeNull().TextContent.ShouldContain("werkaccount");
        (await first.GetPageAsync("/mijn/meekijken")).Text().ShouldContain("Heeft de code nog niet gebruikt");
    }

    [Fact]
    public async Task The_resident_reads_his_pages_in_English_when_he_chooses_it_and_in_Dutch_again_after()
    {
        var (_, resident) = await ResidentAsync("Taalkeuze");
        var dutch = await resident.GetPageAsync("/mijn/tafel");
        dutch.DocumentElement.GetAttribute("lang").ShouldBe("nl");
        dutch.Text().ShouldContain("Mijn plan");

        using var english = await resident.SubmitAsync("/mijn/tafel", new Dictionary<string, string> { ["code"] = "en" }, formSelector: "form.kt-language");
        english.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        english.Headers.Location!.PathAndQuery().ShouldBe("/mijn/tafel");
        var table = await resident.GetPageAsync("/mijn/tafel");
        table.DocumentElement.GetAttribute("lang").ShouldBe("en");
        table.Text().ShouldContain("My plan");
        table.Text().ShouldContain("What I give back (my contribution)");
        table.Text().ShouldNotContain("Mijn plan");
        (await resident.GetPageAsync("/mijn/inzage")).Text().ShouldContain("Who looked at my file");
        (await resident.GetPageAsync("/mijn/meekijken")).Text().ShouldContain("Let someone look along");

        // A refusal speaks English too, beside its field.
        using var wrong = await resident.SubmitAsync("/mijn/tafel", new Dictionary<string, string> { ["mark"] = "11" },
            formSelector: "form[action*='handler=Wellbeing']");
        (await PageSession.ParseAsync(wrong)).QuerySelector("#mark-error").ShouldNotBeNull().TextContent.ShouldContain("from 1 to 10");

        using var back = await resident.SubmitAsync("/mijn/tafel", new Dictionary<string, string> { ["code"] = "nl" }, formSelector: "form.kt-language");
        (await resident.GetPageAsync("/mijn/tafel")).Text().ShouldContain("Mijn plan");

        // Only offered languages, and only back to a page of this site.
        using var odd = await resident.SubmitAsync("/mijn/tafel", new Dictionary<string, string> { ["code"] = "xx", ["returnUrl"] = "https://elders.example/" },
            formSelector: "form.kt-language");
        odd.Headers.Location!.PathAndQuery().ShouldBe("/");
        (await resident.GetPageAsync("/mijn/tafel")).Text().ShouldContain("Mijn plan");
    }

    [Fact]
    public async Task A_withdrawn_trusted_person_changes_nothing_and_a_valid_consent_opens_no_other_case()
    {
        var (@case, resident) = await ResidentAsync("Nietmeer");
        var (other, _) = await ResidentAsync("Anderhuis");
        var code = await GiveAsync(resident, "Kees Nietmeer", "mijn zoon");
        var son = app.Browser();
        using var linked = await son.LookAlongAsync(code, "kees.nietmeer@voorbeeld.example");
        var voor = linked.Headers.Location!.PathAndQuery().Split("voor=")[1];
        var token = (await son.GetPageAsync($"/mijn/tafel?voor={voor}")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });

        // With a valid consent, another resident's case is still not his to change.
        var otherConsent = await OpenConsentAsync(other.Id);
        using var foreign = await son.PostAsync($"/mijn/toestemming?handler=Withdraw&voor={voor}",
            Form(new() { ["caseId"] = other.Id.ToString(), ["consentId"] = otherConsent.ToString() }), TestContext.Current.CancellationToken);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OpenConsentAsync(other.Id)).ShouldBe(otherConsent);

        var form = (await resident.GetPageAsync("/mijn/meekijken")).QuerySelector("form[action*='handler=Withdraw']").ShouldNotBeNull();
        using var withdrawn = await resident.SubmitAsync("/mijn/meekijken", new Dictionary<string, string>(), action: form.GetAttribute("action"));
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // After the withdrawal: no mark, no consent withdrawn, no download, and each refusal on his record.
        var version = (await @case.FileAsync()).GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var mark = await son.PostAsync($"/mijn/tafel?handler=Wellbeing&voor={voor}", Form(new() { ["mark"] = "3", ["version"] = version }),
            TestContext.Current.CancellationToken);
        mark.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/wellbeing")).GetProperty("measurements").GetArrayLength().ShouldBe(0);
        var own = await OpenConsentAsync(@case.Id);
        using var consent = await son.PostAsync($"/mijn/toestemming?handler=Withdraw&voor={voor}",
            Form(new() { ["caseId"] = @case.Id.ToString(), ["consentId"] = own.ToString() }), TestContext.Current.CancellationToken);
        consent.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OpenConsentAsync(@case.Id)).ShouldBe(own);
        using var pdf = await son.GetAsync($"/mijn/inzage?handler=Pdf&voor={voor}", TestContext.Current.CancellationToken);
        pdf.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>();
        var residentId = await db.Cases.Where(c => c.Id == @case.Id).Select(c => c.ResidentId).SingleAsync(TestContext.Current.CancellationToken);
        (await db.AuditEvents.CountAsync(a => a.ResidentId == residentId && !a.Allowed && a.UserName == "Kees Nietmeer", TestContext.Current.CancellationToken))
            .ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task After_the_retention_term_the_names_of_the_people_who_looked_along_go_too()
    {
        var (@case, resident) = await ResidentAsync("Vergeetmij");
        var code = await GiveAsync(resident, "Eva Vergeetmij", "mijn dochter");
        var daughter = app.Browser();
        using var linked = await daughter.LookAlongAsync(code, "eva.vergeetmij@voorbeeld.example");
        var table = linked.Headers.Location!.PathAndQuery();
        using var given = await daughter.SubmitAsync(table, new Dictionary<string, string> { ["mark"] = "6" },
            formSelector: "form[action*='handler=Wellbeing']");
        given.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        @case.Version = (await @case.FileAsync()).GetProperty("version").GetInt32(); // her mark changed the case
        foreach (var action in @case.Actions)
        {
            await @case.PostAsync($"actions/{action}/status", new { status = "Done" });
        }

        await @case.PostAsync("transitions", new { to = "SolutionCarriedOut" });
        await @case.PostAsync("transitions", new { to = "Evaluated", text = "Het gaat goed." });
        await @case.PostAsync("transitions", new { to = "Closed" });
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>();
        await db.Cases.Where(c => c.Id == @case.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ClosedAtUtc, DateTime.UtcNow.AddYears(-8)), TestContext.Current.CancellationToken);

        (await scope.ServiceProvider.GetRequiredService<Keukentafel.Privacy.RetentionService>().AnonymiseDueAsync(TestContext.Current.CancellationToken))
            .ShouldBeGreaterThanOrEqualTo(1);

        var history = (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/history")).Items().GetRawText();
        history.ShouldNotContain("Vergeetmij");
        history.ShouldContain(Keukentafel.Privacy.RetentionService.HelperLabel);
        var residentId = await db.Cases.Where(c => c.Id == @case.Id).Select(c => c.ResidentId).SingleAsync(TestContext.Current.CancellationToken);
        var consent = await db.TrustedPeople.AsNoTracking().SingleAsync(t => t.ResidentId == residentId, TestContext.Current.CancellationToken);
        consent.Name.ShouldBe(Keukentafel.Privacy.RetentionService.Removed);
        consent.GivenBy.ShouldNotContain("Vergeetmij");
        consent.WithdrawnAtUtc.ShouldNotBeNull();
        using var gone = await daughter.GetAsync(table, TestContext.Current.CancellationToken);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_link_by_e_mail_goes_to_an_address_the_resident_typed_only_after_he_confirmed_it()
    {
        const string Address = "bevestigd@voorbeeld.example";
        await ResidentAsync("Bevestigd");
        async Task<bool> Has(string path) => (await app.MailsToAsync(Address)).Any(m => (m.TextBody ?? "").Contains(path, StringComparison.Ordinal));
        var stranger = app.Browser();

        // A typo in his address must not open his file to whoever owns it: no sign-in link, no new password, yet.
        using (await stranger.SubmitAsync("/inloggen/link", new Dictionary<string, string> { ["Input.Email"] = Address }))
        using (await stranger.SubmitAsync("/wachtwoord-vergeten", new Dictionary<string, string> { ["Input.Email"] = Address }))
        {
            (await Has("/inloggen/link/openen")).ShouldBeFalse();
            (await Has("/wachtwoord-herstellen")).ShouldBeFalse();
        }

        var confirm = (await app.LastMailToAsync(Address)).LinkTo("/e-mail-bevestigen");
        using var confirmed = await stranger.SubmitAsync(confirm, new Dictionary<string, string>());
        (await PageSession.ParseAsync(confirmed)).Text().ShouldContain("Uw e-mailadres klopt");
        (await stranger.GetPageAsync(confirm.Replace("code=", "code=x", StringComparison.Ordinal))).QuerySelector("#refusal").ShouldNotBeNull();

        using (await stranger.SubmitAsync("/inloggen/link", new Dictionary<string, string> { ["Input.Email"] = Address }))
        {
            (await Has("/inloggen/link/openen")).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task A_refused_code_is_written_in_the_audit_log_against_the_resident_whose_code_it_was()
    {
        var (@case, resident) = await ResidentAsync("Codeweigering");
        var code = await GiveAsync(resident, "Tim Codeweigering", "mijn zoon");
        using (var linked = await app.Browser().LookAlongAsync(code, "tim.codeweigering@voorbeeld.example"))
        {
            linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var before = await RefusedCodesAsync(@case.Id);
        using (var again = await app.Browser().LookAlongAsync(code, "iemand.anders.weigering@voorbeeld.example"))
        {
            (await PageSession.ParseAsync(again)).QuerySelector("#Input_Code-error").ShouldNotBeNull().TextContent.ShouldContain("al gebruikt");
        }

        var refused = await RefusedCodesAsync(@case.Id);
        refused.Count.ShouldBe(before.Count + 1);
        refused[^1].ShouldBe("trusted.used");

        // An unknown code typed by someone signed out names no resident and is not logged (a guess would fill the log).
        var unnamed = await UnnamedRefusedCodesAsync();
        using (await app.Browser().LookAlongAsync("ZZZZ-ZZZZ", "gok@voorbeeld.example"))
        {
            (await UnnamedRefusedCodesAsync()).ShouldBe(unnamed);
        }
    }

    private async Task<int> UnnamedRefusedCodesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>();
        return await db.AuditEvents.CountAsync(a => a.ResidentId == null && a.Part == Keukentafel.Residents.TrustedPeople.CodePart,
            TestContext.Current.CancellationToken);
    }

    private async Task<List<string?>> RefusedCodesAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var residentId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.ResidentId).SingleAsync(ct);
        return await db.AuditEvents.Where(a => a.ResidentId == residentId && a.Part == Keukentafel.Residents.TrustedPeople.CodePart && !a.Allowed)
            .OrderBy(a => a.Sequence).Select(a => a.Reason).ToListAsync(ct);
    }

    private async Task<Guid> OpenConsentAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>();
        return await db.Consents.Where(k => k.CaseId == caseId && k.WithdrawnAtUtc == null).OrderBy(k => k.Id).Select(k => k.Id)
            .FirstAsync(TestContext.Current.CancellationToken);
    }

    private async Task<(CaseDriver Case, HttpClient Resident)> ResidentAsync(string family)
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: family)).PlanAgreedAsync();
        var code = (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/resident-invitation", new { })).GetProperty("code").GetString()!;
        var browser = app.Browser();
        using var made = await browser.RedeemAsync(code, $"{family.ToLowerInvariant()}@voorbeeld.example");
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (@case, browser);
    }

    private static async Task<string> GiveAsync(HttpClient resident, string name, string relation)
    {
        using var given = await resident.SubmitAsync("/mijn/meekijken", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Relation"] = relation,
            ["Input.Consent"] = "true",
        }, action: "/mijn/meekijken?handler=Give");
        given.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await PageSession.ParseAsync(given)).QuerySelector(".kt-code strong").ShouldNotBeNull().TextContent.Trim();
    }

    private async Task<int> MeekijkenReadsAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var residentId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.ResidentId).SingleAsync(ct);
        return await db.AuditEvents.CountAsync(a => a.ResidentId == residentId && a.Part == "meekijken" && a.Allowed, ct);
    }
}

/// <summary>The consent's code on the domain type alone: once, not after withdrawal, not after its days.</summary>
public sealed class TrustedPersonRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_code_is_refused_when_expired_used_or_withdrawn()
    {
        var (expired, _) = Keukentafel.Residents.TrustedPerson.Give(Guid.CreateVersion7(), "Eva", "dochter", true, "Bewoner", Now);
        Should.Throw<DomainException>(() => expired.Link(Guid.CreateVersion7(), Now.AddDays(Keukentafel.Residents.TrustedPerson.ValidDays)))
            .Code.ShouldBe("trusted.expired");

        var (used, _) = Keukentafel.Residents.TrustedPerson.Give(Guid.CreateVersion7(), "Eva", "dochter", true, "Bewoner", Now);
        used.Link(Guid.CreateVersion7(), Now.AddDays(1));
        used.IsActive.ShouldBeTrue();
        Should.Throw<DomainException>(() => used.Link(Guid.CreateVersion7(), Now.AddDays(2))).Code.ShouldBe("trusted.used");

        var (withdrawn, _) = Keukentafel.Residents.TrustedPerson.Give(Guid.CreateVersion7(), "Eva", "dochter", true, "Bewoner", Now);
        withdrawn.Withdraw("Bewoner", Now.AddHours(1));
        Should.Throw<DomainException>(() => withdrawn.Link(Guid.CreateVersion7(), Now.AddHours(2))).Code.ShouldBe("trusted.withdrawn");
        Should.Throw<DomainException>(() => withdrawn.Withdraw("Bewoner", Now.AddHours(3))).Code.ShouldBe("trusted.already_withdrawn");
    }

    [Fact]
    public void Without_his_tick_or_a_name_there_is_no_consent()
    {
        Should.Throw<DomainException>(() => Keukentafel.Residents.TrustedPerson.Give(Guid.CreateVersion7(), "Eva", "dochter", false, "Bewoner", Now))
            .Field.ShouldBe("Consent");
        Should.Throw<DomainException>(() => Keukentafel.Residents.TrustedPerson.Give(Guid.CreateVersion7(), " ", "dochter", true, "Bewoner", Now))
            .Field.ShouldBe("Name");
    }
}
