using System.Net;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Cases;

/// <summary>The case pages: the same access rules as the API, and a stale form that keeps what was typed.</summary>
public sealed class CasePageTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public void Every_page_of_a_case_declares_what_it_shows_so_the_access_check_runs()
    {
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Where(e => e.RoutePattern.RawText?.StartsWith("casussen/{id", StringComparison.Ordinal) == true)
            .ToList();

        pages.Count.ShouldBeGreaterThanOrEqualTo(8);
        pages.ShouldAllBe(p => p.Metadata.GetMetadata<CasePageAttribute>() != null);
    }

    [Fact]
    public async Task Pages_of_a_case_are_closed_to_professionals_not_on_it_and_steering_is_for_the_case_bringer()
    {
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var @case = await (await CaseDriver.SignalAsync(app, homeCare.Email, family: "Paginatoegang")).MeetingPlannedAsync();
        var housing = await app.StaffAsync(OrganisationType.Housing, "WK990101");
        var participant = (await @case.PostAsync($"meetings/{@case.MeetingId}/participants", new { staffMemberId = housing.Id })).Id("createdId");
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/agreement", new { agreed = true });
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/invitation", new { });
        var outsider = await app.SignedInAsync((await app.StaffAsync(OrganisationType.Sports, "WK990101")).Email);
        var atTable = await app.SignedInAsync(housing.Email);

        foreach (var part in new[] { "", "/vragen", "/tafel", "/tafel/verslag", "/plan", "/afwijkingen", "/stappen", "/geschiedenis" })
        {
            (await outsider.GetAsync($"/casussen/{@case.Id}{part}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound, part);
            (await atTable.GetAsync($"/casussen/{@case.Id}{part}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK, part);
        }

        var steps = await atTable.GetPageAsync($"/casussen/{@case.Id}/stappen");
        steps.Text().ShouldContain("De casusaanbrenger");
        using var handOver = await atTable.PostAsync($"/casussen/{@case.Id}/stappen?handler=HandOver", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = @case.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HandOver.StaffMemberId"] = housing.Id.ToString(),
            ["__RequestVerificationToken"] = steps.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
                ?? (await atTable.GetPageAsync($"/casussen/{@case.Id}/tafel"))
                    .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        }), TestContext.Current.CancellationToken);
        handOver.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only the case bringer or the coordinator steers the case; he knows it exists");
    }

    [Fact]
    public async Task A_meeting_still_to_come_waits_for_its_report_and_can_be_moved_to_the_day_it_was_held()
    {
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var @case = await (await CaseDriver.SignalAsync(app, homeCare.Email, family: "Verzetter")).AnsweredAsync();
        await @case.PostAsync("meetings", new { plannedAt = DateTimeOffset.UtcNow.AddDays(4), atHome = true, place = "thuis" });
        var browser = await app.SignedInAsync(homeCare.Email);

        var report = await browser.GetPageAsync($"/casussen/{@case.Id}/tafel/verslag");
        report.Text().ShouldContain("legt u vast op die dag of daarna");
        report.QuerySelector("textarea[name='Report.Decisions']").ShouldBeNull();
        var earlier = Keukentafel.Cases.DutchTime.Local(DateTime.UtcNow.AddMinutes(2)); // today: not before the case was signalled
        using var moved = await browser.SubmitAsync($"/casussen/{@case.Id}/tafel",
            new Dictionary<string, string> { ["Move.PlannedAt"] = earlier.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture) },
            formSelector: "form[action*='handler=Move']");

        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var plannedAt = (await @case.FileAsync()).GetProperty("meetings")[0].GetProperty("plannedAtUtc").GetDateTime();
        plannedAt.ShouldBe(DateTime.UtcNow.AddMinutes(2), TimeSpan.FromMinutes(2));
        (await browser.GetPageAsync($"/casussen/{@case.Id}/tafel/verslag")).QuerySelector("textarea[name='Report.Decisions']").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_coordinator_is_asked_for_a_reason_before_the_file_opens()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Glasbreker");
        var coordinator = await app.SignedInAsync(PageSession.Coordinator);

        using var first = await coordinator.GetAsync($"/casussen/{@case.Id}/vragen", TestContext.Current.CancellationToken);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reasonPage = first.Headers.Location!.PathAndQuery();
        reasonPage.ShouldStartWith($"/inzage/{@case.Id}");
        var form = await coordinator.GetPageAsync(reasonPage);
        form.Text().ShouldNotContain("Greet", Case.Insensitive);

        using var tooShort = await coordinator.SubmitAsync(reasonPage, new Dictionary<string, string> { ["Input.Reason"] = "even" });
        (await PageSession.ParseAsync(tooShort)).QuerySelector("#Input_Reason-error")!.TextContent.ShouldContain("echte reden");
        using var opened = await coordinator.SubmitAsync(reasonPage,
            new Dictionary<string, string> { ["Input.Reason"] = "De casusaanbrenger is met vakantie en er is een vraag van de huisarts." });

        opened.Headers.Location!.PathAndQuery().ShouldBe($"/casussen/{@case.Id}/vragen");
        (await coordinator.GetAsync($"/casussen/{@case.Id}/vragen", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_stale_form_shows_what_the_other_changed_and_keeps_what_was_typed()
    {
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var @case = await CaseDriver.SignalAsync(app, homeCare.Email, family: "Tweevenster");
        var first = await app.SignedInAsync(homeCare.Email);
        var second = await app.SignedInAsync(homeCare.Email);
        var firstPage = await first.GetPageAsync($"/casussen/{@case.Id}/vragen");
        // The record claims "written with the resident" only when the professional ticks it.
        firstPage.QuerySelectorAll("input[type=checkbox][name$='.WithResident']").ShouldAllBe(c => !c.HasAttribute("checked"));
        var secondPage = await second.GetPageAsync($"/casussen/{@case.Id}/vragen");

        using var saved = await PostAnswerAsync(first, firstPage, @case.Id, "Van het eerste venster.");
        using var stale = await PostAnswerAsync(second, secondPage, @case.Id, "Van het tweede venster.");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PageSession.ParseAsync(stale);
        page.QuerySelector(".kt-error-summary")!.TextContent.ShouldContain("Iemand anders heeft deze casus intussen gewijzigd.");
        page.Text().ShouldContain("Dit veranderde intussen");
        page.QuerySelector("textarea[name='Answers[Want].Text']")!.TextContent.ShouldBe("Van het tweede venster.", "what was typed is kept");
        page.QuerySelector("title")!.TextContent.ShouldStartWith("Fout: ");
        var stored = (await @case.FileAsync()).GetProperty("answers")[0].GetProperty("text").GetString();
        stored.ShouldBe("Van het eerste venster.", "never a silent overwrite");
    }

    [Fact]
    public async Task A_solution_shared_without_a_reason_shows_the_message_at_its_field_and_with_one_it_shows_on_the_plan()
    {
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var @case = await (await CaseDriver.SignalAsync(app, homeCare.Email, family: "Deelpagina")).PlanAgreedAsync();
        var browser = await app.SignedInAsync(homeCare.Email);
        var url = $"/casussen/{@case.Id}/plan";
        var action = $"{url}?actionId={@case.Actions[0]}&handler=Share";

        using var empty = await browser.SubmitAsync(url, new Dictionary<string, string> { ["worthSharing"] = "" }, action: action);
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PageSession.ParseAsync(empty);
        page.QuerySelector($"#share-{@case.Actions[0]}-error").ShouldNotBeNull().TextContent.ShouldContain("de moeite waard");
        page.QuerySelector($"#share-{@case.Actions[0]}")!.GetAttribute("aria-invalid").ShouldBe("true");

        using var shared = await browser.SubmitAsync(url,
            new Dictionary<string, string> { ["worthSharing"] = "Samen met de buurvrouw ging het sneller." }, action: action);
        shared.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetPageAsync(url)).Text().ShouldContain("Opvallende oplossing, voor de leersessie: Samen met de buurvrouw ging het sneller.");
    }

    private static Task<HttpResponseMessage> PostAnswerAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, Guid caseId, string text)
    {
        var form = page.QuerySelectorAll("form").First(f => f.GetAttribute("action")!.Contains("question=Want", StringComparison.Ordinal));
        return client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = form.QuerySelector("input[name='Version']")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            ["Answers[Want].Text"] = text,
            ["Answers[Want].WithResident"] = "true",
        }));
    }
}
