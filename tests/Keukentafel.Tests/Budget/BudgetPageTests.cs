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
    }

    [Fact]
    public async Task A_professional_finances_a_plan_action_from_the_neighbourhood_budget_once_and_within_the_room()
    {
        var @case = await (await Keukentafel.Tests.Cases.CaseDriver.SignalAsync(app, (await Keukentafel.Tests.Cases.CaseDriver.HomeCareAsync(app)).Email, family: "Budgetwijzer")).MeetingPlannedAsync();
        var gemeente = await app.OrganisationIdAsync(OrganisationType.Municipality);
        var due = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var debts = (await @case.PostAsync("actions", new { what = "Schuldhulptraject starten", carrier = "Organisation", carrierOrganisationId = gemeente, lawDomain = "Schuldhulp", expectedCost = 1450m, dueDate = due, isContribution = false })).Id("createdId");
        var tooDear = (await @case.PostAsync("actions", new { what = "Een jaar begeleid wonen", carrier = "Organisation", carrierOrganisationId = gemeente, lawDomain = "Wmo", expectedCost = 900_000m, dueDate = due, isContribution = false })).Id("createdId");
        var own = (await @case.PostAsync("actions", new { what = "Zelf de post openen", carrier = "Resident", lawDomain = "Other", dueDate = due, isContribution = false })).Id("createdId");

        var financed = await @case.Bringer.PostJsonAsync($"/api/cases/{@case.Id}/actions/{debts}/financing", new { });
        financed.GetProperty("amount").GetDecimal().ShouldBe(1450m);
        (await @case.Bringer.PostJsonAsync($"/api/cases/{@case.Id}/actions/{debts}/financing", new { }, HttpStatusCode.Conflict)).Code().ShouldBe("budget.already_committed");
        // Named organisation, too little room: only its managers can allow it.
        (await @case.Bringer.PostJsonAsync($"/api/cases/{@case.Id}/actions/{tooDear}/financing", new { }, HttpStatusCode.Accepted)).GetProperty("status").GetString().ShouldBe("Open");
        (await @case.Bringer.PostJsonAsync($"/api/cases/{@case.Id}/actions/{own}/financing", new { }, HttpStatusCode.Conflict)).Code().ShouldBe("budget.not_financeable");
        var other = await app.ApiAsync((await app.StaffAsync(OrganisationType.Welfare, "WK990101", skip: 1)).Email);
        await other.PostJsonAsync($"/api/cases/{@case.Id}/actions/{debts}/financing", new { }, HttpStatusCode.NotFound);

        var plan = await (await app.SignedInAsync((await Keukentafel.Tests.Cases.CaseDriver.HomeCareAsync(app)).Email)).GetPageAsync($"/casussen/{@case.Id}/plan");
        plan.Text().ShouldContain("1.450,00 vastgelegd");

        // Dropped: what was reserved goes back to the room.
        await @case.PostAsync($"actions/{debts}/status", new { status = "Dropped", dropReason = "De schuldeiser trok de vordering in." });
        await using var scope = app.Services.CreateAsyncScope();
        var financing = scope.ServiceProvider.GetRequiredService<Financing>();
        (await financing.ForCaseAsync(@case.Id, TestContext.Current.CancellationToken))[debts].Committed.ShouldBe(0m);
        (await financing.VerifyAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
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
            budgetId = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Budgets.Select(b => b.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Coordinator, onlyThere: true);
        var other = await app.SignedInAsync(elsewhere.Email);
        (await other.GetPageAsync("/budget")).Text().ShouldContain("Er is nog geen wijkbudget");
        using var refused = await other.GetAsync($"/budget?id={budgetId}", TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
