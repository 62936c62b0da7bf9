using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

public sealed class PasskeyFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_coordinator_adds_a_passkey_and_then_signs_in_with_it_without_a_password()
    {
        var page = await app.NewPageAsync();
        // Chromium's virtual authenticator stands in for the phone or fingerprint reader.
        var devtools = await page.Context.NewCDPSessionAsync(page);
        await devtools.SendAsync("WebAuthn.enable");
        await devtools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        await page.StepsAsync(async () =>
        {
            await page.GotoAsync("/inloggen");
            await page.GetByLabel("E-mailadres").FillAsync(PageSession.Coordinator);
            await page.GetByLabel("Wachtwoord").FillAsync(PageSession.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

            await page.GotoAsync("/account/passkeys");
            await page.ShouldBeAccessibleAsync();
            await page.GetByLabel("Naam van de passkey").FillAsync("Laptop");
            await page.GetByRole(AriaRole.Button, new() { Name = "Passkey toevoegen" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).Query.Contains("toegevoegd", StringComparison.Ordinal)
                || new Uri(url).Query.Contains("handler", StringComparison.Ordinal));
            var added = await page.Locator("main").InnerTextAsync();
            added.ShouldContain("De passkey is toegevoegd.", customMessage: added);
            (await page.Locator(".kt-passkey").TextContentAsync())!.ShouldContain("Laptop");
            await page.ShouldBeAccessibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/inloggen");
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen met een passkey" }).ClickAsync();

            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            (await page.Locator("h1").TextContentAsync()).ShouldBe("Welkom, Ilse Dekkers");
        });
    }

    [Fact]
    public async Task Without_an_authenticator_the_passkey_sign_in_says_so_and_the_password_form_stays()
    {
        var page = await app.NewPageAsync();
        var devtools = await page.Context.NewCDPSessionAsync(page);
        await devtools.SendAsync("WebAuthn.enable");
        await devtools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            // An authenticator that holds no passkey for this site: the browser must refuse.
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        await page.GotoAsync("/inloggen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen met een passkey" }).ClickAsync();

        await page.GetByText("Inloggen met een passkey lukte niet.").WaitForAsync();
        page.Url.ShouldEndWith("/inloggen");
        await page.ShouldBeAccessibleAsync();
    }
}
