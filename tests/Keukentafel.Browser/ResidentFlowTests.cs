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
        var created = await bringer.PostJsonAsync("/api/v1/cases", NewCases.Body(await app.NeighbourhoodIdAsync("WK990101"), "Telefoon"),
            System.Net.HttpStatusCode.Created);
        var (id, version) = (created.Id(), created.Version());
        foreach (var question in new[] { "Want", "Can", "Need" })
        {
            version = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/answers",
                new { version, question, text = $"Antwoord op {question}", withResident = true })).Version();
        }

        var due = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await bringer.PostJsonAsync($"/api/v1/cases/{id}/actions",
            new { version, what = "Samen de post openen", carrier = "Resident", lawDomain = "Other", dueDate = due, isContribution = false });
        var code = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/resident-invitation", new { })).GetProperty("code").GetString()!;

        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync("/uitnodiging");
        await page.ShouldBeAccessibleAsync();
        await page.GetByLabel("De code").FillAsync(code);
        await page.FillDateAsync("Uw geboortedatum", "15", "3", "1951");
        await page.GetByLabel("Uw e-mailadres").FillAsync("telefoon@voorbeeld.example");
        await page.GetByLabel("Kies een wachtwoord").FillAsync("Mijn eigen tafel 2026!");
        await page.GetByLabel("Het wachtwoord nog een keer").FillAsync("Mijn eigen tafel 2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mijn inlog maken" }).ClickAsync();
        await page.GetByText("Deze geboortedatum hoort niet bij de code").First.WaitForAsync();
        await page.ShouldBeAccessibleAsync();

        await page.FillDateAsync("Uw geboortedatum", "14", "3", "1951");
        await page.GetByLabel("Kies een wachtwoord").FillAsync("Mijn eigen tafel 2026!");
        await page.GetByLabel("Het wachtwoord nog een keer").FillAsync("Mijn eigen tafel 2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mijn inlog maken" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Mijn keukentafel" }).WaitForAsync();
        var text = await page.Locator("main").InnerTextAsync();
        text.ShouldContain("Samen de post openen");
        text.ShouldContain("Nog ");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375, "no sideways scrolling on a phone");
        // The controls that open a form look like controls, not body text: a marker, the link colour, underlined.
        var controls = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('details.kt-drop > summary')].map(s => {
              const own = getComputedStyle(s), marker = getComputedStyle(s, '::before');
              const text = getComputedStyle(document.querySelector('main p') ?? document.body);
              return [marker.content === 'none' || marker.borderBottomWidth === '0px' ? 'no marker' : 'marker',
                own.color === text.color ? 'body colour' : 'own colour',
                own.textDecorationLine.includes('underline') ? 'underlined' : 'not underlined'].join(', ');
            })
            """);
        controls.ShouldNotBeEmpty();
        controls.ShouldAllBe(c => c == "marker, own colour, underlined");
        await page.ShouldBeAccessibleAsync();

        await page.GetByLabel("7", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cijfer geven" }).ClickAsync();
        await page.GetByText("U gaf een 7").WaitForAsync();
        await page.ShouldBeAccessibleAsync();
    }

    [Fact]
    public async Task With_the_keyboard_only_a_resident_signs_in_chooses_who_comes_gives_his_mark_and_sees_who_opened_his_file()
    {
        var bringerStaff = await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.HomeCare, "WK990101");
        var bringer = await app.ApiAsync(bringerStaff.Email);
        var created = await bringer.PostJsonAsync("/api/v1/cases", NewCases.Body(await app.NeighbourhoodIdAsync("WK990101"), "Toetsenbord"),
            System.Net.HttpStatusCode.Created);
        var (id, version) = (created.Id(), created.Version());
        foreach (var question in new[] { "Want", "Can", "Need" })
        {
            version = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/answers",
                new { version, question, text = $"Antwoord op {question}", withResident = true })).Version();
        }

        var meeting = await bringer.PostJsonAsync($"/api/v1/cases/{id}/meetings",
            new { version, plannedAt = DateTimeOffset.UtcNow.AddDays(3), atHome = true, place = "Bij de bewoner thuis" });
        var meetingId = meeting.Id("createdId");
        version = meeting.Version();
        var housing = await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.Housing, "WK990101");
        var mental = await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.MentalHealth, "WK990101");
        version = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/meetings/{meetingId}/participants", new { version, staffMemberId = housing.Id })).Version();
        version = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/meetings/{meetingId}/participants", new { version, staffMemberId = mental.Id })).Version();
        var due = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await bringer.PostJsonAsync($"/api/v1/cases/{id}/actions",
            new { version, what = "Samen de post openen", carrier = "Resident", lawDomain = "Other", dueDate = due, isContribution = false });
        var code = (await bringer.PostJsonAsync($"/api/v1/cases/{id}/resident-invitation", new { })).GetProperty("code").GetString()!;

        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync("/uitnodiging");

        // The skip link is the first stop, and takes him to the content.
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).ShouldBe("Naar de inhoud");

        await TypeIntoAsync(page, "#Input_Code", code);
        // Day, month and year each in a field of their own: no browser can ask the month first.
        await TypeIntoAsync(page, "#Input_DateOfBirth", "14");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("3");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("1951");
        await TypeIntoAsync(page, "#Input_Email", "toetsenbord@voorbeeld.example");
        await TypeIntoAsync(page, "#Input_Password", "ik drink graag koffie");
        await TypeIntoAsync(page, "#Input_RepeatPassword", "ik drink graag koffie");
        (await page.EvaluateAsync<string>("[...document.querySelectorAll('.kt-date input')].map(i => i.value).join(' ')")).ShouldBe("14 3 1951");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Mijn keukentafel", await page.Locator("main").InnerTextAsync());
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Samen de post openen");
        await page.ShouldBeAccessibleAsync();

        // He lets the housing professional come, and not the other one.
        await TabToAsync(page, $"button[name=agreed][value=true]");
        (await page.EvaluateAsync<string>("document.activeElement.closest('li').textContent")).ShouldContain(housing.Name);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("U wilt dat deze persoon komt.").First.WaitForAsync();
        await TabToAsync(page, $"button[name=agreed][value=false]");
        (await page.EvaluateAsync<string>("document.activeElement.closest('li').textContent")).ShouldContain(mental.Name);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("U wilt dat deze persoon niet komt.").First.WaitForAsync();
        await page.ShouldBeAccessibleAsync();

        // His mark: to the group of marks, arrows to 7, then to the button.
        await TabToAsync(page, "input[name=mark]");
        for (var i = 1; i < 7; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await TabToAsync(page, "form[action*='handler=Wellbeing'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("U gaf een 7").WaitForAsync();

        var file = (await bringer.GetJsonAsync($"/api/v1/cases/{id}")).ToString();
        file.ShouldContain("\"agreement\":\"Agreed\"");
        file.ShouldContain("\"agreement\":\"Refused\"");

        // The professional opened his file (above); he sees it in his log.
        await TabToAsync(page, "main a[href='/mijn/inzage']");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Wie keek in mijn dossier" }).WaitForAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain(bringerStaff.Name);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375,
            await page.EvaluateAsync<string>("[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 375)"
                + ".map(e => e.tagName + '.' + e.className).slice(0, 5).join(' ')"));
        await page.ShouldBeAccessibleAsync();

        // All his data: on the page, and as a PDF to keep.
        await page.GotoAsync("/mijn/gegevens");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Samen de post openen");
        await page.ShouldBeAccessibleAsync();
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download alles als PDF" }).ClickAsync());
        pdf.SuggestedFilename.ShouldBe("mijn-gegevens-keukentafel.pdf");
    }

    /// <summary>Presses Tab until the element is focused: it must be reachable by keyboard, in a sensible number of steps.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        throw new InvalidOperationException($"{selector} cannot be reached with the Tab key.");
    }

    private static async Task TypeIntoAsync(IPage page, string selector, string text)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.TypeAsync(text);
    }
}
