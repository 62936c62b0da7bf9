using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

public sealed class SignInFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_demo_professional_signs_in_reaches_the_start_page_and_her_neighbourhood()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        page.Url.ShouldContain("/inloggen");
        await page.ShouldBeAccessibleAsync();

        await page.GetByLabel("E-mailadres").FillAsync(PageSession.Professional);
        await page.GetByLabel("Wachtwoord").FillAsync(PageSession.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Welkom, Sanne Verhoeven");
        await page.ShouldBeAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Wijk Rietvelden" }).ClickAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Wijk Rietvelden");
        (await page.Locator("table").First.Locator("tbody tr").CountAsync()).ShouldBe(12);
        await page.ShouldBeAccessibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_message_and_the_form_stays_accessible()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/inloggen");

        await page.GetByLabel("E-mailadres").FillAsync(PageSession.Professional);
        await page.GetByLabel("Wachtwoord").FillAsync("Niet-het-juiste-1!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();

        (await page.GetByRole(AriaRole.Alert).TextContentAsync())!.ShouldContain("Het e-mailadres of het wachtwoord klopt niet.");
        await page.ShouldBeAccessibleAsync();
    }

    [Fact]
    public async Task The_directory_and_security_pages_are_accessible()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(PageSession.Administrator);
        await page.GetByLabel("Wachtwoord").FillAsync(PageSession.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        foreach (var path in new[]
                 { "/wijken", "/organisaties", "/beheer/accounts", "/beheer/mail", "/account/beveiliging", "/account/authenticator", "/status/404" })
        {
            await page.GotoAsync(path);
            await page.ShouldBeAccessibleAsync();
        }
    }
}
