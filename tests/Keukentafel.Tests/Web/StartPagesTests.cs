using System.Net;
using System.Text.RegularExpressions;
using Keukentafel.Neighbourhoods;
using Keukentafel.Tests.Cases;

namespace Keukentafel.Tests.Web;

/// <summary>
/// Each person's start page opens on his work (issue 23, point 6): the manager on the deviations and budget questions
/// waiting for him, the coordinator on the late cases of the neighbourhoods she coordinates, everyone on the lessons he
/// owns and the next learning session. Each figure follows the same rule as the page it links to, and shows nothing
/// of someone else's work. The learning pages open on a neighbourhood with something to see (point 7).
/// </summary>
public sealed partial class StartPagesTests(ClockApp app) : IClassFixture<ClockApp>
{
    private DateOnly Today => Keukentafel.Cases.DutchTime.Date(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_manager_sees_how_many_deviations_and_budget_questions_wait_for_him_and_no_other_managers()
    {
        var bringer = await CaseDriver.HomeCareAsync(app);
        var manager = await app.StaffAsync(OrganisationType.HomeCare, "WK990101", StaffFunction.Manager);
        var other = await app.StaffAsync(OrganisationType.Welfare, "WK990101", StaffFunction.Manager);
        var before = await WaitingAsync(manager.Email, "afwijking");
        var otherBefore = await WaitingAsync(other.Email, "afwijking");

        var @case = await CaseDriver.SignalAsync(app, bringer.Email, family: "Startsteun");
        var deviation = (await @case.PostAsync("deviations",
            new { rule = "Huisregel", reason = "Sneller voor de bewoner", otherwise = "Drie weken wachten", managerId = manager.Id })).Id("createdId");

        (await WaitingAsync(manager.Email, "afwijking")).ShouldBe(before + 1);
        (await WaitingAsync(other.Email, "afwijking")).ShouldBe(otherBefore, "put to another manager: not on his start page");

        using var managerApi = await app.ApiAsync(manager.Email);
        await managerApi.PostJsonAsync($"/api/v1/deviations/{deviation}/backing", new { });
        (await WaitingAsync(manager.Email, "afwijking")).ShouldBe(before, "backed: no longer waiting");

        // The budget questions follow the rule of the decisions page: open for his organisation, or room asked of it.
        var requests = (await managerApi.GetJsonAsync("/api/v1/budget/requests/mine?limit=100")).Items().EnumerateArray()
            .Count(r => r.GetProperty("status").GetString() == "Open"
                || (r.GetProperty("status").GetString() == "AwaitingRoom" && r.GetProperty("roomAsk").GetProperty("ofYou").GetBoolean()));
        (await WaitingAsync(manager.Email, "vra(ag|gen)")).ShouldBe(requests);
    }

    [Fact]
    public async Task The_coordinator_sees_the_late_cases_of_her_neighbourhoods_as_her_overview_counts_them_and_not_another_neighbourhoods()
    {
        var bringer = await CaseDriver.HomeCareAsync(app);
        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Coordinator, onlyThere: true);
        await CaseDriver.SignalAsync(app, bringer.Email, family: "Laatwijk");
        app.Clock.Advance(TimeSpan.FromDays(43));

        var late = await LateInOverviewAsync(PageSession.Coordinator);
        late.ShouldBeGreaterThan(0);
        var page = await StartTextAsync(PageSession.Coordinator);
        LateCount(page).ShouldBe(late, "the start page counts the late cases as her overview of the neighbourhood's cases does");
        page.ShouldContain("Alle open casussen in uw wijken");

        var theirs = await StartTextAsync(elsewhere.Email);
        LateCount(theirs).ShouldBe(await LateInOverviewAsync(elsewhere.Email), "the other coordinator counts only his own neighbourhood");

        var professional = await StartTextAsync(bringer.Email);
        professional.ShouldNotContain("In uw wijken", Case.Sensitive, "a professional coordinates no neighbourhood");
    }

    [Fact]
    public async Task A_lesson_he_owns_and_the_next_session_are_on_his_start_page_and_not_on_a_colleagues()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var owner = await CaseDriver.HomeCareAsync(app);
        var colleague = await app.StaffAsync(OrganisationType.Housing, "WK990101");
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);
        var session = (await coordinator.PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/learning-sessions",
            new { date = Today.AddDays(2), level = "Professionals", participants = new[] { new { staffMemberId = owner.Id } } }, HttpStatusCode.Created)).Id();
        using var api = await app.ApiAsync(owner.Email);
        await api.PostJsonAsync($"/api/v1/learning-sessions/{session}/lessons",
            new { kind = "AskOfManagement", text = "Eén vast aanspreekpunt bij de corporatie", ownerId = owner.Id }, HttpStatusCode.Created);

        var mine = await (await app.SignedInAsync(owner.Email)).GetPageAsync("/");
        var lesson = mine.QuerySelectorAll("main a").Single(a => a.TextContent == "Eén vast aanspreekpunt bij de corporatie");
        lesson.GetAttribute("href").ShouldBe($"/leersessies/{session}");
        mine.QuerySelector("main")!.TextContent.ShouldContain("Leersessie");

        var theirs = (await (await app.SignedInAsync(colleague.Email)).GetPageAsync("/")).QuerySelector("main")!.TextContent;
        theirs.ShouldNotContain("Eén vast aanspreekpunt bij de corporatie", Case.Sensitive, "a lesson someone else owns");
    }

    [Fact]
    public async Task The_learning_pages_open_on_a_neighbourhood_with_something_to_see_then_where_her_cases_are()
    {
        // She works in both neighbourhoods; her open cases lie in Kloosterkamp, the sessions so far in Rietvelden.
        var kloosterkamp = await app.NeighbourhoodIdAsync("WK990102");
        for (var i = 0; i < 4; i++)
        {
            await CaseDriver.SignalAsync(app, PageSession.Professional, "WK990102", family: $"Klooster{i}");
        }

        var client = await app.SignedInAsync(PageSession.Professional);
        (await ShownAsync(client, "/leersessies")).ShouldBe("Leersessies in Rietvelden", "the neighbourhood with sessions, not an empty page");
        (await ShownAsync(client, "/initiatieven")).ShouldBe("Initiatieven in Rietvelden");

        var coordinator = await app.StaffAsync(null, "WK990102", StaffFunction.Coordinator, onlyThere: true);
        using var api = await app.ApiAsync(coordinator.Email);
        await api.PostJsonAsync($"/api/v1/neighbourhoods/{kloosterkamp}/learning-sessions",
            new { date = Today.AddDays(5), level = "Professionals", participants = new[] { new { name = "Sanne Verhoeven" } } }, HttpStatusCode.Created);
        (await ShownAsync(client, "/leersessies")).ShouldBe("Leersessies in Kloosterkamp", "both have sessions: where her cases are");

        var coordinating = await app.SignedInAsync(coordinator.Email);
        (await ShownAsync(coordinating, "/leersessies")).ShouldBe("Leersessies in Kloosterkamp", "the coordinator opens where he plans");
    }

    [Fact]
    public async Task A_director_without_cases_opens_the_reports_on_a_neighbourhood_with_results()
    {
        // Kloosterkamp comes first by name but has no closed case yet; Rietvelden has results to report.
        var director = await app.SignedInAsync(PageSession.Director);
        foreach (var url in new[] { "/effecten", "/knelpunten" })
        {
            var chosen = (await director.GetPageAsync(url)).QuerySelector("select#wijk option[selected]")!.TextContent.Trim();
            chosen.ShouldBe("Rietvelden", $"{url} opens where there is something to see");
        }
    }

    private async Task<string> StartTextAsync(string email) =>
        (await (await app.SignedInAsync(email)).GetPageAsync("/")).QuerySelector("main")!.TextContent;

    /// <summary>How many things of a kind the start page says wait for him ("Geen ..." is 0).</summary>
    private async Task<int> WaitingAsync(string email, string what)
    {
        var text = Regex.Replace(await StartTextAsync(email), @"\s+", " ");
        if (Regex.IsMatch(text, $"Geen {what} wacht"))
        {
            return 0;
        }

        return int.Parse(Regex.Match(text, $@"(\d+) {what}(en)? wacht").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int LateCount(string text)
    {
        var section = Regex.Replace(text, @"\s+", " ");
        section = section[section.IndexOf("In uw wijken", StringComparison.Ordinal)..];
        return section.StartsWith("In uw wijken Geen open casus", StringComparison.Ordinal)
            ? 0
            : int.Parse(LateRegex().Match(section).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The late cases in the coordinator's overview of his neighbourhoods' open cases, all pages.</summary>
    private async Task<int> LateInOverviewAsync(string email)
    {
        using var api = await app.ApiAsync(email);
        var (late, cursor) = (0, (string?)null);
        do
        {
            var page = await api.GetJsonAsync($"/api/v1/cases/neighbourhood?limit=100{(cursor is null ? "" : $"&cursor={cursor}")}");
            late += page.Items().EnumerateArray().Count(c => c.GetProperty("overdue").GetBoolean());
            cursor = page.TryGetProperty("next", out var next) && next.ValueKind == System.Text.Json.JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return late;
    }

    private static async Task<string> ShownAsync(HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).First(t => t.Contains(" in ", StringComparison.Ordinal));

    [GeneratedRegex(@"(\d+) casus(sen)? (is|zijn) te laat")]
    private static partial Regex LateRegex();
}
