using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>
/// On a phone (375 x 812) each person sees his work first: the menu folds into a button that works without
/// JavaScript, a case's parts fold into one button, and the resident's start page and kitchen table open on what waits
/// for him (his yes or no to the people proposed for his meeting). From 64em on everything stands open as before.
/// </summary>
public sealed class PhoneFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int Width = 375;
    private const int Height = 812;

    [Fact]
    public async Task The_resident_sees_what_waits_for_him_at_the_top_and_the_menu_behind_a_button()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(Width, Height);
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, PageSession.Resident);
            await HeadingInTopThirdAsync(page);
            var waiting = page.GetByRole(AriaRole.Heading, new() { Name = "U moet nog iets beslissen" });
            (await BottomAsync(waiting)).ShouldBeLessThan(Height, "what waits for him is on the first screen of his start page");
            var menuData = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })
                .GetByRole(AriaRole.Link, new() { Name = "Mijn gegevens", Exact = true });
            (await menuData.IsVisibleAsync()).ShouldBeFalse("the menu is folded");
            await page.ShouldBeAccessibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Nu beslissen" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/mijn/tafel");
            await HeadingInTopThirdAsync(page);
            var yes = page.GetByRole(AriaRole.Button, new() { Name = "Ja, mag komen" }).First;
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            (await BottomAsync(yes)).ShouldBeLessThan(Height, "his first yes or no is on the first screen of his kitchen table");
            await page.ShouldBeAccessibleAsync();

            var six = (await page.Locator("label[for='mark-6']").BoundingBoxAsync())!;
            var ten = (await page.Locator("label[for='mark-10']").BoundingBoxAsync())!;
            ((double)ten.Y).ShouldBe(six.Y, 1, "the marks 6 to 10 share a row: 10 is never alone on a line");

            var pending = await page.GetByRole(AriaRole.Button, new() { Name = "Ja, mag komen" }).CountAsync();
            await yes.ClickAsync();
            await page.GetByRole(AriaRole.Status).First.WaitForAsync();
            (await page.GetByRole(AriaRole.Button, new() { Name = "Ja, mag komen" }).CountAsync()).ShouldBe(pending - 1);

            await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
            await menuData.ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/mijn/gegevens");
            await HeadingInTopThirdAsync(page);
            await NoSidewaysScrollAsync(page);
        });
    }

    [Fact]
    public async Task The_menu_opens_without_JavaScript_and_stands_open_on_a_wide_screen()
    {
        var phone = await app.NewPageAsync(javaScript: false);
        await phone.SetViewportSizeAsync(Width, Height);
        await phone.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(phone, PageSession.Professional);
            var cases = phone.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Casussen" });
            (await cases.IsVisibleAsync()).ShouldBeFalse("folded on a phone");
            await phone.GetByText("Menu", new() { Exact = true }).ClickAsync();
            await cases.ClickAsync();
            await phone.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/casussen");
            await HeadingInTopThirdAsync(phone);
        });

        var wide = await app.NewPageAsync();
        await wide.SetViewportSizeAsync(1280, 900);
        await wide.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(wide, PageSession.Coordinator);
            (await wide.GetByText("Menu", new() { Exact = true }).IsVisibleAsync()).ShouldBeFalse("no button on a wide screen");
            var links = wide.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link);
            var tops = new HashSet<double>();
            foreach (var link in await links.AllAsync())
            {
                (await link.IsVisibleAsync()).ShouldBeTrue();
                tops.Add(Math.Round((await link.BoundingBoxAsync())!.Y));
            }

            tops.Count.ShouldBe(1, "the coordinator's menu fits one row at 1280 px");
            await wide.ShouldBeAccessibleAsync();
        });
    }

    [Fact]
    public async Task A_case_page_on_a_phone_folds_its_parts_into_one_button_and_names_the_case_in_its_title()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(Width, Height);
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, PageSession.Professional);
            await page.GotoAsync("/casussen");
            await page.Locator("tbody a").First.ClickAsync();
            await HeadingInTopThirdAsync(page);
            var parts = page.GetByRole(AriaRole.Navigation, new() { Name = "Onderdelen van de casus" });
            (await parts.GetByRole(AriaRole.Link, new() { Name = "Plan" }).IsVisibleAsync()).ShouldBeFalse("the parts are folded");
            await parts.GetByText("Onderdeel:").ClickAsync();
            await parts.GetByRole(AriaRole.Link, new() { Name = "Plan" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/plan", StringComparison.Ordinal));
            (await parts.Locator("summary").InnerTextAsync()).ShouldContain("Plan");
            var number = (await page.Locator(".kt-case-header .kt-muted").InnerTextAsync()).Split(' ')[1];
            (await page.TitleAsync()).ShouldBe($"Het plan - casus {number} - Keukentafel");
            await HeadingInTopThirdAsync(page);
            await NoSidewaysScrollAsync(page);
            await page.ShouldBeAccessibleAsync();
        });
    }

    [Fact]
    public async Task My_cases_are_cards_on_a_phone_with_the_six_weeks_in_view()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(Width, Height);
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, PageSession.Professional);
            await page.GotoAsync("/casussen");
            await HeadingInTopThirdAsync(page);
            var row = page.Locator("tbody tr").First;
            var box = await row.BoundingBoxAsync();
            box.ShouldNotBeNull();
            ((double)box.X + box.Width).ShouldBeLessThanOrEqualTo(Width, "the whole card is on the screen");
            var sixWeeks = row.Locator("td[data-label='Zes weken']");
            ((double)(await sixWeeks.BoundingBoxAsync())!.Width).ShouldBeGreaterThan(Width / 2.0, "the six weeks are readable, not cut to a sliver");
            (await sixWeeks.InnerTextAsync()).ShouldMatch(@"(dagen|dag|vandaag|laat|op tijd)");
            await NoSidewaysScrollAsync(page);
            await page.ShouldBeAccessibleAsync();

            await CaseFlowTests.SignInAsync(page, PageSession.Coordinator);
            await page.GotoAsync("/casussen/wijk");
            await NoSidewaysScrollAsync(page);
            await page.ShouldBeAccessibleAsync();
        });
    }

    [Theory]
    [InlineData(PageSession.Manager, "Wacht op u")]
    [InlineData(PageSession.Coordinator, "In uw wijken")]
    [InlineData(PageSession.Professional, "Uw werk")]
    public async Task Each_start_page_opens_on_the_persons_work_on_the_first_screen(string email, string work)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(Width, Height);
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, email);
            await HeadingInTopThirdAsync(page);
            var heading = page.GetByRole(AriaRole.Heading, new() { Name = work, Exact = true });
            (await BottomAsync(heading)).ShouldBeLessThan(Height, "his work starts on the first screen");
            (await page.GetByRole(AriaRole.Heading, new() { Name = "Leren", Exact = true }).CountAsync()).ShouldBe(1, "the next learning session");
            await NoSidewaysScrollAsync(page);
            await page.ShouldBeAccessibleAsync();
        });
    }

    [Fact]
    public async Task The_learning_sessions_open_where_there_is_something_to_see()
    {
        // Sanne works in Kloosterkamp (most of her cases, no sessions yet) and Rietvelden (the sessions).
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(Width, Height);
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, PageSession.Professional);
            await page.GotoAsync("/leersessies");
            (await page.GetByRole(AriaRole.Heading, new() { Name = "Leersessies in Rietvelden" }).CountAsync()).ShouldBe(1);
            (await page.Locator("main li a[href^='/leersessies/']").CountAsync()).ShouldBeGreaterThan(0, "the page opens on sessions, not on an empty list");
            await NoSidewaysScrollAsync(page);
            await page.ShouldBeAccessibleAsync();
        });
    }

    [Fact]
    public async Task The_dashboards_never_show_hidden_as_zero_and_say_why_a_figure_is_missing()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(Width, Height);
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, PageSession.Director);
            await page.GotoAsync("/knelpunten");
            (await page.Locator("select#wijk option:checked").InnerTextAsync()).ShouldBe("Rietvelden", "opens on the neighbourhood with results");
            foreach (var total in await page.Locator("main dd").AllInnerTextsAsync())
            {
                total.Trim().ShouldNotBe("0", "a total hidden for fewer than five residents is not shown as 0");
            }

            await page.ShouldBeAccessibleAsync();

            await page.GotoAsync("/gemeente");
            var cells = await page.Locator("main table td").AllInnerTextsAsync();
            cells.ShouldContain(c => c.Contains("nog niet gemeten") || c.Contains("minder dan 5"), "the demo has neighbourhoods without marks");
            (await page.GetByRole(AriaRole.Heading, new() { Name = "Waarom staat er soms geen getal?" }).CountAsync()).ShouldBe(1);
            var reasons = await page.Locator("main ul.utrecht-unordered-list li strong").AllInnerTextsAsync();
            foreach (var missing in cells.Where(c => c is "nog niet gemeten" or "minder dan 5 bewoners" or "nog geen kostenanalyse").Distinct())
            {
                reasons.ShouldContain(missing, $"every kind of missing figure is explained ({missing})");
            }

            await NoSidewaysScrollAsync(page);
            await page.ShouldBeAccessibleAsync();
        });
    }

    [Theory]
    [InlineData(PageSession.Coordinator, "/budget")]
    [InlineData(PageSession.Coordinator, "/effecten")]
    [InlineData(PageSession.Director, "/gemeente")]
    public async Task Charts_on_a_phone_say_what_they_show_in_readable_text_with_named_bars(string email, string url)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(Width, Height);
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, email);
            await page.GotoAsync(url);
            var charts = await page.Locator("figure.kt-chart").AllAsync();
            charts.Count.ShouldBeGreaterThan(0, $"{url} shows a chart");
            foreach (var chart in charts)
            {
                var headline = await chart.Locator(".kt-chart__headline").InnerTextAsync();
                headline.Trim().Length.ShouldBeGreaterThan(10, "each chart says in one line what it shows");
            }

            // Text in bar charts is page text; a line chart's text scales with it and stays at least 11.5 px on a phone.
            var smallest = await page.EvaluateAsync<double>(@"() => Math.min(
                ...[...document.querySelectorAll('.kt-bars__label, .kt-bars__number')].map(e => parseFloat(getComputedStyle(e).fontSize)),
                ...[...document.querySelectorAll('svg.kt-chart__lines')].map(s => s.getBoundingClientRect().width / s.viewBox.baseVal.width * 14))");
            smallest.ShouldBeGreaterThanOrEqualTo(11.5, $"the charts' text on {url} stays readable at {Width} px");
            (await page.Locator("figure.kt-chart .kt-bars__label").AllInnerTextsAsync()).ShouldAllBe(label => url == "/effecten" || !label.All(char.IsDigit),
                "bars are named, not numbered");
            await NoSidewaysScrollAsync(page);
            await page.ShouldBeAccessibleAsync();
        });
    }

    private static async Task HeadingInTopThirdAsync(IPage page)
    {
        var box = await page.Locator("h1").First.BoundingBoxAsync();
        box.ShouldNotBeNull();
        ((double)box.Y).ShouldBeLessThan(Height / 3.0, $"the heading of {page.Url} starts in the top third of the screen");
    }

    private static async Task<double> BottomAsync(ILocator locator)
    {
        var box = await locator.BoundingBoxAsync();
        box.ShouldNotBeNull();
        return box.Y + box.Height;
    }

    private static async Task NoSidewaysScrollAsync(IPage page) =>
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue($"{page.Url} scrolls sideways");
}
