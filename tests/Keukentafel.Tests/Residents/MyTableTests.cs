using System.Net;
using Keukentafel.Tests.Cases;

namespace Keukentafel.Tests.Residents;

/// <summary>"My kitchen table": the resident reads his own case in plain words, and nobody else's.</summary>
public sealed class MyTableTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task At_his_kitchen_table_the_resident_reads_his_questions_his_table_and_his_plan_in_plain_words_and_nobody_elses()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Tafelgast")).PlanAgreedAsync();
        var code = (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/resident-invitation", new { })).GetProperty("code").GetString()!;
        await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Buurtafel");
        var browser = app.Browser();
        using var made = await browser.RedeemAsync(code, "tafelgast@voorbeeld.example", "Mijn eigen tafel 2026!");
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var table = await browser.GetPageAsync("/mijn/tafel");
        var text = table.Text();
        text.ShouldContain("Antwoord op Want");
        text.ShouldContain("Samen de post openen");
        text.ShouldContain("Helpen in het buurthuis");
        text.ShouldContain("Wat ik teruggeef (mijn bijdrage)");
        text.ShouldMatch(@"Nog \d+ dagen\.");
        text.ShouldNotContain("Buurtafel");
        table.QuerySelectorAll("a[href^='/casussen/']").ShouldBeEmpty();

        // He gives his wellbeing mark himself when it is asked (at the start); a mark outside 1-10 is refused at the field.
        text.ShouldContain("Hoe gaat het met u?");
        using var wrong = await browser.SubmitAsync("/mijn/tafel", new Dictionary<string, string> { ["mark"] = "11" }, action: "/mijn/tafel?handler=Wellbeing");
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageSession.ParseAsync(wrong)).QuerySelector("#mark-error").ShouldNotBeNull().TextContent.ShouldContain("1 tot en met 10");
        using var given = await browser.SubmitAsync("/mijn/tafel", new Dictionary<string, string> { ["mark"] = "7" }, action: "/mijn/tafel?handler=Wellbeing");
        given.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var measured = (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/wellbeing")).ToString();
        measured.ShouldMatch("\"mark\":\\s*7(\\.0)?[,}]");
        (await browser.GetPageAsync("/mijn/tafel")).Text().ShouldNotContain("Hoe gaat het met u?");

        // He changes what he wants in his own words; the earlier answer stays in the history.
        using var empty = await browser.SubmitAsync("/mijn/tafel", new Dictionary<string, string> { ["text"] = " " },
            action: "/mijn/tafel?question=Want&handler=Answer");
        (await PageSession.ParseAsync(empty)).QuerySelector("#answer-Want-error").ShouldNotBeNull().TextContent.ShouldContain("Schrijf hier uw antwoord");
        using var changed = await browser.SubmitAsync("/mijn/tafel", new Dictionary<string, string> { ["text"] = "Ik wil weer zelf mijn post lezen." },
            action: "/mijn/tafel?question=Want&handler=Answer");
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var want = (await @case.FileAsync()).GetProperty("answers").EnumerateArray().Single(x => x.GetProperty("question").GetString() == "Want");
        want.GetProperty("text").GetString().ShouldBe("Ik wil weer zelf mijn post lezen.");
        want.GetProperty("versions").GetInt32().ShouldBe(2);
        (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/answers/Want")).Items().GetArrayLength().ShouldBe(2);

        // He invites someone of his own to his table; an empty name is refused at its field.
        using var noName = await browser.SubmitAsync("/mijn/tafel", new Dictionary<string, string> { ["name"] = " ", ["relation"] = "buurvrouw" },
            action: "/mijn/tafel?handler=Invite");
        (await PageSession.ParseAsync(noName)).QuerySelector("#invite-name-error").ShouldNotBeNull();
        using var invited = await browser.SubmitAsync("/mijn/tafel",
            new Dictionary<string, string> { ["name"] = "Truus Tafelgenoot", ["relation"] = "buurvrouw" },
            action: "/mijn/tafel?handler=Invite");
        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetPageAsync("/mijn/tafel")).Text().ShouldContain("Truus Tafelgenoot");
        (await @case.FileAsync()).GetProperty("network").ToString().ShouldContain("Truus Tafelgenoot");

        // A professional is not a resident: the page is not his.
        using var professional = await (await app.SignedInAsync(PageSession.Professional)).GetAsync("/mijn/tafel", TestContext.Current.CancellationToken);
        professional.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_resident_agrees_to_one_proposed_professional_and_refuses_another_and_his_professional_sees_it_at_once()
    {
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var @case = await (await CaseDriver.SignalAsync(app, homeCare.Email, family: "Kiestzelf")).MeetingPlannedAsync();
        var housing = await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.Housing, "WK990101");
        var mental = await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.MentalHealth, "WK990101");
        var yes = (await @case.PostAsync($"meetings/{@case.MeetingId}/participants", new { staffMemberId = housing.Id })).Id("createdId");
        var no = (await @case.PostAsync($"meetings/{@case.MeetingId}/participants", new { staffMemberId = mental.Id })).Id("createdId");
        var other = await (await CaseDriver.SignalAsync(app, homeCare.Email, family: "Anderetafel")).MeetingPlannedAsync();
        var notHis = (await other.PostAsync($"meetings/{other.MeetingId}/participants", new { staffMemberId = housing.Id })).Id("createdId");
        var code = (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/resident-invitation", new { })).GetProperty("code").GetString()!;
        var browser = app.Browser();
        using var made = await browser.RedeemAsync(code, "kiestzelf@voorbeeld.example", "Mijn eigen tafel 2026!");
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        string Form(Guid participant) => $"/mijn/tafel?meetingId={@case.MeetingId}&participantId={participant}&handler=Agreement";
        using var agreed = await browser.SubmitAsync("/mijn/tafel", new Dictionary<string, string> { ["agreed"] = "true" }, action: Form(yes));
        agreed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var refused = await browser.SubmitAsync("/mijn/tafel", new Dictionary<string, string> { ["agreed"] = "false" }, action: Form(no));
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var participants = (await @case.FileAsync())
            .GetProperty("meetings")[0].GetProperty("participants").EnumerateArray().ToDictionary(p => p.Id(), p => p.GetProperty("agreement").GetString());
        participants[yes].ShouldBe("Agreed");
        participants[no].ShouldBe("Refused");
        (await browser.GetPageAsync("/mijn/tafel")).Text().ShouldContain("u wilt dat deze persoon niet komt");

        // Someone else's table cannot be reached through his page: the case comes from his sign-in, not from the form.
        var page = await browser.GetPageAsync("/mijn/tafel");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        using var tampered = await browser.PostAsync($"/mijn/tafel?meetingId={other.MeetingId}&participantId={notHis}&handler=Agreement",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["agreed"] = "true", ["version"] = "0", ["__RequestVerificationToken"] = token ?? "" }),
            TestContext.Current.CancellationToken);
        tampered.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await other.FileAsync()).GetProperty("meetings")[0].GetProperty("participants").EnumerateArray().Single(p => p.Id() == notHis)
            .GetProperty("agreement").GetString().ShouldBe("Pending");
    }
}
