using System.Net;
using Keukentafel.Budget;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Budget;

/// <summary>The demo's shared budget: its ledger adds up, and it is shown to whom it concerns.</summary>
public sealed class BudgetPageTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task The_demo_budget_adds_up_and_finances_the_demo_plan_actions()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var financing = scope.ServiceProvider.GetRequiredService<Financing>();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var budget = await db.Budgets.SingleAsync(TestContext.Current.CancellationToken);

        (await financing.VerifyAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        var book = await financing.BookAsync(budget.Id, TestContext.Current.CancellationToken);
        book.Entries.Count(e => e.Kind == EntryKind.Commitment).ShouldBeGreaterThan(10);
        book.Entries.Count(e => e.Kind == EntryKind.Realisation).ShouldBeGreaterThan(5);
        // The plan page reads one year's book: every balance of that year is the same as in the whole book, with less read.
        foreach (var year in book.Entries.Select(e => e.Year).Distinct())
        {
            var yearBook = await financing.BookAsync(budget.Id, TestContext.Current.CancellationToken, year);
            yearBook.Entries.ShouldAllBe(e => e.Year == year);
            foreach (var organisation in book.Entries.Select(e => e.OrganisationId).Distinct())
            {
                yearBook.BalanceOf(organisation, year).ShouldBe(book.BalanceOf(organisation, year));
            }
        }
    }

    [Fact]
    public async Task A_professional_finances_a_plan_action_from_the_neighbourhood_budget_once_and_within_the_room()
    {
        var @case = await (await Keukentafel.Tests.Cases.CaseDriver.SignalAsync(app, (await Keukentafel.Tests.Cases.CaseDriver.HomeCareAsync(app)).Email,
            family: "Budgetwijzer")).MeetingPlannedAsync();
        var debts = await @case.AddPaidActionAsync("Schuldhulptraject starten", "Schuldhulp", 1450m);
        var tooDear = await @case.AddPaidActionAsync("Een jaar begeleid wonen", "Wmo", 900_000m);
        var own = (await @case.PostAsync("actions", new
        {
            what = "Zelf de post openen",
            carrier = "Resident",
            lawDomain = "Other",
            dueDate = Keukentafel.Tests.Cases.CaseDriver.Due(14),
            isContribution = false
        })).Id("createdId");

        var financed = await @case.PostAsync($"actions/{debts}/financing", new { });
        financed.GetProperty("amount").GetDecimal().ShouldBe(1450m);
        (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{debts}/financing", new { }, HttpStatusCode.Conflict))
            .Code().ShouldBe("budget.already_committed");
        // Named organisation, too little room: only its managers can allow it.
        (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{tooDear}/financing", new { }, HttpStatusCode.Accepted))
            .GetProperty("status").GetString().ShouldBe("Open");
        (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{own}/financing", new { }, HttpStatusCode.Conflict))
            .Code().ShouldBe("budget.not_financeable");
        var other = await app.ApiAsync((await app.StaffAsync(OrganisationType.Welfare, "WK990101", skip: 1)).Email);
        await other.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{debts}/financing", new { }, HttpStatusCode.NotFound);

        var plan = await (await app.SignedInAsync((await Keukentafel.Tests.Cases.CaseDriver.HomeCareAsync(app)).Email))
            .GetPageAsync($"/casussen/{@case.Id}/plan");
        plan.Text().ShouldContain("1.450,00 vastgelegd");

        await using var scope = app.Services.CreateAsyncScope();
        var financing = scope.ServiceProvider.GetRequiredService<Financing>();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        // A drop from an old version of the case is refused, and nothing goes back to the room.
        (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{debts}/status",
            new { version = @case.Version - 1, status = "Dropped", dropReason = "Te laat gezien." }, HttpStatusCode.Conflict)).Code().ShouldBe("case.stale");
        (await financing.ForCaseAsync(@case.Id, TestContext.Current.CancellationToken))[debts].Committed.ShouldBe(1450m);

        // Dropped: what was reserved goes back to the room, in the same transaction as the drop.
        await @case.PostAsync($"actions/{debts}/status", new { status = "Dropped", dropReason = "De schuldeiser trok de vordering in." });
        (await financing.ForCaseAsync(@case.Id, TestContext.Current.CancellationToken))[debts].Committed.ShouldBe(0m);
        var release = await db.LedgerEntries.AsNoTracking().SingleAsync(l => l.PlanActionId == debts && l.Kind == EntryKind.Release,
            TestContext.Current.CancellationToken);
        var dropped = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == @case.Id && e.Kind == "action.status_changed").OrderBy(e => e.Version)
            .LastAsync(TestContext.Current.CancellationToken);
        release.AtUtc.ShouldBe(dropped.AtUtc, "one change, one moment");
        // A request waiting for the managers is withdrawn with its action.
        await @case.PostAsync($"actions/{tooDear}/status", new { status = "Dropped", dropReason = "Niet meer nodig." });
        (await db.FinancingRequests.AsNoTracking().SingleAsync(r => r.PlanActionId == tooDear, TestContext.Current.CancellationToken))
            .Status.ShouldBe(RequestStatus.Withdrawn);
        (await financing.VerifyAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_coordinator_sees_this_years_dashboard_with_charts_forecast_and_financed_actions_and_the_director_only_sums()
    {
        var coordinator = await (await app.SignedInAsync(PageSession.Coordinator)).GetPageAsync("/budget");
        coordinator.QuerySelectorAll("figure.kt-chart").Length.ShouldBeGreaterThanOrEqualTo(4);
        coordinator.Text().ShouldContain($"{Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow).Year} in het kort");
        coordinator.Text().ShouldContain("In dat tempo");
        coordinator.Text().ShouldContain("Gefinancierde acties (alle organisaties)");
        var numbers = coordinator.QuerySelectorAll("caption").Single(c => c.TextContent.StartsWith("Gefinancierde acties", StringComparison.Ordinal))
            .ParentElement!.QuerySelectorAll("tbody th").Select(th => th.TextContent).ToList();
        numbers.ShouldNotBeEmpty();

        var director = await (await app.SignedInAsync(PageSession.Director)).GetPageAsync("/budget");
        director.QuerySelectorAll("figure.kt-chart").Length.ShouldBeGreaterThanOrEqualTo(4);
        director.Text().ShouldNotContain("Gefinancierde acties");
        numbers.ShouldAllBe(n => !director.Body!.InnerHtml.Contains(n));
        var api = await (await app.ApiAsync(PageSession.Financier)).GetJsonAsync($"/api/v1/budgets/{await BudgetIdAsync()}/dashboard");
        api.GetProperty("financedActions").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        var manager = await (await app.ApiAsync(PageSession.Manager)).GetJsonAsync($"/api/v1/budgets/{await BudgetIdAsync()}/dashboard");
        manager.GetProperty("financedActionsScope").GetString().ShouldBe("Stichting Welzijn Samen");
        manager.GetProperty("financedActions").EnumerateArray().ShouldAllBe(a => a.GetProperty("organisation").GetString() == "Stichting Welzijn Samen");
    }

    [Fact]
    public async Task The_financed_actions_come_a_page_at_a_time_and_only_the_page_shown_is_logged()
    {
        var ct = TestContext.Current.CancellationToken;
        var budgetId = await BudgetIdAsync();
        var api = await app.ApiAsync(PageSession.Coordinator);
        var first = await api.GetJsonAsync($"/api/v1/budgets/{budgetId}/dashboard");
        var total = first.GetProperty("total").GetInt32();
        total.ShouldBeGreaterThan(0);
        first.GetProperty("page").GetInt32().ShouldBe(1);
        first.GetProperty("pages").GetInt32().ShouldBe((total + Dashboards.DetailPageSize - 1) / Dashboards.DetailPageSize);
        first.GetProperty("financedActions").GetArrayLength().ShouldBe(Math.Min(total, Dashboards.DetailPageSize));

        // A page past the end shows the last one; the audit log holds one event for it that names every case shown on it.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var before = await db.AuditEvents.CountAsync(a => a.Part == "wijkbudget", ct);
        var past = await api.GetJsonAsync($"/api/v1/budgets/{budgetId}/dashboard?page=999");
        past.GetProperty("page").GetInt32().ShouldBe(past.GetProperty("pages").GetInt32());
        var shownCases = past.GetProperty("financedActions").EnumerateArray().Select(a => a.GetProperty("caseId").GetGuid()).Distinct().ToList();
        (await db.AuditEvents.CountAsync(a => a.Part == "wijkbudget", ct)).ShouldBe(before + 1);
        var logged = await db.AuditEvents.Where(a => a.Part == "wijkbudget").OrderByDescending(a => a.AtUtc).Select(a => a.Shown).FirstAsync(ct);
        Keukentafel.Privacy.ShownCase.Read(logged.ShouldNotBeNull()).Select(c => c.CaseId).ShouldBe(shownCases, ignoreOrder: true);
    }

    [Fact]
    public async Task The_dashboards_sums_are_the_ledgers_and_the_downloads_carry_the_same_tables()
    {
        var budgetId = await BudgetIdAsync();
        var year = Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow).Year;
        var dashboard = (await (await app.ApiAsync(PageSession.Coordinator)).GetJsonAsync($"/api/v1/budgets/{budgetId}/dashboard?year={year}"))
            .GetProperty("dashboard");
        await using var scope = app.Services.CreateAsyncScope();
        var book = await scope.ServiceProvider.GetRequiredService<Financing>().BookAsync(budgetId, TestContext.Current.CancellationToken);
        var entries = book.Entries.Where(e => e.Year == year).ToList();

        dashboard.GetProperty("total").GetProperty("room").GetDecimal().ShouldBe(entries.Where(e => e.Kind == EntryKind.Room).Sum(e => e.Amount));
        // Other tests of this class may have corrected or settled something: spent is realised plus corrections minus repayments.
        var spent = entries.Where(e => e.Kind is EntryKind.Realisation or EntryKind.Correction).Sum(e => e.Amount)
            - entries.Where(e => e.Kind == EntryKind.Settlement).Sum(e => e.Amount);
        dashboard.GetProperty("total").GetProperty("realised").GetDecimal().ShouldBe(spent);
        dashboard.GetProperty("months").EnumerateArray().Sum(m => m.GetProperty("realised").GetDecimal()).ShouldBe(spent);

        var coordinator = await app.SignedInAsync(PageSession.Coordinator);
        var csv = await coordinator.GetStringAsync($"/budget?handler=Export&id={budgetId}&jaar={year}&formaat=csv", TestContext.Current.CancellationToken);
        csv.ShouldContain("Per maand;");
        csv.ShouldContain("Per organisatie;Stichting Welzijn Samen;Ruimte;");
        csv.ShouldNotContain($"{year}-0", Case.Sensitive); // no case numbers in the download
        var xlsx = await coordinator.GetByteArrayAsync($"/budget?handler=Export&id={budgetId}&jaar={year}&formaat=xlsx", TestContext.Current.CancellationToken);
        xlsx.Take(2).ShouldBe("PK"u8.ToArray());
        // Each download is logged once, as a download of sums, and not as a look at any resident's case.
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var downloads = await db.AuditEvents.AsNoTracking().Where(a => a.Part == "wijkbudget (download, alleen totalen)")
            .ToListAsync(TestContext.Current.CancellationToken);
        downloads.Count(a => a.Action == Keukentafel.Privacy.AuditAction.Export).ShouldBeGreaterThanOrEqualTo(2);
        downloads.ShouldAllBe(a => a.CaseId == null && a.ResidentId == null && a.Action == Keukentafel.Privacy.AuditAction.Export);
    }

    [Fact]
    public async Task A_pre_financed_action_is_outstanding_until_the_coordinator_records_the_repayment()
    {
        var @case = await (await Keukentafel.Tests.Cases.CaseDriver.SignalAsync(app, (await Keukentafel.Tests.Cases.CaseDriver.HomeCareAsync(app)).Email,
            family: "Voorschot")).MeetingPlannedAsync();
        var due = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var nursing = (await @case.PostAsync("actions", new
        {
            what = "Wijkverpleging na ontslag uit het ziekenhuis",
            carrier = "Organisation",
            service = "DistrictNursing",
            lawDomain = "Zvw",
            expectedCost = 900m,
            dueDate = due,
            isContribution = false
        })).Id("createdId");
        await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{nursing}/financing", new { preFinancedFor = "HealthInsurer" });
        await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{nursing}/realisation", new { actualCost = 860m });
        (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{nursing}/realisation", new { actualCost = 10m }, HttpStatusCode.Conflict))
            .Code().ShouldBe("budget.not_committed");
        (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{nursing}/correction", new { amount = -60m }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("budget.reason_required");
        (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{nursing}/correction", new { amount = -900m, reason = "Creditnota" },
            HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("budget.correction_range");
        await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{nursing}/correction",
            new { amount = -60m, reason = "Creditnota: een bezoek minder." });
        await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{nursing}/correction", new { amount = 60m, reason = "Creditnota ingetrokken." });

        var budgetId = await BudgetIdAsync();
        var coordinator = await app.SignedInAsync(PageSession.Coordinator);
        var page = await coordinator.GetPageAsync($"/budget?id={budgetId}");
        page.Text().ShouldContain("Zorgverzekeraar: nog € 860,00 open");
        var form = page.QuerySelectorAll("form").Single(f => (f.GetAttribute("action") ?? "").Contains(nursing.ToString(), StringComparison.Ordinal))
            .GetAttribute("action")!;

        using var tooMuch = await coordinator.SubmitAsync($"/budget?id={budgetId}",
            new Dictionary<string, string> { ["kind"] = "Settlement", ["amount"] = "900,00", ["reason"] = "Zekerzorg" }, action: form);
        (await PageSession.ParseAsync(tooMuch)).QuerySelector(".utrecht-form-field-error-message").ShouldNotBeNull().TextContent.ShouldContain("openstaat");
        await using (var audit = app.Services.CreateAsyncScope())
        {
            // The refused settlement is in the resident's access log as a refused change.
            (await audit.ServiceProvider.GetRequiredService<KeukentafelDbContext>().AuditEvents.AsNoTracking()
                    .CountAsync(a => a.CaseId == @case.Id && a.Part == "wijkbudget" && !a.Allowed, TestContext.Current.CancellationToken))
                .ShouldBe(1);
        }

        using var repaid = await coordinator.SubmitAsync($"/budget?id={budgetId}",
            new Dictionary<string, string> { ["kind"] = "Settlement", ["amount"] = "860,00", ["reason"] = "Zekerzorg betaalde terug." }, action: form);
        repaid.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var dashboard = (await (await app.ApiAsync(PageSession.Coordinator)).GetJsonAsync($"/api/v1/budgets/{budgetId}/dashboard")).GetProperty("dashboard");
        var insurer = dashboard.GetProperty("preFinancing").EnumerateArray().Single(p => p.GetProperty("payer").GetString() == "HealthInsurer");
        insurer.GetProperty("outstanding").GetDecimal().ShouldBe(0m);
        insurer.GetProperty("settled").GetDecimal().ShouldBe(860m);
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<Financing>().VerifyAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_plan_page_corrects_what_was_spent_with_a_reason_and_refuses_a_correction_without_one()
    {
        var homeCare = await Keukentafel.Tests.Cases.CaseDriver.HomeCareAsync(app);
        var @case = await (await Keukentafel.Tests.Cases.CaseDriver.SignalAsync(app, homeCare.Email, family: "Creditnota")).MeetingPlannedAsync();
        var paid = await @case.AddPaidActionAsync("Budgetcoaching", "Schuldhulp", 300m);
        await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{paid}/financing", new { });
        await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{paid}/realisation", new { actualCost = 300m });
        var browser = await app.SignedInAsync(homeCare.Email);
        var url = $"/casussen/{@case.Id}/plan";
        var form = $"/casussen/{@case.Id}/plan?actionId={paid}&handler=Correct";
        (await browser.GetPageAsync(url)).QuerySelector($"form[action='{form}'] input[name=correction]").ShouldNotBeNull();

        using var noReason = await browser.SubmitAsync(url, new Dictionary<string, string> { ["correction"] = "-40,00" }, action: form);
        (await PageSession.ParseAsync(noReason)).QuerySelector(".utrecht-form-field-error-message").ShouldNotBeNull().TextContent.ShouldContain("reden");
        using var corrected = await browser.SubmitAsync(url,
            new Dictionary<string, string> { ["correction"] = "-40,00", ["correctionReason"] = "Creditnota: een gesprek minder." }, action: form);

        corrected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var scope = app.Services.CreateAsyncScope();
        var corrections = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().LedgerEntries.AsNoTracking()
            .Where(l => l.PlanActionId == paid && l.Kind == EntryKind.Correction).ToListAsync(TestContext.Current.CancellationToken);
        corrections.ShouldHaveSingleItem().Amount.ShouldBe(-40m);
        corrections[0].Reason.ShouldBe("Creditnota: een gesprek minder.");
        (await scope.ServiceProvider.GetRequiredService<Financing>().VerifyAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Coordinator_and_director_see_the_budget_of_their_neighbourhood_and_nobody_else_does()
    {
        foreach (var email in new[] { PageSession.Coordinator, PageSession.Director, PageSession.Financier })
        {
            var page = await (await app.SignedInAsync(email)).GetPageAsync("/budget");
            page.QuerySelectorAll("table tbody tr").Length.ShouldBeGreaterThan(3, email);
            page.Text().ShouldContain("Wijkbudget Rietvelden");
        }

        using var professional = await (await app.SignedInAsync(PageSession.Professional)).GetAsync("/budget", TestContext.Current.CancellationToken);
        professional.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);

        Guid budgetId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            budgetId = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Budgets.Select(b => b.Id)
                .SingleAsync(TestContext.Current.CancellationToken);
        }

        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Coordinator, onlyThere: true);
        await (await app.ApiAsync(elsewhere.Email)).GetJsonAsync($"/api/v1/budgets/{budgetId}/dashboard", HttpStatusCode.NotFound);
        var other = await app.SignedInAsync(elsewhere.Email);
        (await other.GetPageAsync("/budget")).Text().ShouldContain("Er is nog geen wijkbudget");
        using var refused = await other.GetAsync($"/budget?id={budgetId}", TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<Guid> BudgetIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Budgets.Select(b => b.Id)
            .SingleAsync(TestContext.Current.CancellationToken);
    }
}
