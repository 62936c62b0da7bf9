using System.Net;
using Keukentafel.Learning;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Keukentafel.Tests.Cases;

namespace Keukentafel.Tests.Learning;

/// <summary>The bottleneck report for directors: counts by category, law, organisation and quarter; a group under five residents is not counted.</summary>
public sealed class BottleneckReportTests(ClockApp app) : IClassFixture<ClockApp>, IAsyncLifetime
{
    private static readonly string[] Families = [.. Enumerable.Range(0, 13).Select(i => $"Knelpuntrapport{(char)('a' + i)}")];

    /// <summary>The quarter of this class's scenario, two years past the demo data so nothing else falls in it.</summary>
    private string Period => $"from={app.Today:yyyy-MM-dd}&to={app.Today:yyyy-MM-dd}";

    /// <summary>The case numbers of the scenario (set up once for the class: its fixture is its own).</summary>
    private static readonly List<string> Numbers = [];

    public async ValueTask InitializeAsync()
    {
        if (app.Clock.GetUtcNow() > DateTimeOffset.UtcNow.AddDays(365))
        {
            return;
        }

        app.Clock.Advance(TimeSpan.FromDays(730));
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var welfare = await app.StaffAsync(OrganisationType.Welfare, "WK990101");
        // Six residents ran into information sharing, five into financing, two (with another organisation) into the law.
        var plan = Enumerable.Repeat(("InformationSharing", "Wmo", homeCare.Email), 6)
            .Concat(Enumerable.Repeat(("Financing", "Zvw", homeCare.Email), 5))
            .Concat(Enumerable.Repeat(("LawRegulation", "Participatiewet", welfare.Email), 2)).ToList();
        for (var i = 0; i < plan.Count; i++)
        {
            var (category, law, bringer) = plan[i];
            var @case = await CaseDriver.SignalAsync(app, bringer, family: Families[i]);
            await @case.PostAsync("bottlenecks", new { category, lawDomain = law, description = $"Geheim knelpunt {Families[i]}" });
            Numbers.Add((await @case.FileAsync()).GetProperty("number").GetString()!);
        }

        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);
        var session = (await coordinator.PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/learning-sessions",
            new
            {
                date = app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                level = "Professionals",
                participants = new[] { new { name = "Ilse Dekkers" } }
            },
            HttpStatusCode.Created)).Id();
        await coordinator.PostJsonAsync($"/api/v1/learning-sessions/{session}/lessons",
            new
            {
                kind = "AskOfManagement",
                text = "Regel een vaste route voor gegevens delen met toestemming",
                owner = "Ilse Dekkers",
                caseNumbers = new[] { Numbers[0] }
            }, HttpStatusCode.Created);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_group_smaller_than_five_is_not_counted_and_neither_is_the_group_that_would_give_it_away()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        using var director = await app.ApiAsync(PageSession.Director);
        using var response = await director.GetAsync($"/api/v1/neighbourhoods/{neighbourhood}/bottleneck-report?{Period}",
            TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var report = System.Text.Json.JsonDocument.Parse(body).RootElement;

        report.GetProperty("bottlenecks").GetProperty("count").GetInt32().ShouldBe(13);
        var categories = report.GetProperty("byCategory").EnumerateArray()
            .ToDictionary(r => r.GetProperty("group").GetString()!, r => r.GetProperty("bottlenecks"));
        categories["Informatie delen"].GetProperty("count").GetInt32().ShouldBe(6);
        categories["Wet- en regelgeving"].GetProperty("count").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, "two residents");
        categories["Financiering"].GetProperty("count").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, "13 - 6 would give away the two");
        categories["Financiering"].GetProperty("shown").GetString().ShouldBe("minder dan 5 bewoners");
        var laws = report.GetProperty("byLawDomain").EnumerateArray()
            .ToDictionary(r => r.GetProperty("group").GetString()!, r => r.GetProperty("bottlenecks").GetProperty("count"));
        laws["Wmo"].GetInt32().ShouldBe(6);
        laws["Participatiewet"].ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        report.GetProperty("byOrganisation").EnumerateArray()
            .ShouldAllBe(r => r.GetProperty("bottlenecks").GetProperty("count").ValueKind == System.Text.Json.JsonValueKind.Null,
            "two organisations, one with two residents: the other would give them away");
        report.GetProperty("byQuarter").EnumerateArray().Single().GetProperty("bottlenecks").GetProperty("count").GetInt32().ShouldBe(13);
        var lesson = report.GetProperty("lessons").EnumerateArray().Single();
        lesson.GetProperty("text").GetString().ShouldBe("Regel een vaste route voor gegevens delen met toestemming");
        lesson.GetProperty("caseCount").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, "one case: fewer than five");

        // Nothing about a resident or a case.
        foreach (var secret in Families.Concat(Numbers))
        {
            body.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task The_director_reads_it_on_the_page_and_downloads_it_as_PDF_and_XLSX_without_resident_data()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var director = await app.SignedInAsync(PageSession.Director);
        var query = $"wijk={neighbourhood}&van={app.Today:yyyy-MM-dd}&tot={app.Today:yyyy-MM-dd}";

        var page = await director.GetPageAsync($"/knelpunten?{query}");
        var rows = page.QuerySelectorAll("tr").Select(tr => string.Join("|", tr.Children.Select(c => c.TextContent.Trim()))).ToList();
        rows.ShouldContain("Informatie delen|6");
        rows.ShouldContain("Wet- en regelgeving|minder dan 5 bewoners");
        page.Text().ShouldContain("Regel een vaste route voor gegevens delen met toestemming");
        var pdf = await director.GetByteArrayAsync($"/knelpunten?handler=Pdf&{query}", TestContext.Current.CancellationToken);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        text.ShouldContain("Knelpunten in Rietvelden");
        text.ShouldContain("minder dan 5 bewoners");
        var xlsx = await director.GetByteArrayAsync($"/knelpunten?handler=Xlsx&{query}", TestContext.Current.CancellationToken);
        using var stream = new MemoryStream(xlsx);
        var sheet = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Knelpunten per soort").Cast<IDictionary<string, object?>>().ToList();
        sheet.Single(r => (string?)r["Groep"] == "Informatie delen")["Waarde"].ShouldBe(6d);
        sheet.Single(r => (string?)r["Groep"] == "Financiering")["Waarde"].ShouldBe("minder dan 5 bewoners");
        foreach (var secret in Families.Concat(Numbers))
        {
            page.Body!.InnerHtml.ShouldNotContain(secret);
            text.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task Someone_from_another_neighbourhood_or_a_professional_gets_nothing_and_a_bad_period_is_refused_with_a_Dutch_message()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Manager, onlyThere: true);
        using var other = await app.ApiAsync(elsewhere.Email);
        using var notHis = await other.GetAsync($"/api/v1/neighbourhoods/{neighbourhood}/bottleneck-report", TestContext.Current.CancellationToken);
        notHis.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var professional = await app.ApiAsync((await CaseDriver.HomeCareAsync(app)).Email);
        using var forbidden = await professional.GetAsync($"/api/v1/neighbourhoods/{neighbourhood}/bottleneck-report", TestContext.Current.CancellationToken);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var otherPage = await app.SignedInAsync(elsewhere.Email);
        using var notHisPage = await otherPage.GetAsync($"/knelpunten?wijk={neighbourhood}", TestContext.Current.CancellationToken);
        notHisPage.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var director = await app.ApiAsync(PageSession.Director);
        var backwards = await director.GetJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/bottleneck-report?from=2026-06-01&to=2026-01-01",
            HttpStatusCode.UnprocessableEntity);
        backwards.GetProperty("title").GetString()!.ShouldContain("De eerste datum ligt na de laatste");
        var page = await (await app.SignedInAsync(PageSession.Director)).GetPageAsync($"/knelpunten?wijk={neighbourhood}&van=2026-06-01&tot=2026-01-01");
        page.QuerySelector("#van-error").ShouldNotBeNull().TextContent.ShouldContain("De eerste datum ligt na de laatste");
    }

    [Fact]
    public void A_single_hidden_group_next_to_a_shown_total_takes_the_smallest_other_group_with_it()
    {
        static List<BottleneckReports.Point> Residents(int n) =>
            [.. Enumerable.Range(0, n).Select(_ => new BottleneckReports.Point(true, new DateOnly(2026, 1, 1), BottleneckCategory.Other, LawDomain.Other, null,
                Guid.NewGuid(), Guid.NewGuid(), false, null))];

        var cells = BottleneckReports.Column([Residents(2), Residents(7), Residents(5), Residents(0)], totalShown: true);
        cells.Select(c => c.Count).ShouldBe([null, 7, null, 0]);
        var two = BottleneckReports.Column([Residents(2), Residents(3), Residents(9)], totalShown: true);
        two.Select(c => c.Count).ShouldBe([null, null, 9], "two hidden groups cannot be told apart from the total");
        BottleneckReports.Column([Residents(2), Residents(9)], totalShown: false).Select(c => c.Count).ShouldBe([null, 9]);

        // Seven residents, but two of them in a quarter of their own: a report without that quarter would give them away.
        List<BottleneckReports.Point> spread = [.. Residents(5), .. Residents(2).Select(p => p with { On = new DateOnly(2026, 4, 1) })];
        BottleneckReports.Column([spread, Residents(20)], totalShown: false).Select(c => c.Count).ShouldBe([null, 20]);
    }
}
