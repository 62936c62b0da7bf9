using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>
/// Issue 10, parts 4 and 6, on a phone-sized screen and without JavaScript: the resident lets his daughter look along,
/// she does so with his code, he sees it, reads his pages in English, and stops it; from then on she sees nothing.
/// </summary>
public sealed class TrustedPersonFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Without_JavaScript_a_resident_lets_his_daughter_look_along_reads_in_English_and_stops_it()
    {
        var bringer = await app.ApiAsync((await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.HomeCare, "WK990101")).Email);
        var created = await bringer.PostJsonAsync("/api/v1/cases", NewCases.Body(await app.NeighbourhoodIdAsync("WK990101"), "Zonderscript"),
            System.Net.HttpStatusCode.Created);
        var code = (await bringer.PostJsonAsync($"/api/v1/cases/{created.Id()}/resident-invitation", new { })).GetProperty("code").GetString()!;

        var resident = await app.NewPageAsync(javaScript: false);
        await resident.SetViewportSizeAsync(375, 812);
        await resident.GotoAsync("/uitnodiging");
        await resident.GetByLabel("De code").FillAsync(code);
        await resident.FillDateAsync("Uw geboortedatum", "14", "3", "1951");
        await resident.GetByLabel("Uw e-mailadres").FillAsync("zonderscript@voorbeeld.example");
        await resident.GetByLabel("Kies een wachtwoord").FillAsync("ik drink graag koffie");
        await resident.GetByLabel("Het wachtwoord nog een keer").FillAsync("ik drink graag koffie");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Mijn inlog maken" }).ClickAsync();
        await resident.GetByRole(AriaRole.Heading, new() { Name = "Mijn keukentafel" }).WaitForAsync();

        await resident.GetByRole(AriaRole.Link, new() { Name = "Wie kijkt met mij mee" }).First.ClickAsync();
        await resident.GetByLabel("Naam", new() { Exact = true }).FillAsync("Lotte Zonderscript");
        await resident.GetByLabel("Wie is dit voor u?").FillAsync("mijn dochter");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Code maken" }).ClickAsync();
        await resident.GetByText("Zet een vinkje als u dit goed vindt.").First.WaitForAsync();
        await resident.GetByLabel("Ik vind het goed").CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Code maken" }).ClickAsync();
        var daughterCode = (await resident.Locator(".kt-code strong").InnerTextAsync()).Trim();

        var daughter = await app.NewPageAsync(javaScript: false);
        await daughter.SetViewportSizeAsync(375, 812);
        await daughter.GotoAsync("/meekijken");
        await daughter.GetByLabel("De code").FillAsync(daughterCode);
        await daughter.GetByLabel("Uw e-mailadres").FillAsync("lotte.zonderscript@voorbeeld.example");
        await daughter.GetByLabel("Kies een wachtwoord").FillAsync("ik help mijn vader graag");
        await daughter.GetByLabel("Het wachtwoord nog een keer").FillAsync("ik help mijn vader graag");
        await daughter.GetByRole(AriaRole.Button, new() { Name = "Meekijken" }).ClickAsync();
        await daughter.GetByText("U kijkt mee met").First.WaitForAsync();
        var along = daughter.Url;
        (await daughter.Locator("main").InnerTextAsync()).ShouldContain("Mijn vragen");

        // He sees that she looked, and reads it in English when he wants.
        await resident.GotoAsync("/mijn/inzage");
        (await resident.Locator("main").InnerTextAsync()).ShouldContain("Lotte Zonderscript");
        await resident.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await resident.GetByRole(AriaRole.Heading, new() { Name = "Who looked at my file" }).WaitForAsync();
        (await resident.Locator("main").InnerTextAsync()).ShouldContain("looks along with you");
        (await resident.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375, "no sideways scrolling on a phone");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Nederlands" }).ClickAsync();
        await resident.GetByRole(AriaRole.Heading, new() { Name = "Wie keek in mijn dossier" }).WaitForAsync();

        // He stops it: her next look is refused.
        await resident.GotoAsync("/mijn/meekijken");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Meekijken stoppen" }).ClickAsync();
        await resident.GetByText("Het meekijken is gestopt.").First.WaitForAsync();
        var refused = await daughter.GotoAsync(along);
        refused!.Status.ShouldBe(404);

        // The pages of both, with JavaScript on, pass axe.
        var checkedPage = await app.NewPageAsync();
        await checkedPage.SetViewportSizeAsync(375, 812);
        await checkedPage.GotoAsync("/meekijken");
        await checkedPage.ShouldBeAccessibleAsync();
        await checkedPage.GotoAsync("/inloggen");
        await checkedPage.GetByLabel("E-mailadres of inlognaam").FillAsync("zonderscript@voorbeeld.example");
        await checkedPage.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync("ik drink graag koffie");
        await checkedPage.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await checkedPage.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await checkedPage.GotoAsync("/mijn/meekijken");
        (await checkedPage.Locator("main").InnerTextAsync()).ShouldContain("Gestopt op");
        await checkedPage.ShouldBeAccessibleAsync();
    }
}
