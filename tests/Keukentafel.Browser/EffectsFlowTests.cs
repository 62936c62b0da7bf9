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
            await page.GetByLabel("Aangebracht vanaf").FillAsync(DateTime.UtcNow.AddYears(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();

            await page.GetByRole(AriaRole.Heading, new() { Name = "Welbevinden" }).WaitForAsync();
            (await page.Locator("svg.kt-chart").CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
            (await page.GetByRole(AriaRole.Img, new() { Name = "Gemiddeld rapportcijfer per moment" }).CountAsync()).ShouldBe(1);
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
}
