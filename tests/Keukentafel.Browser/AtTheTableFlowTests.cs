using Keukentafel.Data;
using Keukentafel.Privacy;
using Keukentafel.Tests;
using Keukentafel.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>
/// "Aan tafel": a whole MDO held on a tablet on the resident's table, with the keyboard only, every screen passing axe;
/// the case file then holds what the case's own pages would have recorded. And "Lees voor" on the resident's page.
/// </summary>
public sealed class AtTheTableFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_whole_MDO_is_held_at_the_table_on_a_tablet_with_the_keyboard_only()
    {
        var atTable = await (await CaseDriver.SignalAsync(app, PageSession.Professional, family: "Tafelmans")).MeetingPlannedAsync();
        await atTable.PostAsync("network", new { name = "Mien", relation = "buurvrouw" });
        var byPages = await (await CaseDriver.SignalAsync(app, PageSession.Professional, family: "Paginaman")).MeetingPlannedAsync();
        await byPages.PostAsync("network", new { name = "Mien", relation = "buurvrouw" });

        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(768, 1024);
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, PageSession.Professional);
            await page.GotoAsync($"/casussen/{atTable.Id}/tafel");
            await PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Aan tafel beginnen" }), "Enter");

            // Welcome: who is at the table (the resident and his people first), and the six weeks in words.
            await page.GetByRole(AriaRole.Heading, new() { Name = "Welkom aan tafel" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            var people = await page.Locator(".kt-at-table__people li").AllInnerTextsAsync();
            people[0].ShouldEndWith("u zelf");
            people[1].ShouldBe("Mien, buurvrouw");
            (await page.Locator("main").InnerTextAsync()).ShouldContain("Nog 42 dagen");
            (await page.Locator("header, nav.kt-nav").CountAsync()).ShouldBe(0, "no office menu at the table");
            await PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Beginnen" }), "Enter");

            // The three questions, changed with him.
            await page.GetByRole(AriaRole.Heading, new() { Name = "Uw drie vragen" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await TypeAsync(page, page.GetByLabel("Wat wil ik?"), "Weer grip op mijn post en op mijn geld.");
            await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Bewaren en verder" }), "Enter");
            await page.GetByText("Uw antwoorden zijn bewaard.").WaitForAsync();

            // What he does himself; a pause in between loses nothing.
            await page.GetByRole(AriaRole.Heading, new() { Name = "Wat doet u zelf?" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await TypeAsync(page, page.GetByLabel("Wat gaat u doen?"), "Elke maandag de post openen");
            await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Zet in het plan" }), "Enter");
            await page.GetByText("Dit staat in het plan.").WaitForAsync();
            await PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Pauze" }), "Enter");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Even pauze" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Verder", Exact = true }), "Enter");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Wat doet u zelf?" }).WaitForAsync();
            (await page.Locator(".kt-at-table__plan li").AllInnerTextsAsync()).Single().ShouldStartWith("Elke maandag de post openen");
            await PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Verder: wat anderen doen" }), "Enter");

            // What others do: his neighbour.
            await page.GetByRole(AriaRole.Heading, new() { Name = "Wat doen anderen?" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await TypeAsync(page, page.GetByLabel("Wat gaat er gebeuren?"), "Samen de rekeningen doorlopen");
            await PressAsync(page, page.GetByLabel("Wie doet het?"), "M"); // type-ahead: Mien
            (await page.GetByLabel("Wie doet het?").InputValueAsync()).ShouldStartWith("n:");
            await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Zet in het plan" }), "Enter");
            await page.GetByText("Dit staat in het plan.").WaitForAsync();
            (await page.Locator(".kt-at-table__plan li").AllInnerTextsAsync()).Single().ShouldContain("(Mien)");
            await PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Verder: wat u teruggeeft" }), "Enter");

            // What he gives back.
            await page.GetByRole(AriaRole.Heading, new() { Name = "Wat geeft u terug?" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await TypeAsync(page, page.GetByLabel("Wat doet u voor een ander?"), "Koken voor de buurvrouw");
            await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Zet in het plan" }), "Enter");
            await page.GetByText("Uw bijdrage staat in het plan.").WaitForAsync();
            await PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Verder: is iedereen het eens?" }), "Enter");

            // Is everyone agreed? He says yes on the screen.
            await page.GetByRole(AriaRole.Heading, new() { Name = "Is iedereen het eens?" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            var plan = await page.Locator("main").InnerTextAsync();
            plan.ShouldContain("Weer grip op mijn post en op mijn geld.");
            plan.ShouldContain("Elke maandag de post openen");
            plan.ShouldContain("Samen de rekeningen doorlopen (Mien)");
            plan.ShouldContain("Koken voor de buurvrouw");
            await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Ja, dit is mijn plan" }), "Enter");
            await page.GetByText("Het plan is afgesproken. Het MDO is vastgelegd.").WaitForAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Dit is uw plan" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            (await page.GetByRole(AriaRole.Link, new() { Name = "Mijn plan printen (pdf)" }).GetAttributeAsync("href")).ShouldEndWith("/klaar?handler=Pdf");

            // The same MDO through the case's own pages, to compare with.
            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync($"/casussen/{byPages.Id}/vragen");
            var want = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Wat wil ik?" }) });
            await want.GetByLabel("Antwoord op \"Wat wil ik?\"").FillAsync("Weer grip op mijn post en op mijn geld.");
            await want.GetByRole(AriaRole.Checkbox).Last.CheckAsync();
            await want.GetByRole(AriaRole.Button).ClickAsync();
            await page.GetByText("Het antwoord op \"Wat wil ik?\" is bewaard.").WaitForAsync();
            await page.GotoAsync($"/casussen/{byPages.Id}/plan");
            foreach (var (what, who, contribution) in new[]
                { ("Elke maandag de post openen", "De bewoner zelf", false), ("Samen de rekeningen doorlopen", "Iemand uit zijn netwerk", false),
                    ("Koken voor de buurvrouw", "De bewoner zelf", true) })
            {
                await page.GetByLabel("Wat gebeurt er?").FillAsync(what);
                await page.GetByLabel("Wie doet het?").SelectOptionAsync(new SelectOptionValue { Label = who });
                if (who != "De bewoner zelf")
                {
                    await page.GetByLabel("Wie uit het netwerk (als iemand uit het netwerk het doet)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
                }

                if (contribution)
                {
                    await page.GetByLabel("Dit is de bijdrage van de bewoner").CheckAsync();
                }

                await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan het plan" }).ClickAsync();
                await page.GetByText(contribution ? "De bijdrage van de bewoner staat in het plan." : "De actie staat in het plan.").WaitForAsync();
            }

            await page.GotoAsync($"/casussen/{byPages.Id}/tafel/verslag");
            await page.GetByLabel("Wat is er besloten?").FillAsync("Aan tafel afgesproken.");
            await page.GetByLabel("Iedereen, ook de bewoner, staat achter het plan").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Verslag vastleggen" }).ClickAsync();
            await page.GetByText("Het verslag van het MDO is vastgelegd.").WaitForAsync();
        });

        // The file holds the same report, history and audit as after the case's own pages.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;
        async Task<List<string>> KindsAsync(Guid id) =>
            await db.CaseEvents.Where(e => e.CaseId == id).OrderBy(e => e.Version).ThenBy(e => e.AtUtc).Select(e => e.Kind).ToListAsync(ct);
        (await KindsAsync(atTable.Id)).ShouldBe(await KindsAsync(byPages.Id));
        var held = await db.Meetings.Include(m => m.Participants).SingleAsync(m => m.CaseId == atTable.Id, ct);
        var compare = await db.Meetings.Include(m => m.Participants).SingleAsync(m => m.CaseId == byPages.Id, ct);
        held.Status.ShouldBe(Keukentafel.Meetings.MeetingStatus.Held);
        held.PlanAgreedByAll.ShouldBe(compare.PlanAgreedByAll);
        held.Participants.Select(p => (p.Kind, p.Attended, p.Agreement)).Order()
            .ShouldBe(compare.Participants.Select(p => (p.Kind, p.Attended, p.Agreement)).Order());
        held.Decisions!.ShouldContain("Ja, dit is mijn plan");
        held.Decisions!.ShouldContain("Samen de rekeningen doorlopen (Mien");
        var want = await db.Set<Keukentafel.Cases.CaseAnswer>().Where(a => a.CaseId == atTable.Id && a.Question == Keukentafel.Cases.Question.Want)
            .OrderBy(a => a.WrittenAtUtc).Select(a => new { a.Text, a.WithResident }).ToListAsync(ct);
        want.Last().ShouldBe(new { Text = "Weer grip op mijn post en op mijn geld.", WithResident = true });

        // Every write at the table is a change in the resident's log, every screen a read, named as the table.
        var audit = await db.AuditEvents.Where(e => e.CaseId == atTable.Id && e.Part == AtTheTable).Select(e => e.Action).ToListAsync(ct);
        audit.Count(a => a == AuditAction.Change).ShouldBe(5, "the questions, three actions and the agreement");
        audit.Count(a => a == AuditAction.Read).ShouldBeGreaterThanOrEqualTo(8);
        AccessLog.Words(AuditAction.Read, AtTheTable).ShouldBe("bekeek uw dossier tijdens het gesprek aan tafel");
    }

    [Fact]
    public async Task What_was_typed_survives_a_dropped_connection_and_is_saved_once_it_is_back()
    {
        var c = await (await CaseDriver.SignalAsync(app, PageSession.Professional, family: "Wegvalman")).MeetingPlannedAsync();
        var page = await app.NewPageAsync();
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, PageSession.Professional);
            await page.GotoAsync($"/casussen/{c.Id}/aan-tafel/zelf");
            await page.GetByLabel("Wat gaat u doen?").FillAsync("Zelf de buurvrouw bellen als het niet gaat");

            // The connection drops as the form is sent: the browser shows its own error, nothing reached the server.
            await page.Context.SetOfflineAsync(true);
            await page.GetByRole(AriaRole.Button, new() { Name = "Zet in het plan" }).ClickAsync();
            await page.WaitForLoadStateAsync();
            await page.Context.SetOfflineAsync(false);

            // Back on the part: what was typed is there again, and says it is not saved yet.
            await page.GotoAsync($"/casussen/{c.Id}/aan-tafel/zelf");
            await page.GetByText("Wat u typte, staat er weer.").WaitForAsync();
            (await page.GetByLabel("Wat gaat u doen?").InputValueAsync()).ShouldBe("Zelf de buurvrouw bellen als het niet gaat");
            await page.ShouldBeAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Zet in het plan" }).ClickAsync();
            await page.GetByText("Dit staat in het plan.").WaitForAsync();

            // Saved: a new visit starts empty, and the plan holds it once.
            await page.GotoAsync($"/casussen/{c.Id}/aan-tafel/zelf");
            (await page.GetByLabel("Wat gaat u doen?").InputValueAsync()).ShouldBe("");
            (await page.GetByText("Wat u typte, staat er weer.").CountAsync()).ShouldBe(0);
            (await page.Locator(".kt-at-table__plan li").AllInnerTextsAsync()).Count(t => t.StartsWith("Zelf de buurvrouw bellen", StringComparison.Ordinal))
                .ShouldBe(1);
        });
    }

    [Fact]
    public async Task Lees_voor_reads_the_residents_page_in_Dutch_and_pauses_and_stops()
    {
        var page = await app.NewPageAsync();
        await page.AddInitScriptAsync("""
            window.__spoken = [];
            window.__calls = [];
            if (window.speechSynthesis) {
              speechSynthesis.getVoices = () => [{ lang: "nl-NL", localService: true, name: "Test" }];
              speechSynthesis.speak = (u) => window.__spoken.push({ text: u.text, lang: u.lang });
              speechSynthesis.pause = () => window.__calls.push("pause");
              speechSynthesis.resume = () => window.__calls.push("resume");
              speechSynthesis.cancel = () => window.__calls.push("cancel");
            }
            """);
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, PageSession.Resident);
            await page.GotoAsync("/mijn/tafel");
            var heading = await page.Locator("h1").InnerTextAsync();
            await page.ShouldBeAccessibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Lees voor" }).ClickAsync();
            var spoken = System.Text.Json.JsonSerializer.Deserialize<Spoken[]>(await page.EvaluateAsync<string>("JSON.stringify(window.__spoken)"),
                System.Text.Json.JsonSerializerOptions.Web)!;
            spoken.ShouldNotBeEmpty();
            spoken.ShouldAllBe(s => s.Lang == "nl-NL");
            spoken.Select(s => s.Text).ShouldContain(heading.Trim());
            string.Join(" ", spoken.Select(s => s.Text)).ShouldNotContain("Lees voor");

            await page.GetByRole(AriaRole.Button, new() { Name = "Pauzeer het voorlezen" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Lees verder voor" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Stop met voorlezen" }).ClickAsync();
            (await page.EvaluateAsync<string[]>("window.__calls")).ShouldBe(["cancel", "pause", "resume", "cancel"]);
            (await page.GetByRole(AriaRole.Button, new() { Name = "Stop met voorlezen" }).IsHiddenAsync()).ShouldBeTrue();
            await page.ShouldBeAccessibleAsync();
        });

        // A browser whose only Dutch voice is on a server: no button, the text stays on the device.
        var remote = await app.NewPageAsync();
        await remote.AddInitScriptAsync("""
            if (window.speechSynthesis) speechSynthesis.getVoices = () => [{ lang: "nl-NL", localService: false, name: "Online" }];
            """);
        await CaseFlowTests.SignInAsync(remote, PageSession.Resident);
        await remote.GotoAsync("/mijn/tafel");
        (await remote.GetByRole(AriaRole.Button, new() { Name = "Lees voor" }).CountAsync()).ShouldBe(0);

        // Without JavaScript the page works and offers no button that does nothing.
        var plain = await app.NewPageAsync(javaScript: false);
        await CaseFlowTests.SignInAsync(plain, PageSession.Resident);
        await plain.GotoAsync("/mijn/tafel");
        (await plain.GetByRole(AriaRole.Button, new() { Name = "Lees voor" }).CountAsync()).ShouldBe(0);
    }

    private const string AtTheTable = Keukentafel.Meetings.AtTheTablePage.AuditPart;

    private sealed record Spoken(string Text, string Lang);

    /// <summary>Tabs through the page until the element has the focus (as someone without a mouse does), then presses the key.</summary>
    private static async Task PressAsync(IPage page, ILocator target, string key)
    {
        await TabToAsync(page, target);
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>Tabs to a text field, selects what is in it, and types over it.</summary>
    private static async Task TypeAsync(IPage page, ILocator field, string text)
    {
        await TabToAsync(page, field);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(text);
    }

    private static async Task TabToAsync(IPage page, ILocator target)
    {
        var element = await target.ElementHandleAsync();
        for (var i = 0; i < 100; i++)
        {
            if (await page.EvaluateAsync<bool>("e => document.activeElement === e", element))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new ShouldAssertException($"The keyboard never reached {target}.");
    }
}
