using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>The consent register in the browser: the professional records what the resident agreed to; the resident withdraws it himself.</summary>
public sealed class ConsentFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_professional_records_a_consent_and_the_resident_withdraws_it()
    {
        var signalled = await app.SignalCaseAsync();
        var page = await app.NewPageAsync();
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, signalled.Bringer.Email);
            await page.GotoAsync($"/casussen/{signalled.CaseId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Toestemming", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Nieuwe toestemming vastleggen" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();

            // Forgetting the purpose: a message beside the field, in Dutch.
            await page.GetByLabel("Met welke organisatie mogen de gegevens worden gedeeld?").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            var organisation = (await page.GetByLabel("Met welke organisatie mogen de gegevens worden gedeeld?").Locator("option:checked").InnerTextAsync())
                .Trim();
            await page.GetByRole(AriaRole.Button, new() { Name = "Toestemming vastleggen" }).ClickAsync();
            await page.GetByText("Schrijf op waarvoor de bewoner toestemming geeft.").First.WaitForAsync();
            await page.ShouldBeAccessibleAsync();

            await page.GetByLabel("Waarvoor?").FillAsync("Meedenken over werk en dagbesteding");
            await page.GetByRole(AriaRole.Button, new() { Name = "Toestemming vastleggen" }).ClickAsync();
            await page.GetByText($"De toestemming voor {organisation} is vastgelegd.").WaitForAsync();

            // The one-time code for the resident's own pages, shown once in its box.
            await page.GetByRole(AriaRole.Button, new() { Name = "Code voor de bewoner maken" }).ClickAsync();
            await page.Locator("#invitation-code").WaitForAsync();
            await page.ShouldBeAccessibleAsync();

            // Correcting the resident's details with him: the form is accessible, a mistake is shown beside the field.
            await page.GetByRole(AriaRole.Link, new() { Name = "gegevens verbeteren" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Gegevens van de bewoner" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByLabel("Postcode").FillAsync("12");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gegevens verbeteren" }).ClickAsync();
            await page.GetByText("Een postcode is vier cijfers en twee letters").First.WaitForAsync();
            await page.ShouldBeAccessibleAsync();

            // The resident sees it on his own page and withdraws it.
            await page.Context.ClearCookiesAsync();
            await CaseFlowTests.SignInAsync(page, PageSession.Resident);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })
                .GetByRole(AriaRole.Link, new() { Name = "Wie mag mijn gegevens zien" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Wie mag mijn gegevens zien" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            var card = page.Locator(".kt-card", new() { HasText = "Meedenken over werk en dagbesteding" });
            await card.GetByRole(AriaRole.Button).ClickAsync();
            await page.GetByText("Uw toestemming is ingetrokken. Dat geldt meteen.").WaitForAsync();
            (await page.Locator(".kt-card", new() { HasText = "Meedenken over werk en dagbesteding" }).InnerTextAsync()).ShouldContain("Ingetrokken op");
        });
    }
}
