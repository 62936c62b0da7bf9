using System.Globalization;
using System.Net;
using Keukentafel.Data;
using Keukentafel.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Effects;

/// <summary>Wellbeing before, after and later, over HTTP on a real database.</summary>
public sealed class WellbeingTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    // The Dutch date: the case counts its days in Dutch time, also just after midnight.
    private static string Today => Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Intake_closure_and_a_follow_up_that_shows_up_in_the_case_bringers_list_when_due()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Nameting");
        await @case.PostAsync("wellbeing", new { moment = "Intake", mark = 3.5, measuredOn = Today });
        await @case.EvaluatedAsync();
        await @case.PostAsync("wellbeing", new { moment = "FollowUp", mark = 8.5, measuredOn = Today }, HttpStatusCode.Conflict);
        await @case.PostAsync("wellbeing", new { moment = "Closure", mark = 8.3, measuredOn = Today });
        await @case.PostAsync("transitions", new { to = "Closed" });

        var file = await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/wellbeing");
        file.GetProperty("followUpDue").GetString()
            .ShouldBe(Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow).AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        file.GetProperty("measurements").GetArrayLength().ShouldBe(2);
        (await @case.Bringer.GetJsonAsync("/api/v1/wellbeing/follow-ups")).Items().EnumerateArray()
            .ShouldNotContain(f => f.GetProperty("caseId").GetGuid() == @case.Id);

        (await @case.PostAsync("wellbeing", new { moment = "FollowUp", mark = 8.5, measuredOn = Today }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("wellbeing.date_range");
        await DueYesterdayAsync(@case.Id);
        (await @case.Bringer.GetJsonAsync("/api/v1/wellbeing/follow-ups")).Items().EnumerateArray()
            .ShouldContain(f => f.GetProperty("caseId").GetGuid() == @case.Id);
        var list = await (await app.SignedInAsync((await CaseDriver.HomeCareAsync(app)).Email)).GetPageAsync("/casussen");
        list.QuerySelector("#follow-ups")!.ParentElement!.TextContent.ShouldContain("Nameting");

        await @case.PostAsync("wellbeing", new { moment = "FollowUp", mark = 8.5, measuredOn = Today });
        (await @case.Bringer.GetJsonAsync("/api/v1/wellbeing/follow-ups")).Items().EnumerateArray()
            .ShouldNotContain(f => f.GetProperty("caseId").GetGuid() == @case.Id);
    }

    [Fact]
    public async Task A_mark_of_eleven_or_with_two_decimals_is_refused_and_nothing_is_saved()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Elfje");
        var version = @case.Version;

        var eleven = await @case.PostAsync("wellbeing", new { moment = "Intake", mark = 11, measuredOn = Today }, HttpStatusCode.BadRequest);
        var twoDecimals = await @case.PostAsync("wellbeing", new { moment = "Intake", mark = 7.25, measuredOn = Today }, HttpStatusCode.UnprocessableEntity);
        var noDate = await @case.PostAsync("wellbeing", new { moment = "Intake", mark = 7 }, HttpStatusCode.BadRequest);

        eleven.GetProperty("errors").GetRawText().ShouldContain("rapportcijfer van 1 tot en met 10");
        twoDecimals.Code().ShouldBe("wellbeing.mark_range");
        noDate.GetProperty("errors").GetRawText().ShouldContain("datum van de meting");
        var file = await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/wellbeing");
        file.GetProperty("measurements").GetArrayLength().ShouldBe(0);
        file.GetProperty("version").GetInt32().ShouldBe(version);
    }

    [Fact]
    public async Task The_page_takes_a_dutch_decimal_comma_and_shows_the_error_beside_the_field()
    {
        var bringer = await CaseDriver.HomeCareAsync(app);
        var @case = await CaseDriver.SignalAsync(app, bringer.Email, family: "Kommagetal");
        var browser = await app.SignedInAsync(bringer.Email);

        using var wrong = await browser.SubmitAsync($"/casussen/{@case.Id}/welbevinden", new Dictionary<string, string>
        {
            ["Input.Moment"] = "Intake",
            ["Input.Mark"] = "12",
            ["Input.MeasuredOn"] = Today,
        });
        (await PageSession.ParseAsync(wrong)).QuerySelector("#Input_Mark-error")!.TextContent.ShouldContain("1 tot en met 10");

        using var right = await browser.SubmitAsync($"/casussen/{@case.Id}/welbevinden", new Dictionary<string, string>
        {
            ["Input.Moment"] = "Intake",
            ["Input.Mark"] = "4,5",
            ["Input.MeasuredOn"] = Today,
        });
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var file = await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/wellbeing");
        file.GetProperty("measurements")[0].GetProperty("mark").GetDecimal().ShouldBe(4.5m);
        (await browser.GetPageAsync($"/casussen/{@case.Id}/welbevinden")).Text().ShouldContain("4,5");
    }

    [Fact]
    public async Task The_coordinator_turns_on_the_zrm_for_his_neighbourhood_and_its_scores_are_recorded_with_the_mark()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var bringer = await CaseDriver.HomeCareAsync(app);
        var professional = await app.SignedInAsync(bringer.Email);
        var settings = await professional.GetPageAsync($"/wijken/{neighbourhood}/meten");
        settings.QuerySelector("input[name='Input.FollowUpMonths']").ShouldBeNull("a professional sees the settings, without a form to change them");
        var token = settings.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var refused = await professional.PostAsync($"/wijken/{neighbourhood}/meten", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.UsesZrm"] = "true",
            ["Input.FollowUpMonths"] = "3",
        }), TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        (await professional.GetPageAsync($"/wijken/{neighbourhood}/meten")).Text().ShouldNotContain("3 maanden na het afsluiten");

        var coordinator = await app.SignedInAsync((await app.StaffAsync(null, "WK990101", Keukentafel.Neighbourhoods.StaffFunction.Coordinator)).Email);
        using var wrong = await coordinator.SubmitAsync($"/wijken/{neighbourhood}/meten",
            new Dictionary<string, string> { ["Input.UsesZrm"] = "true", ["Input.FollowUpMonths"] = "0" });
        (await PageSession.ParseAsync(wrong)).QuerySelector("#Input_FollowUpMonths-error")!.TextContent.ShouldContain("tussen 1 en 36");
        using var saved = await coordinator.SubmitAsync($"/wijken/{neighbourhood}/meten",
            new Dictionary<string, string> { ["Input.UsesZrm"] = "true", ["Input.FollowUpMonths"] = "6" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var @case = await CaseDriver.SignalAsync(app, bringer.Email, family: "Zelfredzaam");
        (await (await app.SignedInAsync(bringer.Email)).GetPageAsync($"/casussen/{@case.Id}/welbevinden"))
            .QuerySelectorAll("input[name^='Input.Scores[zrm-']").Length.ShouldBe(11);
        var scores = Keukentafel.Effects.Instrument.Zrm.Dimensions.ToDictionary(d => d.Code, _ => 2);
        await @case.PostAsync("wellbeing", new { moment = "Intake", mark = 4, measuredOn = Today, scores });
        var measured = (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/wellbeing")).GetProperty("measurements")[0];
        measured.GetProperty("scores").GetArrayLength().ShouldBe(11);
        (await @case.PostAsync("wellbeing", new
        {
            moment = "Intake",
            mark = 4,
            measuredOn = Today,
            scores = new Dictionary<string, int> { ["ph-zingeving"] = 5 },
            correctionReason = "opnieuw"
        }, HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("wellbeing.instrument_not_used");
    }

    private async Task DueYesterdayAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var yesterday = Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow).AddDays(-1);
        // As if the case closed six months ago.
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.FollowUpDue, yesterday)
            .SetProperty(c => c.ClosedAtUtc, DateTime.UtcNow.AddMonths(-6)), TestContext.Current.CancellationToken);
    }
}
