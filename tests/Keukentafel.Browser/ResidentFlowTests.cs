using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>Issue 10 so far, on a phone-sized screen: a resident turns his code into a sign-in and reads his kitchen table.</summary>
public sealed class ResidentFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_resident_signs_in_from_his_invitation_on_a_phone_and_reads_his_kitchen_table()
    {
        var bringer = await app.ApiAsync((await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.HomeCare, "WK990101")).Email);
        var created = await bringer.PostJsonAsync("/api/cases", NewCases.Body(await app.NeighbourhoodIdAsync("WK990101"), "Telefoon"), System.Net.HttpStatusCode.Created);
        var (id, version) = (created.Id(), created.Version());
        foreach (var question in new[] { "Want", "Can", "Need" })
        {
            version = (await bringer.PostJsonAsync($"/api/cases/{id}/answers", new { version, question, text = $"Antwoord op {question}", withResident = true })).Version();
        }

        var due = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await bringer.PostJsonAsync($"/api/cases/{id}/actions", new { version, what = "Samen de post openen", carrier = "Resident", lawDomain = "Other", dueDate = due, isContribution = false });
        var code = (await bringer.PostJsonAsync($"/api/cases/{id}/resident-invitation", new { })).GetProperty("code").GetString()!;

        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync("/uitnodiging");
        await page.ShouldBeAccessibleAsync();
        await page.GetByLabel("De code").FillAsync(code);
        await page.GetByLabel("Uw geboortedatum").FillAsync("1951-03-15");
        await page.GetByLabel("Uw e-mailadres").FillAsync("telefoon@voorbeeld.example");
        await page.GetByLabel("Kies een wachtwoord").FillAsync("Mijn eigen tafel 2026!");
        await page.GetByLabel("Het wachtwoord nog een keer").FillAsync("Mijn eigen tafel 2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mijn inlog maken" }).ClickAsync();
        await page.GetByText("Deze geboortedatum hoort niet bij de code").First.WaitForAsync();
        await page.ShouldBeAccessibleAsync();

        await page.GetByLabel("Uw geboortedatum").FillAsync("1951-03-14");
        await page.GetByLabel("Kies een wachtwoord").FillAsync("Mijn eigen tafel 2026!");
        await page.GetByLabel("Het wachtwoord nog een keer").FillAsync("Mijn eigen tafel 2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mijn inlog maken" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Mijn keukentafel" }).WaitForAsync();
        var text = await page.Locator("main").InnerTextAsync();
        text.ShouldContain("Samen de post openen");
        text.ShouldContain("Nog ");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375, "no sideways scrolling on a phone");
        await page.ShouldBeAccessibleAsync();

        await page.GetByLabel("7", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cijfer geven" }).ClickAsync();
        await page.GetByText("U gaf een 7").WaitForAsync();
        await page.ShouldBeAccessibleAsync();
    }
}
