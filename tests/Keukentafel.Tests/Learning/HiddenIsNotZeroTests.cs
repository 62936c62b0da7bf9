using System.Net;
using Keukentafel.Neighbourhoods;
using Keukentafel.Tests.Cases;

namespace Keukentafel.Tests.Learning;

/// <summary>
/// Hidden is never shown as 0 (issue 23, point 7): when every bottleneck of a period falls in quarters of fewer than five
/// residents, the totals say "minder dan 5 bewoners" and the page says why and what would show them, without empty tables.
/// </summary>
public sealed class HiddenIsNotZeroTests(ClockApp app) : IClassFixture<ClockApp>
{
    [Fact]
    public async Task Bottlenecks_of_too_few_residents_are_hidden_not_zero_and_the_page_says_why()
    {
        app.Clock.Advance(TimeSpan.FromDays(730));
        var homeCare = await CaseDriver.HomeCareAsync(app);
        foreach (var family in new[] { "Verborgena", "Verborgenb" })
        {
            var @case = await CaseDriver.SignalAsync(app, homeCare.Email, family: family);
            await @case.PostAsync("bottlenecks", new { category = "Financing", lawDomain = "Wmo", description = "Te weinig om te tellen" });
        }

        var period = $"from={app.Today:yyyy-MM-dd}&to={app.Today:yyyy-MM-dd}";
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        using var director = await app.ApiAsync(PageSession.Director);
        var report = await director.GetJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/bottleneck-report?{period}");
        report.GetProperty("bottlenecks").GetProperty("count").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, "two residents: hidden, not 0");
        report.GetProperty("bottlenecks").GetProperty("shown").GetString().ShouldBe("minder dan 5 bewoners");

        var page = await app.SignedInAsync(PageSession.Director);
        var html = await page.GetPageAsync($"/knelpunten?wijk={neighbourhood}&van={app.Today:yyyy-MM-dd}&tot={app.Today:yyyy-MM-dd}");
        var text = html.QuerySelector("main")!.TextContent;
        text.ShouldContain("te weinig om te tellen");
        html.QuerySelector("dd")!.TextContent.Trim().ShouldBe("minder dan 5 bewoners", "a hidden total is not shown as 0");
        html.QuerySelectorAll("table").Select(t => t.QuerySelector("caption")!.TextContent).ShouldNotContain("Knelpunten per soort", "no empty table");
    }
}
