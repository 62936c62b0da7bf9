using System.Net;
using static Keukentafel.Tests.Cases.CaseDriver;

namespace Keukentafel.Tests.Cases;

/// <summary>
/// Core rule 7 after the fact: a resident often gives something back once he is helped. His contribution can be recorded
/// and marked done until the case closes (and after a reopen), and closing asks for it in the same screen.
/// </summary>
public sealed class ContributionAfterTheFactTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task A_contribution_is_recorded_and_done_after_the_evaluation_and_then_the_case_closes()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Nadienst"))
            .EvaluatedAsync(withContribution: false);

        var contribution = (await @case.PostAsync("actions",
            new { what = "Op dinsdag helpen in het buurthuis", carrier = "Resident", lawDomain = "Welzijn", dueDate = Due(10), isContribution = true }))
            .Id("createdId");
        await @case.PostAsync($"actions/{contribution}/status", new { status = "Done" });
        await @case.PostAsync("transitions", new { to = "Closed" });

        var file = await @case.FileAsync();
        file.GetProperty("status").GetString().ShouldBe("Closed");
        var kinds = (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/history?limit=100")).Items().EnumerateArray()
            .Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.ShouldContain("contribution.added");
        kinds.ShouldContain("contribution.status_changed");
    }

    [Fact]
    public async Task Only_the_contribution_may_follow_the_solution_another_action_is_refused_and_changes_nothing()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Nakomer"))
            .EvaluatedAsync(withContribution: false);
        var version = @case.Version;

        var refused = await @case.PostAsync("actions",
            new { what = "Nog een actie", carrier = "Resident", lawDomain = "Other", dueDate = Due(3), isContribution = false }, HttpStatusCode.Conflict);

        refused.Code().ShouldBe("case.transition_not_allowed");
        (await @case.FileAsync()).GetProperty("version").GetInt32().ShouldBe(version);
    }

    [Fact]
    public async Task An_open_contribution_does_not_hold_up_the_solution_but_closing_waits_for_it()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Laterbijdrager")).PlanAgreedAsync();
        await @case.PostAsync($"actions/{@case.Actions[0]}/status", new { status = "Done" }); // the contribution (Actions[1]) stays open

        await @case.PostAsync("transitions", new { to = "SolutionCarriedOut" });
        await @case.PostAsync("transitions", new { to = "Evaluated", text = "Het gaat goed." });
        var refused = await @case.PostAsync("transitions", new { to = "Closed" }, HttpStatusCode.Conflict);
        await @case.PostAsync($"actions/{@case.Actions[1]}/status", new { status = "Done" });
        await @case.PostAsync("transitions", new { to = "Closed" });

        refused.Code().ShouldBe("case.no_contribution");
        (await @case.FileAsync()).GetProperty("status").GetString().ShouldBe("Closed");
    }

    [Fact]
    public async Task After_a_reopen_a_contribution_can_be_added_and_a_closed_case_takes_none()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Heropener"))
            .EvaluatedAsync(withContribution: false);
        await @case.PostAsync("no-contribution", new { reason = "Eerst herstellen; later vragen we het opnieuw." });
        await @case.PostAsync("transitions", new { to = "Closed" });

        var closed = await @case.PostAsync("actions",
            new { what = "Koffie schenken", carrier = "Resident", lawDomain = "Welzijn", dueDate = Due(5), isContribution = true }, HttpStatusCode.Conflict);
        await @case.PostAsync("transitions", new { to = "Reopened", text = "Hij wil nu toch iets terugdoen." });
        var added = await @case.PostAsync("actions",
            new { what = "Koffie schenken bij de buurtlunch", carrier = "Resident", lawDomain = "Welzijn", dueDate = Due(5), isContribution = true });

        closed.Code().ShouldBe("case.transition_not_allowed");
        added.GetProperty("case").GetProperty("actions").EnumerateArray()
            .ShouldContain(a => a.GetProperty("what").GetString() == "Koffie schenken bij de buurtlunch" && a.GetProperty("isContribution").GetBoolean());
    }

    [Fact]
    public async Task Closing_on_the_steps_page_records_what_the_resident_gave_back_in_the_same_change()
    {
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var @case = await (await CaseDriver.SignalAsync(app, homeCare.Email, family: "Tafelsluiter")).EvaluatedAsync(withContribution: false);
        var browser = await app.SignedInAsync(homeCare.Email);
        var url = $"/casussen/{@case.Id}/stappen";

        var page = await browser.GetPageAsync(url);
        page.QuerySelector("textarea[name='Closing.Contribution']").ShouldNotBeNull();
        page.QuerySelector("textarea[name='Closing.NoContributionReason']").ShouldNotBeNull();
        using var empty = await browser.SubmitAsync(url, new Dictionary<string, string>(), handler: null, formSelector: "form[action*='handler=Close']");
        (await PageSession.ParseAsync(empty)).Text().ShouldContain("bijdrage van de bewoner");
        (await @case.FileAsync()).GetProperty("status").GetString().ShouldBe("Evaluated");

        using var closed = await browser.SubmitAsync(url,
            new Dictionary<string, string> { ["Closing.Contribution"] = "Hij repareert fietsen bij het buurthuis" },
            formSelector: "form[action*='handler=Close']");

        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var file = await @case.FileAsync();
        file.GetProperty("status").GetString().ShouldBe("Closed");
        var contribution = file.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("isContribution").GetBoolean());
        contribution.GetProperty("what").GetString().ShouldBe("Hij repareert fietsen bij het buurthuis");
        contribution.GetProperty("status").GetString().ShouldBe("Done");
    }

    [Fact]
    public async Task Closing_on_the_steps_page_marks_an_open_contribution_done()
    {
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var @case = await (await CaseDriver.SignalAsync(app, homeCare.Email, family: "Afvinker")).PlanAgreedAsync();
        await @case.PostAsync($"actions/{@case.Actions[0]}/status", new { status = "Done" });
        await @case.PostAsync("transitions", new { to = "SolutionCarriedOut" });
        await @case.PostAsync("transitions", new { to = "Evaluated", text = "Het gaat goed." });
        var browser = await app.SignedInAsync(homeCare.Email);

        using var closed = await browser.SubmitAsync($"/casussen/{@case.Id}/stappen",
            new Dictionary<string, string> { ["Closing.DoneContributionIds"] = @case.Actions[1].ToString() },
            formSelector: "form[action*='handler=Close']");

        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var file = await @case.FileAsync();
        file.GetProperty("status").GetString().ShouldBe("Closed");
        file.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("isContribution").GetBoolean())
            .GetProperty("status").GetString().ShouldBe("Done");
    }
}
