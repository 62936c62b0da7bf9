using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>
/// Issue 9's walk-through: an aanjager starts a third neighbourhood and keeps its start-up; a director opens the
/// bottleneck report and the overview of all neighbourhoods; the coordinator looks at the community centre's measures.
/// </summary>
public sealed class SpreadingFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_aanjager_starts_a_third_neighbourhood_and_a_director_reads_the_bottlenecks_and_all_neighbourhoods()
    {
        var aanjager = await app.NewPageAsync();
        await CaseFlowTests.SignInAsync(aanjager, PageSession.Aanjager);
        await aanjager.GetByRole(AriaRole.Link, new() { Name = "Wijken", Exact = true }).ClickAsync();
        await aanjager.GetByRole(AriaRole.Link, new() { Name = "De aanpak starten in een nieuwe wijk" }).ClickAsync();
        await aanjager.ShouldBeAccessibleAsync();

        await aanjager.GetByLabel("Gemeente", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gemeente Heerdonk" });
        await aanjager.GetByLabel("Naam van de wijk").FillAsync("Molenhoek");
        await aanjager.GetByLabel("CBS-wijkcode").FillAsync("WK990103");
        // Without an organisation the form says so at the field, and keeps what was typed.
        await aanjager.GetByRole(AriaRole.Button, new() { Name = "Aanpak starten" }).ClickAsync();
        await aanjager.Locator("#Start_OrganisationIds-error").WaitForAsync();
        (await aanjager.GetByLabel("Naam van de wijk").InputValueAsync()).ShouldBe("Molenhoek");
        await aanjager.ShouldBeAccessibleAsync();

        await aanjager.GetByLabel("Stichting Welzijn Samen").CheckAsync();
        await aanjager.GetByLabel("Een organisatie die nog nergens meedoet (niet verplicht)").FillAsync("Buurtkracht Molenhoek");
        await aanjager.GetByLabel("Nieuwe coördinator: voornaam").FillAsync("Lotte");
        await aanjager.GetByLabel("Achternaam").FillAsync("Molenaar");
        await aanjager.GetByLabel("E-mailadres").FillAsync("lotte.molenaar@keukentafel.example");
        await aanjager.GetByRole(AriaRole.Button, new() { Name = "Aanpak starten" }).ClickAsync();
        await aanjager.GetByText("De aanpak begint in Molenhoek").WaitForAsync();
        await aanjager.ShouldBeAccessibleAsync();

        await aanjager.GetByLabel("Ambassadeur van Stichting Welzijn Samen").SelectOptionAsync(new SelectOptionValue { Label = "Sanne Verhoeven" });
        await aanjager.Locator("form[action*='handler=Ambassador'] button").First.ClickAsync();
        await aanjager.GetByText("De ambassadeur is aangewezen").WaitForAsync();
        (await aanjager.Locator("main").InnerTextAsync()).ShouldContain("Ambassadeur: Sanne Verhoeven");
        await aanjager.Locator("select[name=status]").First.SelectOptionAsync(new SelectOptionValue { Label = "Klaar" });
        await aanjager.Locator("form[action*='handler=Follow'] button").First.ClickAsync();
        await aanjager.GetByText("De stap is bijgewerkt").WaitForAsync();
        (await aanjager.Locator("main").InnerTextAsync()).ShouldContain("Stand: Klaar");
        await aanjager.ShouldBeAccessibleAsync();

        var director = await app.NewPageAsync();
        await CaseFlowTests.SignInAsync(director, PageSession.Director);
        await director.GetByRole(AriaRole.Link, new() { Name = "Knelpunten", Exact = true }).ClickAsync();
        await director.GetByRole(AriaRole.Heading, new() { Name = "Knelpunten en afwijkingen" }).WaitForAsync();
        (await director.Locator("main a[href^='/casussen/']").CountAsync()).ShouldBe(0);
        (await director.GetByRole(AriaRole.Link, new() { Name = "PDF" }).GetAttributeAsync("href"))!.ShouldContain("handler=Pdf");
        await director.ShouldBeAccessibleAsync();
        await director.GetByRole(AriaRole.Link, new() { Name = "Alle wijken", Exact = true }).ClickAsync();
        var overview = await director.Locator("main").InnerTextAsync();
        overview.ShouldContain("Rietvelden");
        overview.ShouldContain("Molenhoek");
        await director.ShouldBeAccessibleAsync();

        var coordinator = await app.NewPageAsync();
        await CaseFlowTests.SignInAsync(coordinator, PageSession.Coordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Initiatieven" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Buurthuis De Vlinder" }).ClickAsync();
        (await coordinator.Locator("tbody tr").CountAsync()).ShouldBe(52);
        await coordinator.ShouldBeAccessibleAsync();
    }
}
