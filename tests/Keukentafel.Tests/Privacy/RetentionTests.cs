using Keukentafel.Data;
using Keukentafel.Plans;
using Keukentafel.Privacy;
using Keukentafel.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Privacy;

/// <summary>
/// Storage limitation (AVG art. 5(1)(e), 17): after the retention term of a closed case the resident is anonymised,
/// the figures stay. The clock is run forward by moving the closing date back in the database.
/// </summary>
public sealed class RetentionTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task After_the_term_the_identity_and_the_stories_go_and_the_figures_stay()
    {
        var @case = await ClosedAsync("Vergetelheid");
        var today = Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await @case.PostAsync("wellbeing",
            new { moment = "Closure", mark = 8.1, measuredOn = today, note = "Mevrouw Vergetelheid is blij met haar nieuwe buren." });
        await @case.PostAsync("analysis", new { horizonMonths = 12, assumptions = "Zonder hulp was mevrouw Vergetelheid haar huis kwijtgeraakt." });
        await @case.PostAsync("analysis/lines", new
        {
            scenario = "Without",
            itemCode = "huisuitzetting",
            quantity = 1,
            probabilityPercent = 30,
            note = "De verhuurder van Vergetelheid dreigde al."
        });
        var before = await @case.FileAsync();
        await ClosedYearsAgoAsync(@case.Id, 8);

        var anonymised = await RunAsync();

        anonymised.ShouldBeGreaterThanOrEqualTo(1);
        var file = await @case.FileAsync();
        file.GetProperty("resident").GetProperty("name").GetString().ShouldBe("Geanonimiseerde bewoner");
        file.GetProperty("resident").GetProperty("dateOfBirth").GetString().ShouldBe("1951-01-01");
        file.GetProperty("resident").GetProperty("address").GetString().ShouldBe("- -, 9991 Heerdonk");
        file.GetProperty("description").GetString().ShouldBe(RetentionService.Removed);
        file.GetProperty("answers").EnumerateArray().ShouldAllBe(a => a.GetProperty("text").GetString() == RetentionService.Removed);
        file.GetProperty("evaluation").GetString().ShouldBe(RetentionService.Removed);
        var wellbeing = await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/wellbeing");
        var analysis = await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/analysis");
        var text = file.GetRawText() + wellbeing.GetRawText() + analysis.GetRawText();
        text.ShouldNotContain("Vergetelheid");
        wellbeing.GetProperty("measurements")[0].GetProperty("mark").GetDecimal().ShouldBe(8.1m);
        analysis.GetProperty("result").GetProperty("lines")[0].GetProperty("probability").GetDecimal().ShouldBe(0.3m);
        text.ShouldNotContain("Samen de post openen");

        // The figures: steps, dates, the plan's law domains, statuses and costs.
        file.GetProperty("status").GetString().ShouldBe("Closed");
        file.GetProperty("solvedWithinSixWeeks").GetBoolean().ShouldBe(before.GetProperty("solvedWithinSixWeeks").GetBoolean());
        file.GetProperty("actions").EnumerateArray().Select(a => (a.GetProperty("lawDomain").GetString(), a.GetProperty("status").GetString()))
            .ShouldBe(before.GetProperty("actions").EnumerateArray()
                .Select(a => (a.GetProperty("lawDomain").GetString(), a.GetProperty("status").GetString())));

        var history = (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/history")).Items();
        history[0].GetProperty("summary").GetString()!.ShouldStartWith("Na de bewaartermijn geanonimiseerd");
        history.EnumerateArray().Skip(1).ShouldAllBe(h => h.GetProperty("summary").GetString() == RetentionService.Removed
            && h.GetProperty("before").ValueKind == System.Text.Json.JsonValueKind.Null);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var residentId = await db.Cases.Where(c => c.Id == @case.Id).Select(c => c.ResidentId).SingleAsync(TestContext.Current.CancellationToken);
        (await db.Anonymisations.SingleAsync(a => a.ResidentId == residentId, TestContext.Current.CancellationToken)).Cases.ShouldBe(1);
        // Its audit event committed with it, in the run's own chain, and the chain's head is anchored.
        var audited = await db.AuditEvents.SingleAsync(a => a.ResidentId == residentId && a.Part == "anonimisering"
            && a.UserName == RetentionService.ActorName, TestContext.Current.CancellationToken);
        (await db.AuditChains.SingleAsync(c => c.Id == audited.ChainId, TestContext.Current.CancellationToken)).Writer.ShouldEndWith(" retention");
        (await db.AuditCheckpoints.AnyAsync(c => c.ChainId == audited.ChainId && c.Sequence == audited.Sequence, TestContext.Current.CancellationToken))
            .ShouldBeTrue();
        (await app.Services.GetRequiredService<AuditLog>().VerifyAsync(TestContext.Current.CancellationToken)).Intact.ShouldBeTrue();

        // His details do not come back, and a second run finds nothing new for him.
        (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/resident",
            new
            {
                version = file.GetProperty("version").GetInt32(),
                givenName = "Greet",
                familyName = "Vergetelheid",
                dateOfBirth = "1951-03-14",
                street = "Rietvinkstraat",
                houseNumber = "12",
                postalCode = "9991 KT",
                town = "Heerdonk"
            },
            System.Net.HttpStatusCode.Conflict)).Code().ShouldBe("resident.anonymised");
        await RunAsync();
        (await db.Anonymisations.CountAsync(a => a.ResidentId == residentId, TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task The_budget_keeps_its_amounts_but_not_what_was_typed_about_the_case()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Kasboekje")).MeetingPlannedAsync();
        var paid = await @case.AddPaidActionAsync("Schuldhulp voor mevrouw Kasboekje", "Schuldhulp", 500m);
        var contribution = (await @case.PostAsync("actions",
            new { what = "Helpen in het buurthuis", carrier = "Resident", lawDomain = "Welzijn", dueDate = CaseDriver.Due(14), isContribution = true }))
            .Id("createdId");
        await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{paid}/financing", new { });
        await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{paid}/realisation", new { actualCost = 480m });
        await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{paid}/correction",
            new { amount = -30m, reason = "Creditnota: mevrouw Kasboekje kwam een keer niet." });
        @case.Version = (await @case.FileAsync()).GetProperty("version").GetInt32();
        var resident = (await @case.FileAsync()).GetProperty("meetings")[0].GetProperty("participants")[0].Id();
        await @case.PostAsync($"meetings/{@case.MeetingId}/held",
            new { attended = new[] { resident }, decisions = "Plan afgesproken.", planAgreedByAll = true });
        await @case.PostAsync($"actions/{paid}/status", new { status = "Done" });
        await @case.PostAsync($"actions/{contribution}/status", new { status = "Done" });
        await @case.PostAsync("transitions", new { to = "SolutionCarriedOut" });
        await @case.PostAsync("transitions", new { to = "Evaluated", text = "Het gaat goed." });
        await @case.PostAsync("transitions", new { to = "Closed" });
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var before = await db.LedgerEntries.AsNoTracking().Where(l => l.CaseId == @case.Id).OrderBy(l => l.Id)
            .Select(l => new { l.Kind, l.Amount, l.AtUtc, l.Reason }).ToListAsync(TestContext.Current.CancellationToken);
        before.ShouldContain(l => l.Reason != null && l.Reason.Contains("Kasboekje"));
        await ClosedYearsAgoAsync(@case.Id, 8);

        await RunAsync();

        var after = await db.LedgerEntries.AsNoTracking().Where(l => l.CaseId == @case.Id).OrderBy(l => l.Id)
            .Select(l => new { l.Kind, l.Amount, l.AtUtc, l.Reason }).ToListAsync(TestContext.Current.CancellationToken);
        after.Select(l => (l.Kind, l.Amount, l.AtUtc)).ShouldBe(before.Select(l => (l.Kind, l.Amount, l.AtUtc)));
        after.ShouldAllBe(l => l.Reason == null || l.Reason == RetentionService.Removed);
        // Only that: an amount, or a reason typed anew, is still refused by the database itself.
        var entries = db.LedgerEntries.Where(l => l.CaseId == @case.Id);
        (await Should.ThrowAsync<Exception>(() => entries.ExecuteUpdateAsync(u => u.SetProperty(l => l.Amount, 1m), TestContext.Current.CancellationToken)))
            .Message.ShouldContain("append-only");
        (await Should.ThrowAsync<Exception>(() => entries.ExecuteUpdateAsync(u => u.SetProperty(l => l.Reason, "Iets anders"),
            TestContext.Current.CancellationToken))).Message.ShouldContain("append-only");
        (await Should.ThrowAsync<Exception>(() => entries.ExecuteDeleteAsync(TestContext.Current.CancellationToken)))
            .Message.ShouldContain("append-only");
        (await scope.ServiceProvider.GetRequiredService<Keukentafel.Budget.Financing>().VerifyAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_youth_case_is_kept_twenty_years_and_an_open_case_keeps_the_resident()
    {
        var youth = await ClosedAsync("Jeugdzorgsma");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().PlanActions.Where(a => a.CaseId == youth.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LawDomain, LawDomain.Jeugdwet), TestContext.Current.CancellationToken);
        }

        var stillOpen = await ClosedAsync("Tweedekans");
        await ClosedYearsAgoAsync(stillOpen.Id, 30);
        await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Tweedekans"); // the same resident, a new open case

        await ClosedYearsAgoAsync(youth.Id, 8);
        await RunAsync();
        (await youth.FileAsync()).GetProperty("resident").GetProperty("name").GetString().ShouldBe("Greet Jeugdzorgsma");
        (await stillOpen.FileAsync()).GetProperty("resident").GetProperty("name").GetString().ShouldBe("Greet Tweedekans");

        await ClosedYearsAgoAsync(youth.Id, 21);
        await RunAsync();
        (await youth.FileAsync()).GetProperty("resident").GetProperty("name").GetString().ShouldBe("Geanonimiseerde bewoner");
    }

    private async Task<CaseDriver> ClosedAsync(string family)
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: family)).EvaluatedAsync();
        await @case.PostAsync("transitions", new { to = "Closed" });
        return @case;
    }

    private async Task ClosedYearsAgoAsync(Guid caseId, int years)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var closed = DateTime.UtcNow.AddYears(-years);
        await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Cases.Where(c => c.Id == caseId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAtUtc, closed), TestContext.Current.CancellationToken);
    }

    private async Task<int> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionService>().AnonymiseDueAsync(TestContext.Current.CancellationToken);
    }
}
