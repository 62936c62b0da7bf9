using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>The resident finds who looked at his file and takes the list home; the professional shows it on his behalf.</summary>
public sealed class AccessLogFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_resident_sees_who_looked_and_downloads_the_list()
    {
        var signalled = await app.SignalCaseAsync();
        var page = await app.NewPageAsync();
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, PageSession.Resident);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })
                .GetByRole(AriaRole.Link, new() { Name = "Wie keek in mijn dossier" }).ClickAsync();

            await page.GetByRole(AriaRole.Heading, new() { Name = "Wie keek in mijn dossier" }).WaitForAsync();
            (await page.Locator("tbody").InnerTextAsync()).ShouldContain(signalled.Bringer.Name);
            await page.ShouldBeAccessibleAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download als PDF" }).ClickAsync());
            download.SuggestedFilename.ShouldBe("wie-keek-in-mijn-dossier.pdf");

            // Everything about him, to read and to take along.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })
                .GetByRole(AriaRole.Link, new() { Name = "Mijn gegevens", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Over u" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            var json = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "Download alles als bestand voor een ander programma" }).ClickAsync());
            json.SuggestedFilename.ShouldBe("mijn-gegevens-keukentafel.json");
        });
    }

    [Fact]
    public async Task The_professional_shows_the_resident_who_looked_at_his_case()
    {
        var signalled = await app.SignalCaseAsync();
        var page = await app.NewPageAsync();
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, signalled.Bringer.Email);
            await page.GotoAsync($"/casussen/{signalled.CaseId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Wie keek erin" }).ClickAsync();

            await page.GetByRole(AriaRole.Heading, new() { Name = "Wie keek in dit dossier" }).WaitForAsync();
            (await page.Locator("tbody").InnerTextAsync()).ShouldContain("meldde uw hulpvraag aan");
            await page.ShouldBeAccessibleAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download als CSV" }).ClickAsync());
            download.SuggestedFilename.ShouldBe("wie-keek-in-dit-dossier.csv");
        });
    }
}
