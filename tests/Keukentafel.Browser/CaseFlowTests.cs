using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>A demo professional takes a case through its whole life in the browser; every page passes axe.</summary>
public sealed class CaseFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_professional_takes_a_case_from_signal_to_closure_in_the_browser()
    {
        var page = await app.NewPageAsync();
        await page.StepsAsync(async () =>
        {
            await SignInAsync(page, PageSession.Professional);

            // Signal.
            await page.GetByRole(AriaRole.Link, new() { Name = "Casussen" }).First.ClickAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Casus aanbrengen" }).ClickAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByLabel("Wijk").SelectOptionAsync(new SelectOptionValue { Label = "Rietvelden" });
            await page.GetByLabel("Voornaam").FillAsync("Truida");
            await page.GetByLabel("Achternaam").FillAsync("Browserman");
            await page.GetByLabel("Geboortedatum").FillAsync("1948-06-30");
            await page.GetByLabel("Straat").FillAsync("Lisdoddelaan");
            await page.GetByLabel("Huisnummer").FillAsync("7");
            await page.GetByLabel("Postcode").FillAsync("9991 BR");
            await page.GetByLabel("Woonplaats").FillAsync("Heerdonk");
            await page.GetByLabel("De vraag, in de woorden van de bewoner")
                .FillAsync("Ik voel me alleen sinds mijn man er niet meer is en de rekeningen stapelen zich op.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Casus aanbrengen" }).ClickAsync();
            await page.GetByText("is aangebracht. U bent de casusaanbrenger.").WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            (await page.Locator(".kt-facts").InnerTextAsync()).ShouldContain("Nog 42 dagen");

            // The three questions.
            await page.GetByRole(AriaRole.Link, new() { Name = "Drie vragen" }).ClickAsync();
            await page.ShouldBeAccessibleAsync();
            foreach (var (question, text, domain) in new[]
            {
            ("Wat wil ik?", "Weer mensen om me heen en grip op mijn geld.", "Relaties en netwerk"),
            ("Wat kan ik zelf?", "Koken kan ik goed. Mijn buurvrouw wil helpen.", (string?)null),
            ("Wat heb ik nodig?", "Iemand die meekijkt naar de rekeningen.", "Geld en schulden"),
        })
            {
                var section = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = question }) });
                await section.GetByLabel($"Antwoord op \"{question}\"").FillAsync(text);
                if (domain is not null)
                {
                    await section.GetByLabel(domain).CheckAsync();
                }

                await section.GetByRole(AriaRole.Button).ClickAsync();
                await page.GetByText($"Het antwoord op \"{question}\" is bewaard.").WaitForAsync();
            }

            (await page.Locator(".kt-facts").InnerTextAsync()).ShouldContain("Vragen beantwoord");

            // The table: the neighbour, the MDO at home, a professional the resident agrees to.
            await page.GetByRole(AriaRole.Link, new() { Name = "Aan tafel" }).ClickAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Mien");
            await page.GetByLabel("Wie is dit voor de bewoner?").FillAsync("buurvrouw");
            await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan het netwerk" }).ClickAsync();
            await page.GetByText("De persoon is toegevoegd").WaitForAsync();
            await page.GetByLabel("Datum en tijd")
                .FillAsync(DateTime.Now.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)); // today: held below
            await page.GetByRole(AriaRole.Button, new() { Name = "MDO plannen" }).ClickAsync();
            await page.GetByText("Het MDO is gepland.").WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByLabel("Professional").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Voorstellen aan de bewoner" }).ClickAsync();
            await page.GetByText("Vraag de bewoner of hij dat goed vindt.").WaitForAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Bewoner is akkoord" }).ClickAsync();
            await page.GetByText("De bewoner is akkoord.").WaitForAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Uitnodigen" }).ClickAsync();
            await page.GetByText("De professional is uitgenodigd").WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByText("Het MDO verzetten").ClickAsync();
            await page.GetByLabel("Nieuwe datum en tijd").WaitForAsync();
            await page.ShouldBeAccessibleAsync();

            // The plan: something she does herself and her contribution.
            await page.GetByRole(AriaRole.Link, new() { Name = "Plan", Exact = true }).ClickAsync();
            await page.ShouldBeAccessibleAsync();
            await AddActionAsync(page, "Elke dinsdag samen met Mien de post doornemen", contribution: false);
            await AddActionAsync(page, "Koken voor de eetgroep in het buurthuis", contribution: true);

            // The MDO is held and the plan agreed.
            await page.GetByRole(AriaRole.Link, new() { Name = "Aan tafel" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "verslag vastleggen" }).ClickAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByLabel("Wat is er besloten?").FillAsync("Mien helpt met de post; mevrouw kookt voor de eetgroep.");
            await page.GetByLabel("Iedereen, ook de bewoner, staat achter het plan").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Verslag vastleggen" }).ClickAsync();
            await page.GetByText("Het verslag van het MDO is vastgelegd.").WaitForAsync();
            (await page.Locator(".kt-facts").InnerTextAsync()).ShouldContain("Plan afgesproken");

            // Carry out the plan: her own action now; her contribution (listed last) she gives after her solution.
            await page.GetByRole(AriaRole.Link, new() { Name = "Plan", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Gedaan" }).First.ClickAsync();
            await page.GetByText("De actie staat nu op: gedaan.").WaitForAsync();
            await page.ShouldBeAccessibleAsync();

            // Carried out: a contribution can still be added on the plan.
            await page.GetByRole(AriaRole.Link, new() { Name = "Stappen" }).ClickAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "De oplossing is uitgevoerd" }).ClickAsync();
            await page.GetByText("De oplossing is uitgevoerd.").First.WaitForAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Plan", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Bijdrage van de bewoner toevoegen" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();

            // Evaluated, and closed with her contribution ticked done in the same screen.
            await page.GetByRole(AriaRole.Link, new() { Name = "Stappen" }).ClickAsync();
            await page.GetByLabel("Hoe ging het?").FillAsync("Mevrouw heeft weer contact met buren en de rekeningen zijn op orde.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Evaluatie vastleggen" }).ClickAsync();
            await page.GetByText("De evaluatie is vastgelegd.").WaitForAsync();
            await page.GetByText("De bijdrage van de bewoner", new() { Exact = true }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByLabel("Gedaan: Koken voor de eetgroep in het buurthuis").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Casus afsluiten" }).ClickAsync();
            await page.GetByText("De casus is afgesloten.", new() { Exact = true }).WaitForAsync();
            (await page.Locator(".kt-facts").InnerTextAsync()).ShouldContain("Binnen zes weken opgelost");
            await page.ShouldBeAccessibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Geschiedenis" }).ClickAsync();
            (await page.Locator(".kt-timeline li").CountAsync()).ShouldBeGreaterThan(12);
            await page.ShouldBeAccessibleAsync();
        });
    }

    private static async Task AddActionAsync(IPage page, string what, bool contribution)
    {
        await page.GetByLabel("Wat gebeurt er?").FillAsync(what);
        await page.GetByLabel("Wie doet het?").SelectOptionAsync(new SelectOptionValue { Label = "De bewoner zelf" });
        if (contribution)
        {
            await page.GetByLabel("Dit is de bijdrage van de bewoner").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan het plan" }).ClickAsync();
        await page.GetByText(contribution ? "De bijdrage van de bewoner staat in het plan." : "De actie staat in het plan.").WaitForAsync();
    }

    internal static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(PageSession.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }
}
