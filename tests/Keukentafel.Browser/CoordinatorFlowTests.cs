using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>The coordinator's overview has no names; opening a file he is not on asks for a reason first.</summary>
public sealed class CoordinatorFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_coordinator_opens_a_case_of_his_neighbourhood_after_writing_down_why()
    {
        var page = await app.NewPageAsync();
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, PageSession.Coordinator);
            await page.GetByRole(AriaRole.Link, new() { Name = "Casussen in de wijk" }).ClickAsync();
            await page.ShouldBeAccessibleAsync();
            var number = await page.Locator("table tbody tr a").First.InnerTextAsync();
            await page.Locator("table tbody tr a").First.ClickAsync();

            await page.GetByRole(AriaRole.Heading, new() { Name = "Reden om het dossier te openen" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByLabel("Waarom opent u dit dossier?").FillAsync("De casusaanbrenger is ziek en de bewoner belde met een vraag.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Dossier openen" }).ClickAsync();

            await page.GetByRole(AriaRole.Heading, new() { Name = "Overzicht" }).WaitForAsync();
            (await page.Locator(".kt-case-header").InnerTextAsync()).ShouldContain(number);
            await page.ShouldBeAccessibleAsync();
        });
    }
}
