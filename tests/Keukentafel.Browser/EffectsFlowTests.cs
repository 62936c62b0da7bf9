using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>Issue 6, done when: the coordinator reads the effect report, opens a case's analysis, downloads the report.</summary>
public sealed class EffectsFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_coordinator_reads_the_effect_report_drills_into_an_analysis_and_downloads_the_report()
    {
        var page = await app.NewPageAsync();
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, PageSession.Coordinator);
            await page.GetByRole(AriaRole.Link, new() { Name = "Effecten" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Effecten van de aanpak" }).WaitForAsync();
            await page.GetByLabel("Vanaf", new() { Exact = true })
                .FillAsync(DateTime.UtcNow.AddYears(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();

            await page.GetByRole(AriaRole.Heading, new() { Name = "Welbevinden" }).WaitForAsync();
            (await page.Locator("figure.kt-chart").CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
            (await page.GetByRole(AriaRole.Figure, new() { Name = "Gemiddeld rapportcijfer per moment" }).CountAsync()).ShouldBe(1);
            (await page.Locator("table").First.InnerTextAsync()).ShouldContain("Nameting");
            await page.ShouldBeAccessibleAsync();

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDF" }).ClickAsync());
            download.SuggestedFilename.ShouldEndWith(".pdf");
            var excel = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Excel" }).ClickAsync());
            excel.SuggestedFilename.ShouldEndWith(".xlsx");

            var number = await page.Locator("section[aria-labelledby=cases] a").First.InnerTextAsync();
            await page.Locator("section[aria-labelledby=cases] a").First.ClickAsync();
            await page.GetByLabel("Waarom opent u dit dossier?").FillAsync("Controle van de kostenanalyse voor de effectrapportage aan de financiers.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Dossier openen" }).ClickAsync();

            await page.GetByRole(AriaRole.Heading, new() { Name = "Kostenanalyse" }).WaitForAsync();
            (await page.Locator(".kt-case-header").InnerTextAsync()).ShouldContain(number);
            (await page.GetByText("Gecontroleerd en vastgezet door").CountAsync()).ShouldBeGreaterThan(0);
            (await page.GetByRole(AriaRole.Img, new() { Name = "Kosten opgeteld per maand" }).CountAsync()).ShouldBe(1);
            await page.ShouldBeAccessibleAsync();
        });
    }

    [Fact]
    public async Task The_professional_records_a_mark_and_writes_a_cost_analysis_with_accessible_forms()
    {
        var signalled = await app.SignalCaseAsync();
        var page = await app.NewPageAsync();
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, signalled.Bringer.Email);
            await page.GotoAsync($"/casussen/{signalled.CaseId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Welbevinden", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Meting vastleggen" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByLabel("Rapportcijfer dat de bewoner zichzelf geeft").FillAsync("11");
            await page.GetByRole(AriaRole.Button, new() { Name = "Meting vastleggen" }).ClickAsync();
            await page.GetByText("rapportcijfer van 1 tot en met 10").First.WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByLabel("Rapportcijfer dat de bewoner zichzelf geeft").FillAsync("3,5");
            await page.GetByRole(AriaRole.Button, new() { Name = "Meting vastleggen" }).ClickAsync();
            await page.GetByText("is vastgelegd").WaitForAsync();
            (await page.Locator("section[aria-labelledby=marks]").InnerTextAsync()).ShouldContain("3,5");

            await page.GetByRole(AriaRole.Link, new() { Name = "Kosten", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Kostenanalyse beginnen" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByLabel("Aannames").FillAsync("Zonder hulp liep de huurachterstand op tot een ontruiming.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Kostenanalyse beginnen" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Regel toevoegen" }).WaitForAsync();
            await page.GetByLabel("Wat", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "huisuitzetting" });
            await page.GetByLabel("Aantal").FillAsync("1");
            await page.GetByLabel("Kans in procent").FillAsync("40");
            await page.GetByLabel("Vanaf maand").FillAsync("6");
            await page.GetByLabel("Tot en met maand").FillAsync("6");
            await page.GetByRole(AriaRole.Button, new() { Name = "Regel toevoegen" }).ClickAsync();
            await page.GetByText("De regel is toegevoegd.").WaitForAsync();
            (await page.Locator("#lines-Without").Locator("..").InnerTextAsync()).ShouldContain("Huisuitzetting");
            (await page.GetByRole(AriaRole.Img, new() { Name = "Kosten opgeteld per maand" }).CountAsync()).ShouldBe(1);
            await page.ShouldBeAccessibleAsync();
        });
    }

    [Fact]
    public async Task The_coordinator_s_prices_measuring_and_budget_pages_are_accessible()
    {
        var rietvelden = await app.NeighbourhoodIdAsync("WK990101");
        var page = await app.NewPageAsync();
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, PageSession.Coordinator);
            await page.GotoAsync($"/wijken/{rietvelden}/prijzen");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Eigen prijs vastleggen" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Prijs vastleggen" }).ClickAsync();
            await page.GetByText("Geef de bron van deze prijs").First.WaitForAsync();
            await page.ShouldBeAccessibleAsync();

            await page.GotoAsync($"/wijken/{rietvelden}/meten");
            await page.GetByLabel("Nameting, aantal maanden na het afsluiten").WaitForAsync();
            await page.ShouldBeAccessibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Wijkbudget" }).ClickAsync();
            await page.GetByRole(AriaRole.Table).First.WaitForAsync();
            await page.ShouldBeAccessibleAsync();
        });
    }
}
