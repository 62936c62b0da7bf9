using System.Net;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Effects;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Effects;

/// <summary>The effect report: computed from the case records, in line with the seeds on the demo, aggregates only.</summary>
public sealed class EffectReportTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private static DateOnly Today => Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow);

    [Fact]
    public async Task The_demo_neighbourhoods_report_shows_the_seeds_table_computed_from_its_cases()
    {
        var report = await ReportAsync("WK990101", Today.AddYears(-3), Today);

        report.Shown.ShouldBeTrue();
        Mean(report, MeasurementMoment.Intake).ShouldBe(3.5m, 0.4m);
        Mean(report, MeasurementMoment.Closure).ShouldBe(8.3m, 0.3m);
        Mean(report, MeasurementMoment.FollowUp).ShouldBe(8.5m, 0.3m);
        report.LockedAnalyses.ShouldBeGreaterThanOrEqualTo(40);
        // Existing cases cost less with the approach; new ones cost more at first and less by the end of the year.
        var existing = report.ExistingCases.ShouldNotBeNull();
        existing.MeanWith.ShouldBeLessThan(existing.MeanWithout);
        var fresh = report.NewCases.ShouldNotBeNull();
        fresh.MeanCumulativeWith[2].ShouldBeGreaterThan(fresh.MeanCumulativeWithout[2]);
        fresh.MeanCumulativeWith[11].ShouldBeLessThan(fresh.MeanCumulativeWithout[11]);
    }

    [Fact]
    public async Task A_generated_data_set_with_known_parameters_is_recovered_by_the_report()
    {
        var parameters = new EffectParameters(Cases: 60, Seed: 11, IntakeMean: 5.0, IntakeSd: 0.8, ClosureMean: 7.0, ClosureSd: 0.8,
            FollowUpMean: 7.5, FollowUpSd: 0.8, ShareExisting: 0.3, ShareInSixWeeks: 0.6, FollowUpResponse: 1.0, FirstMonthsAgo: 30, LastMonthsAgo: 12);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<KeukentafelDbContext>();
            var neighbourhood = await app.NeighbourhoodIdAsync("WK990102");
            await new EffectDataGenerator(db, services.GetRequiredService<CaseNumbers>(), services.GetRequiredService<CostCatalogues>(),
                    services.GetRequiredService<Prices>())
                .AddAsync(neighbourhood, parameters, DateTime.UtcNow, TestContext.Current.CancellationToken);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // Only the generated cases fall in this period: they were signalled 12 to 31 months ago, the demo's later.
        var report = await ReportAsync("WK990102", Today.AddMonths(-32), Today.AddMonths(-11));

        // Whole quarters of five residents or more: a thin quarter at the edge of the period is left out, the rest is there.
        report.Cases.ShouldBeGreaterThanOrEqualTo(50);
        report.Wellbeing.Single(m => m.Moment == MeasurementMoment.Intake).Summary!.N.ShouldBe(report.Cases);
        Mean(report, MeasurementMoment.Intake).ShouldBe(5.0m, 0.3m);
        Mean(report, MeasurementMoment.Closure).ShouldBe(7.0m, 0.3m);
        Mean(report, MeasurementMoment.FollowUp).ShouldBe(7.5m, 0.3m);
        var intake = report.Wellbeing.Single(m => m.Moment == MeasurementMoment.Intake).Summary!;
        intake.Low.ShouldBeLessThan(intake.Mean);
        ((double)(intake.High - intake.Low)).ShouldBe(2 * 2.0 * 0.8 / Math.Sqrt(report.Cases), 0.1);
        ((double)report.ExistingCases!.Analyses / report.AllCosts!.Analyses).ShouldBe(0.3, 0.15);
        ((double)report.SixWeeks!.Share).ShouldBe(0.6, 0.15);
        report.LockedAnalyses.ShouldBe(report.Cases);
    }

    [Fact]
    public async Task A_selection_of_fewer_than_five_residents_shows_no_figures()
    {
        var report = await ReportAsync("WK990101", Today.AddYears(-3), Today, sample: 4);

        report.Cases.ShouldBe(4);
        report.Shown.ShouldBeFalse();
        report.Wellbeing.ShouldAllBe(m => m.Summary == null && m.Distribution == null);
        report.AllCosts.ShouldBeNull();
        report.SixWeeks.ShouldBeNull();

        var page = await (await app.SignedInAsync(PageSession.Coordinator)).GetPageAsync($"/effecten?steekproef=4&van={Today.AddYears(-3):yyyy-MM-dd}");
        page.Text().ShouldContain("minder dan 5 bewoners");
        page.QuerySelectorAll("figure.kt-chart").Length.ShouldBe(0);
    }

    [Fact]
    public async Task No_two_reports_differ_by_one_resident_thin_quarters_samples_and_rare_marks()
    {
        // Two cases of Kloosterkamp moved five years back: a quarter of two residents.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            var kloosterkamp = await app.NeighbourhoodIdAsync("WK990102");
            var two = await db.Cases.Where(c => c.NeighbourhoodId == kloosterkamp).OrderBy(c => c.Number).Select(c => c.Id).Take(2)
                .ToListAsync(TestContext.Current.CancellationToken);
            var then = new DateTime(Today.Year - 5, 2, 10, 9, 0, 0, DateTimeKind.Utc);
            await db.Cases.Where(c => two.Contains(c.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.SignalledAtUtc, then), TestContext.Current.CancellationToken);
        }

        var thin = await ReportAsync("WK990102", Today.AddYears(-6), Today);
        thin.SmallQuarters.ShouldContain($"{Today.Year - 5} K1");
        var without = await ReportAsync("WK990102", Today.AddYears(-4), Today);
        thin.Cases.ShouldBe(without.Cases, "the thin quarter is left out, so it cannot be found as a difference");

        // A sample one larger is a new draw, not the same one plus one case; the same selection draws the same sample.
        var ten = await ReportAsync("WK990101", Today.AddYears(-3), Today, sample: 10, withCaseReferences: true);
        var eleven = await ReportAsync("WK990101", Today.AddYears(-3), Today, sample: 11, withCaseReferences: true);
        var again = await ReportAsync("WK990101", Today.AddYears(-3), Today, sample: 10, withCaseReferences: true);
        eleven.CaseReferences.Select(c => c.Number).Intersect(ten.CaseReferences.Select(c => c.Number)).Count().ShouldBeLessThan(10);
        again.CaseReferences.Select(c => c.Number).ShouldBe(ten.CaseReferences.Select(c => c.Number));

        // A mark given fewer than five times is not counted out in the distribution.
        var report = await ReportAsync("WK990101", Today.AddYears(-3), Today);
        report.Wellbeing.SelectMany(m => m.Distribution ?? []).ShouldAllBe(count => count == null || count == 0 || count >= 5);
        report.Wellbeing.SelectMany(m => m.Distribution ?? []).ShouldContain(count => count == null);
    }

    [Fact]
    public async Task The_coordinator_sees_charts_can_drill_into_a_case_and_download_the_report()
    {
        var coordinator = await app.SignedInAsync(PageSession.Coordinator);
        var van = Today.AddYears(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await coordinator.GetPageAsync($"/effecten?van={van}");

        page.QuerySelectorAll("figure.kt-chart").Length.ShouldBeGreaterThanOrEqualTo(4);
        page.Text().ShouldContain("Bij de start");
        var link = page.QuerySelector("section[aria-labelledby=cases] a")!.GetAttribute("href")!;
        link.ShouldEndWith("/kosten");
        using var drill = await coordinator.GetAsync(link, TestContext.Current.CancellationToken);
        drill.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the coordinator gives a reason before he opens a file he does not work on");
        drill.Headers.Location!.ToString().ShouldStartWith("/inzage/");

        var pdf = await coordinator.GetByteArrayAsync($"/effecten?handler=Pdf&van={van}", TestContext.Current.CancellationToken);
        var xlsx = await coordinator.GetByteArrayAsync($"/effecten?handler=Xlsx&van={van}", TestContext.Current.CancellationToken);
        var csv = await coordinator.GetStringAsync($"/effecten?handler=Csv&van={van}", TestContext.Current.CancellationToken);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        System.Text.Encoding.ASCII.GetString(xlsx, 0, 2).ShouldBe("PK");
        csv.ShouldContain("Welbevinden (rapportcijfer);Bij de start;gemiddelde;");
        csv.ShouldContain("Nieuwe casussen");
    }

    [Fact]
    public async Task Directors_and_financiers_see_aggregates_only_and_nobody_sees_a_neighbourhood_they_do_not_work_in()
    {
        var van = Today.AddYears(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var rietvelden = await app.NeighbourhoodIdAsync("WK990101");
        foreach (var email in new[] { PageSession.Director, PageSession.Financier })
        {
            var page = await (await app.SignedInAsync(email)).GetPageAsync($"/effecten?wijk={rietvelden}&van={van}");
            page.QuerySelectorAll("figure.kt-chart").Length.ShouldBeGreaterThanOrEqualTo(1);
            page.QuerySelector("section[aria-labelledby=cases]").ShouldBeNull();
            page.QuerySelectorAll("a[href^='/casussen/']").Length.ShouldBe(0);
        }

        using var professional = await (await app.SignedInAsync(PageSession.Professional)).GetAsync("/effecten", TestContext.Current.CancellationToken);
        professional.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Coordinator, onlyThere: true);
        using var other = await (await app.SignedInAsync(elsewhere.Email))
            .GetAsync($"/effecten?wijk={await app.NeighbourhoodIdAsync("WK990101")}", TestContext.Current.CancellationToken);
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_report_over_the_api_is_aggregates_for_the_neighbourhoods_the_caller_works_in()
    {
        var rietvelden = await app.NeighbourhoodIdAsync("WK990101");
        var van = Today.AddYears(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var financier = await app.ApiAsync(PageSession.Financier);

        var report = await financier.GetJsonAsync($"/api/v1/effects/report?neighbourhoodId={rietvelden}&from={van}");
        report.GetProperty("wellbeing")[0].GetProperty("summary").GetProperty("n").GetInt32().ShouldBeGreaterThanOrEqualTo(40);
        report.GetProperty("caseReferences").GetArrayLength().ShouldBe(0);
        var small = await financier.GetJsonAsync($"/api/v1/effects/report?neighbourhoodId={rietvelden}&from={van}&sample=3");
        small.GetProperty("wellbeing")[0].GetProperty("summary").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        small.GetProperty("seed").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Number);
        (await financier.GetJsonAsync($"/api/v1/effects/report?neighbourhoodId={rietvelden}&from={Today:yyyy-MM-dd}&to={Today.AddDays(-1):yyyy-MM-dd}",
                HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("report.period");
        (await financier.GetJsonAsync($"/api/v1/effects/report?neighbourhoodId={rietvelden}&to=9999-12-31", HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("report.period_range");
        (await financier.GetJsonAsync($"/api/v1/effects/report?neighbourhoodId={rietvelden}&sample=0", HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("report.selection");

        await (await app.ApiAsync(PageSession.Professional)).GetJsonAsync($"/api/v1/effects/report?neighbourhoodId={rietvelden}", HttpStatusCode.Forbidden);
        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Coordinator, onlyThere: true);
        await (await app.ApiAsync(elsewhere.Email)).GetJsonAsync($"/api/v1/effects/report?neighbourhoodId={rietvelden}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_page_and_the_api_default_to_the_same_period_and_both_can_count_by_closing_date()
    {
        var rietvelden = await app.NeighbourhoodIdAsync("WK990101");
        var financier = await app.ApiAsync(PageSession.Financier);
        var (from, to) = EffectReport.DefaultPeriod(Today);

        var api = await financier.GetJsonAsync($"/api/v1/effects/report?neighbourhoodId={rietvelden}");
        var page = await (await app.SignedInAsync(PageSession.Financier)).GetPageAsync($"/effecten?wijk={rietvelden}");

        api.GetProperty("from").GetString().ShouldBe(from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        api.GetProperty("to").GetString().ShouldBe(to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        api.GetProperty("period").GetString().ShouldBe("Signalled");
        page.QuerySelector("#van")!.GetAttribute("value").ShouldBe(from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelector("#tot")!.GetAttribute("value").ShouldBe(to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        page.Text().ShouldContain("aangebracht van");

        // Counted by closing date: only closed cases, each closed within the period.
        var van = Today.AddYears(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var closed = await financier.GetJsonAsync($"/api/v1/effects/report?neighbourhoodId={rietvelden}&from={van}&period=Closed");
        var signalled = await financier.GetJsonAsync($"/api/v1/effects/report?neighbourhoodId={rietvelden}&from={van}");
        closed.GetProperty("period").GetString().ShouldBe("Closed");
        closed.GetProperty("cases").GetInt32().ShouldBeGreaterThan(0);
        closed.GetProperty("cases").GetInt32().ShouldBeLessThan(signalled.GetProperty("cases").GetInt32(), "open cases are not counted by closing date");
        var closedPage = await (await app.SignedInAsync(PageSession.Financier)).GetPageAsync($"/effecten?wijk={rietvelden}&van={van}&periode=afgesloten");
        closedPage.Text().ShouldContain("afgesloten van");
        closedPage.QuerySelector("#periode option[value=afgesloten]")!.HasAttribute("selected").ShouldBeTrue();
        await using var scope = app.Services.CreateAsyncScope();
        var expected = await scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>().Cases
            .CountAsync(c => c.NeighbourhoodId == rietvelden && c.ClosedAtUtc != null, TestContext.Current.CancellationToken);
        closed.GetProperty("cases").GetInt32().ShouldBeLessThanOrEqualTo(expected);
    }

    private static decimal Mean(EffectReport report, MeasurementMoment moment) => report.Wellbeing.Single(m => m.Moment == moment).Summary!.Mean;

    private async Task<EffectReport> ReportAsync(string code, DateOnly from, DateOnly to, int? sample = null, bool withCaseReferences = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var neighbourhood = await app.NeighbourhoodIdAsync(code);
        return (await scope.ServiceProvider.GetRequiredService<EffectReports>()
            .BuildAsync(new ReportSelection(neighbourhood, from, to, sample), withCaseReferences, TestContext.Current.CancellationToken))!;
    }
}
