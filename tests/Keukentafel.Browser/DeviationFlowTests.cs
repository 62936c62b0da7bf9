using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>A professional puts a deviation to her manager; he backs it on his own page, without seeing the file.</summary>
public sealed class DeviationFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_manager_backs_the_deviation_his_professional_put_to_him()
    {
        var professional = await app.NewPageAsync();
        await CaseFlowTests.SignInAsync(professional, PageSession.Professional);
        await professional.GotoAsync("/casussen");
        await professional.Locator("table a").First.ClickAsync();
        await professional.GetByRole(AriaRole.Link, new() { Name = "Afwijkingen en knelpunten" }).ClickAsync();
        await professional.ShouldBeAccessibleAsync();
        await professional.GetByLabel("Van welke regel, welk protocol of welke indicatie wijkt u af?").FillAsync("Wachttijd voor schuldhulp");
        await professional.GetByLabel("Waarom wijkt u af?").FillAsync("De deurwaarder staat volgende week voor de deur.");
        await professional.GetByLabel("Wat had de regel anders gekost of veroorzaakt?").FillAsync("Een ontruiming.");
        await professional.GetByLabel("Kosten als de regel was gevolgd, in euro (niet verplicht)").FillAsync("6500");
        await professional.GetByLabel("Welke manager steunt u?").SelectOptionAsync(new SelectOptionValue { Label = "Marco Peeters, Stichting Welzijn Samen" });
        await professional.GetByRole(AriaRole.Button, new() { Name = "Afwijking vastleggen" }).ClickAsync();
        await professional.GetByText("De afwijking is vastgelegd").WaitForAsync();
        (await professional.Locator("main").InnerTextAsync()).ShouldContain("Wacht op de steun van Marco Peeters.");

        var manager = await app.NewPageAsync();
        await CaseFlowTests.SignInAsync(manager, PageSession.Manager);
        // His start page says what waits for him and leads there.
        var start = await manager.Locator("main").InnerTextAsync();
        System.Text.RegularExpressions.Regex.IsMatch(start, @"\d+ afwijking(en)? wacht(en)? op uw steun")
            .ShouldBeTrue($"his start page counts what waits for him: {start}");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Afwijkingen om te steunen" }).ClickAsync();
        await manager.ShouldBeAccessibleAsync();
        var card = manager.Locator(".kt-card").Filter(new() { HasText = "Wachttijd voor schuldhulp" });
        (await card.InnerTextAsync()).ShouldContain("6.500");
        await card.GetByRole(AriaRole.Button, new() { Name = "Ik steun deze afwijking" }).ClickAsync();
        await manager.GetByText("U steunt de afwijking.").WaitForAsync();
        await manager.ShouldBeAccessibleAsync();

        await professional.ReloadAsync();
        (await professional.Locator("main").InnerTextAsync()).ShouldContain("Marco Peeters steunt dit sinds");
    }
}
