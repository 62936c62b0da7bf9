using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>
/// Issue 7, done when: a professional finances a plan action through white-label allocation, a manager decides a
/// single-supplier case, and the coordinator sees this year's budget dashboard with charts.
/// </summary>
public sealed class BudgetFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_professional_finances_white_label_a_manager_decides_and_the_coordinator_reads_the_dashboard()
    {
        // A case in Rietvelden, the neighbourhood with the demo budget.
        var bringer = await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.HomeCare, "WK990101");
        var api = await app.ApiAsync(bringer.Email);
        var created = await api.PostJsonAsync("/api/v1/cases", NewCases.Body(await app.NeighbourhoodIdAsync("WK990101"), "Budgetproef"),
            System.Net.HttpStatusCode.Created);
        var signalled = (CaseId: created.Id(), Bringer: bringer);
        var version = created.Version();
        foreach (var question in new[] { "Want", "Can", "Need" })
        {
            version = (await api.PostJsonAsync($"/api/v1/cases/{signalled.CaseId}/answers",
                new { version, question, text = $"Antwoord op {question}", domains = new[] { "Health" }, withResident = true })).Version();
        }

        await api.PostJsonAsync($"/api/v1/cases/{signalled.CaseId}/meetings",
            new { version, plannedAt = DateTimeOffset.UtcNow.AddDays(3), atHome = true, place = "Bij de bewoner thuis" });

        var page = await app.NewPageAsync();
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, signalled.Bringer.Email);
            await page.GotoAsync($"/casussen/{signalled.CaseId}/plan");
            await page.GetByLabel("Wat gebeurt er?").FillAsync("Twee uur per week hulp in huis");
            await page.GetByLabel("Wie doet het?").SelectOptionAsync(new SelectOptionValue { Value = "Organisation" });
            await page.GetByLabel("Welke hulp (als een organisatie het doet)").SelectOptionAsync(new SelectOptionValue { Value = "HouseholdHelp" });
            await page.GetByLabel("Wet of domein").SelectOptionAsync(new SelectOptionValue { Value = "Wmo" });
            await page.GetByLabel("Verwachte kosten in euro (niet verplicht)").FillAsync("650");
            await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan het plan" }).ClickAsync();
            await page.GetByText("Nog toe te wijzen: huishoudelijke hulp").WaitForAsync();

            await page.GetByText("Betalen uit het wijkbudget").First.ClickAsync();
            var proposed = page.GetByRole(AriaRole.Radio, new() { Name = "(voorstel)" });
            (await proposed.IsCheckedAsync()).ShouldBeTrue();
            var organisation = (await proposed.GetAttributeAsync("id"))!;
            var name = (await page.Locator($"label[for='{organisation}']").InnerTextAsync()).Split(':')[0];
            await page.ShouldBeAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen in het wijkbudget" }).ClickAsync();
            await page.GetByText($"is vastgelegd in het wijkbudget, bij {name}").WaitForAsync();
            (await page.GetByText("650,00 vastgelegd").CountAsync()).ShouldBe(1);

            // Delivered for less, then a credit note: the correction form is accessible, a mistake shown beside it.
            await page.GetByText("Geleverd: werkelijke kosten invullen").First.ClickAsync();
            await page.GetByLabel("Werkelijke kosten in euro").FillAsync("600");
            await page.GetByRole(AriaRole.Button, new() { Name = "Besteed vastleggen" }).ClickAsync();
            await page.GetByText("is besteed uit het wijkbudget.").WaitForAsync();
            await page.GetByText("Besteed bedrag corrigeren").First.ClickAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Correctie vastleggen" }).ClickAsync();
            await page.GetByText("Vul een bedrag in euro's in").First.WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByLabel("Correctie in euro").FillAsync("-60,00");
            await page.GetByLabel("Waarom?").FillAsync("Creditnota: een bezoek minder");
            await page.GetByRole(AriaRole.Button, new() { Name = "Correctie vastleggen" }).ClickAsync();
            await page.GetByText("is vastgelegd in het wijkbudget.").WaitForAsync();
            (await page.GetByText("540,00 besteed").CountAsync()).ShouldBe(1);
        });

        var manager = await app.NewPageAsync();
        await manager.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(manager, PageSession.Manager);
            await manager.GetByRole(AriaRole.Link, new() { Name = "Besluiten wijkbudget" }).ClickAsync();
            await manager.GetByRole(AriaRole.Heading, new() { Name = "Besluiten over het wijkbudget" }).WaitForAsync();
            await manager.ShouldBeAccessibleAsync();
            await manager.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).First.ClickAsync();
            await manager.GetByText("Kies een besluit.").First.WaitForAsync();
            await manager.ShouldBeAccessibleAsync();
            await manager.GetByLabel("Ruimte overnemen van een andere organisatie").First.CheckAsync();
            var from = manager.GetByLabel("Van welke organisatie (alleen bij ruimte overnemen)").First;
            await from.SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await manager.GetByLabel("Waarom besluit u dit?")
                .First.FillAsync("Alleen wij bieden maatschappelijk werk in de wijk; De Beweging heeft ruimte over.");
            await manager.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).First.ClickAsync();
            await manager.GetByText("Gevraagd: een manager van de andere organisatie beslist").WaitForAsync();
            (await manager.GetByText("Wacht op akkoord van").CountAsync()).ShouldBeGreaterThan(0);
            await manager.ShouldBeAccessibleAsync();
        });

        var coordinator = await app.NewPageAsync();
        await coordinator.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(coordinator, PageSession.Coordinator);
            await coordinator.GetByRole(AriaRole.Link, new() { Name = "Wijkbudget" }).ClickAsync();
            await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Prognose" }).WaitForAsync();
            (await coordinator.Locator("figure.kt-chart").CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
            (await coordinator.GetByText("Twee uur per week hulp in huis").CountAsync()).ShouldBe(1);
            await coordinator.ShouldBeAccessibleAsync();
            var excel = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByRole(AriaRole.Link, new() { Name = "Excel (XLSX)" }).ClickAsync());
            excel.SuggestedFilename.ShouldEndWith(".xlsx");
            await coordinator.GetByRole(AriaRole.Link, new() { Name = "Bijdragen en ruimte beheren" }).ClickAsync();
            await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Ruimte per organisatie" }).WaitForAsync();
            await coordinator.ShouldBeAccessibleAsync();
        });
    }
}
