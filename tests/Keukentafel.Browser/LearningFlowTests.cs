using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>The coordinator prepares a learning session from the proposed agenda and records a lesson; a director reads counts.</summary>
public sealed class LearningFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_coordinator_plans_a_learning_session_records_a_lesson_and_a_director_sees_only_counts()
    {
        var coordinator = await app.NewPageAsync();
        await CaseFlowTests.SignInAsync(coordinator, PageSession.Coordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Leersessies" }).ClickAsync();
        await coordinator.ShouldBeAccessibleAsync();

        // Without participants the form says so at the field.
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Leersessie plannen" }).ClickAsync();
        await coordinator.GetByText("Noem wie er meedoen").First.WaitForAsync();
        await coordinator.ShouldBeAccessibleAsync();

        await coordinator.GetByLabel("Wie doen er mee").FillAsync("Sanne Verhoeven\nMarco Peeters");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Leersessie plannen" }).ClickAsync();
        await coordinator.GetByText("De leersessie staat gepland").WaitForAsync();
        (await coordinator.Locator("main").InnerTextAsync()).ShouldContain("Voorgestelde agenda");
        await coordinator.ShouldBeAccessibleAsync();

        await coordinator.GetByLabel("Wat voor les").SelectOptionAsync(new SelectOptionValue { Label = "Wat we vragen aan managers en bestuurders" });
        await coordinator.GetByLabel("De les").FillAsync("Eén aanspreekpunt bij de woningcorporatie");
        await coordinator.GetByLabel("Wie pakt het op").FillAsync("Marco Peeters");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Les vastleggen" }).ClickAsync();
        await coordinator.GetByText("De les is vastgelegd").WaitForAsync();
        (await coordinator.Locator("main").InnerTextAsync()).ShouldContain("Eén aanspreekpunt bij de woningcorporatie");
        await coordinator.GetByLabel("Verslag van de leersessie").FillAsync("Besproken: de wachttijden. Casussen bij nummer genoemd.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Verslag bewaren" }).ClickAsync();
        await coordinator.GetByText("Het verslag is bewaard").WaitForAsync();
        await coordinator.ShouldBeAccessibleAsync();
        var session = coordinator.Url;

        var director = await app.NewPageAsync();
        await CaseFlowTests.SignInAsync(director, PageSession.Director);
        await director.GotoAsync(session);
        (await director.Locator("main").InnerTextAsync()).ShouldContain("U ziet aantallen, geen casussen");
        (await director.Locator("main a[href^='/casussen/']").CountAsync()).ShouldBe(0);
        await director.ShouldBeAccessibleAsync();
    }
}
