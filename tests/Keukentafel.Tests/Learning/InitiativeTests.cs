using System.Net;
using Keukentafel.Neighbourhoods;
using Keukentafel.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Learning;

/// <summary>Collective initiatives: started by the coordinator, measured week by week, serving plan actions ("collective before individual").</summary>
public sealed class InitiativeTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Today => Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow);

    private async Task<Guid> StartAsync(string name, string neighbourhood = "WK990101", string? coordinator = null)
    {
        using var client = await app.ApiAsync(coordinator ?? PageSession.Coordinator);
        return (await client.PostJsonAsync($"/api/v1/neighbourhoods/{await app.NeighbourhoodIdAsync(neighbourhood)}/initiatives",
            new { name, description = "Koffie, eten en klussen", runByResidents = true, budgetPerYear = 12_000m, fromNeighbourhoodBudget = false },
            HttpStatusCode.Created)).Id();
    }

    [Fact]
    public async Task A_budget_line_from_the_neighbourhood_budget_is_booked_in_its_ledger_from_the_managing_organisations_room()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);
        var url = $"/api/v1/neighbourhoods/{neighbourhood}/initiatives";
        Guid welfare;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>();
            welfare = await db.StaffMembers.Where(s => s.Email == PageSession.Professional).Select(s => s.OrganisationId!.Value)
                .SingleAsync(TestContext.Current.CancellationToken);
        }

        // Residents alone hold no room: the organisation that manages the money is named.
        (await coordinator.PostJsonAsync(url, new { name = "Repaircafé", runByResidents = true, budgetPerYear = 1_200m, fromNeighbourhoodBudget = true },
            HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("initiative.organisation_for_budget");
        // More than the room: refused, and no initiative is saved without its money.
        (await coordinator.PostJsonAsync(url,
            new { name = "Te groot plan", runByResidents = true, organisationId = welfare, budgetPerYear = 9_000_000m, fromNeighbourhoodBudget = true },
            HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("budget.room_exceeded");
        (await coordinator.GetJsonAsync($"{url}?limit=200")).Items().EnumerateArray()
            .ShouldNotContain(i => i.GetProperty("name").GetString() == "Te groot plan");

        var before = await CommittedAsync(welfare);
        var started = await coordinator.PostJsonAsync(url,
            new { name = "Repaircafé", runByResidents = true, organisationId = welfare, budgetPerYear = 1_200m, fromNeighbourhoodBudget = true },
            HttpStatusCode.Created);

        (await CommittedAsync(welfare)).ShouldBe(before + 1_200m);
        var dashboard = await coordinator.GetJsonAsync($"/api/v1/budgets/{await BudgetIdAsync(neighbourhood)}/dashboard?year={Today.Year}");
        var row = dashboard.GetProperty("dashboard").GetProperty("initiatives").EnumerateArray().Single(i => i.Id("initiativeId") == started.Id());
        row.GetProperty("committed").GetDecimal().ShouldBe(1_200m);
        row.GetProperty("what").GetString()!.ShouldContain("Repaircafé");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<Keukentafel.Budget.Financing>().VerifyAsync(TestContext.Current.CancellationToken))
                .ShouldBeEmpty();
        }

        // Each year once, from its start year on; only the coordinator books; next year has no room for it yet.
        var view = await coordinator.GetJsonAsync($"/api/v1/initiatives/{started.Id()}");
        view.GetProperty("bookedYears").EnumerateArray().Select(y => y.GetInt32()).ShouldBe([Today.Year]);
        view.GetProperty("mayBook").GetBoolean().ShouldBeTrue();
        var bookings = $"/api/v1/initiatives/{started.Id()}/bookings";
        (await coordinator.PostJsonAsync(bookings, new { year = Today.Year }, HttpStatusCode.Conflict)).Code().ShouldBe("budget.initiative_booked");
        (await coordinator.PostJsonAsync(bookings, new { year = Today.Year - 1 }, HttpStatusCode.UnprocessableEntity)).Code()
            .ShouldBe("initiative.year_outside");
        (await coordinator.PostJsonAsync(bookings, new { year = Today.Year + 1 }, HttpStatusCode.UnprocessableEntity)).Code()
            .ShouldBe("budget.room_exceeded");
        using var professional = await app.ApiAsync(PageSession.Professional);
        await professional.PostJsonAsync(bookings, new { year = Today.Year + 1 }, HttpStatusCode.NotFound);
        (await CommittedAsync(welfare)).ShouldBe(before + 1_200m, "nothing more was booked");
        var page = await (await app.SignedInAsync(PageSession.Coordinator)).GetPageAsync($"/initiatieven/{started.Id()}");
        page.QuerySelector("#booked-years")!.TextContent.ShouldBe($"{Today.Year}");
        page.QuerySelector("form[action*='handler=Book'] button")!.TextContent.ShouldContain($"{Today.Year + 1}");

        // A neighbourhood without a budget cannot pay an initiative from it.
        using var other = await app.ApiAsync((await app.StaffAsync(null, "WK990102", StaffFunction.Coordinator)).Email);
        (await other.PostJsonAsync($"/api/v1/neighbourhoods/{await app.NeighbourhoodIdAsync("WK990102")}/initiatives",
            new { name = "Zonder pot", runByResidents = true, organisationId = welfare, budgetPerYear = 100m, fromNeighbourhoodBudget = true },
            HttpStatusCode.UnprocessableEntity)).Code().ShouldBeOneOf("budget.none", "initiative.organisation_elsewhere");
    }

    private async Task<decimal> CommittedAsync(Guid organisation)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>();
        return await db.LedgerEntries.Where(l => l.OrganisationId == organisation && l.InitiativeId != null && l.Year == Today.Year)
            .SumAsync(l => l.Amount, TestContext.Current.CancellationToken);
    }

    private async Task<Guid> BudgetIdAsync(Guid neighbourhood)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>().Budgets
            .Where(b => b.NeighbourhoodId == neighbourhood).Select(b => b.Id).FirstAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_negative_measure_or_one_in_a_week_to_come_is_refused_and_a_second_measure_of_a_week_keeps_the_first()
    {
        var initiative = await StartAsync("Buurthuis De Meting");
        using var professional = await app.ApiAsync((await CaseDriver.HomeCareAsync(app)).Email);
        var url = $"/api/v1/initiatives/{initiative}/measures";

        var negative = await professional.PostJsonAsync(url, new { week = Day(Today), visitors = 40, volunteers = -2 }, HttpStatusCode.UnprocessableEntity);
        var future = await professional.PostJsonAsync(url, new { week = Day(Today.AddDays(8)), visitors = 40 }, HttpStatusCode.UnprocessableEntity);
        var empty = await professional.PostJsonAsync(url, new { week = Day(Today) }, HttpStatusCode.UnprocessableEntity);
        var huge = await professional.PostJsonAsync(url, new { week = Day(Today), visitors = int.MaxValue }, HttpStatusCode.UnprocessableEntity);

        negative.Code().ShouldBe("initiative.measure_negative");
        negative.GetProperty("title").GetString()!.ShouldContain("kan niet negatief zijn");
        future.Code().ShouldBe("initiative.measure_future");
        empty.Code().ShouldBe("initiative.measure_empty");
        huge.Code().ShouldBe("initiative.measure_too_large");
        (await professional.GetJsonAsync($"/api/v1/initiatives/{initiative}")).GetProperty("measures").GetArrayLength().ShouldBe(0, "nothing saved");

        var lastWeek = Today.AddDays(-7);
        await professional.PostJsonAsync(url, new { week = Day(lastWeek), visitors = 35, volunteers = 6, residentsGivingBack = 4, activities = 5 },
            HttpStatusCode.Created);
        await professional.PostJsonAsync(url,
            new { week = Day(lastWeek), visitors = 38, volunteers = 6, residentsGivingBack = 4, activities = 5, note = "Geteld met de intekenlijst" },
            HttpStatusCode.Created);
        var measures = (await professional.GetJsonAsync($"/api/v1/initiatives/{initiative}")).GetProperty("measures").EnumerateArray().ToList();
        measures.Count.ShouldBe(2);
        measures[0].GetProperty("visitors").GetInt32().ShouldBe(38);
        measures[0].GetProperty("current").GetBoolean().ShouldBeTrue();
        measures[1].GetProperty("current").GetBoolean().ShouldBeFalse();
        measures[0].GetProperty("week").GetString().ShouldBe(Day(Keukentafel.Learning.InitiativeMeasure.WeekOf(lastWeek)));
    }

    [Fact]
    public async Task Only_the_coordinator_starts_one_with_a_name_and_someone_who_runs_it_and_someone_from_elsewhere_sees_nothing()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        using var coordinator = await app.ApiAsync(PageSession.Coordinator);
        var url = $"/api/v1/neighbourhoods/{neighbourhood}/initiatives";
        (await coordinator.PostJsonAsync(url, new { name = "", runByResidents = true }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("initiative.name_required");
        (await coordinator.PostJsonAsync(url, new { name = "Wandelgroep", runByResidents = false }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("initiative.run_by_required");
        (await coordinator.PostJsonAsync(url, new { name = "Wandelgroep", runByResidents = true, budgetPerYear = -5m }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("initiative.budget_negative");
        (await coordinator.PostJsonAsync(url, new { name = "Wandelgroep", runByResidents = true, budgetPerYear = 99_999_999_999_999m },
            HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("initiative.budget_too_large");
        using var professional = await app.ApiAsync((await CaseDriver.HomeCareAsync(app)).Email);
        using var notCoordinator = await professional.PostAsync(url,
            System.Net.Http.Json.JsonContent.Create(new { name = "Wandelgroep", runByResidents = true }), TestContext.Current.CancellationToken);
        notCoordinator.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await professional.GetJsonAsync(url)).Items().EnumerateArray().ShouldNotContain(i => i.GetProperty("name").GetString() == "Wandelgroep");

        var initiative = await StartAsync("Kookclub Elders");
        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Professional, onlyThere: true);
        using var other = await app.ApiAsync(elsewhere.Email);
        using var notHis = await other.GetAsync($"/api/v1/initiatives/{initiative}", TestContext.Current.CancellationToken);
        notHis.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var notHisMeasure = await other.PostAsync($"/api/v1/initiatives/{initiative}/measures",
            System.Net.Http.Json.JsonContent.Create(new { week = Day(Today), visitors = 1 }), TestContext.Current.CancellationToken);
        notHisMeasure.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_plan_action_is_carried_out_by_an_initiative_of_its_own_neighbourhood_and_the_initiative_counts_it()
    {
        var initiative = await StartAsync("Buurthuis Het Plein");
        var otherCoordinator = await app.StaffAsync(null, "WK990102", StaffFunction.Coordinator);
        var elsewhere = await StartAsync("Buurthuis Ver Weg", "WK990102", otherCoordinator.Email);
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Collectief")).AnsweredAsync();
        var due = Day(Today.AddDays(10));

        var refused = await @case.PostAsync("actions",
            new { what = "Samen eten", carrier = "CollectiveInitiative", initiativeId = elsewhere, lawDomain = "Welzijn", dueDate = due },
            HttpStatusCode.UnprocessableEntity);
        refused.Code().ShouldBe("action.initiative_elsewhere");
        var action = (await @case.PostAsync("actions",
            new { what = "Samen eten op dinsdag", carrier = "CollectiveInitiative", initiativeId = initiative, lawDomain = "Welzijn", dueDate = due }))
            .Id("createdId");

        var stored = (await @case.FileAsync()).GetProperty("actions").EnumerateArray().Single(a => a.Id() == action);
        stored.GetProperty("carrierName").GetString().ShouldBe("Buurthuis Het Plein");
        stored.GetProperty("initiativeId").GetGuid().ShouldBe(initiative);
        var view = await @case.Bringer.GetJsonAsync($"/api/v1/initiatives/{initiative}");
        view.GetProperty("actionsServed").GetInt32().ShouldBe(1);
        view.ToString().ShouldNotContain("Collectief", Case.Sensitive);
        var plan = await (await app.SignedInAsync((await CaseDriver.HomeCareAsync(app)).Email)).GetPageAsync($"/casussen/{@case.Id}/plan");
        plan.QuerySelector($"a[href='/initiatieven/{initiative}']").ShouldNotBeNull();
        plan.QuerySelectorAll("#Action_InitiativeId option").Select(o => o.TextContent).ShouldContain("Buurthuis Het Plein");
    }

    [Fact]
    public async Task On_the_pages_the_coordinator_starts_one_and_a_negative_measure_is_shown_at_its_field()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var coordinator = await app.SignedInAsync(PageSession.Coordinator);
        var form = $"/initiatieven?wijk={neighbourhood}&handler=Start";
        using var noName = await coordinator.SubmitAsync($"/initiatieven?wijk={neighbourhood}",
            new Dictionary<string, string> { ["Start.Name"] = "" }, action: form);
        (await PageSession.ParseAsync(noName)).QuerySelector("#Start_Name-error").ShouldNotBeNull().TextContent.ShouldContain("Geef de naam");
        using var started = await coordinator.SubmitAsync($"/initiatieven?wijk={neighbourhood}",
            new Dictionary<string, string> { ["Start.Name"] = "Wandelgroep De Hei", ["Start.RunByResidents"] = "true" }, action: form);
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = started.Headers.Location!.PathAndQuery().Split('?')[0];

        var professional = await app.SignedInAsync((await CaseDriver.HomeCareAsync(app)).Email);
        using var negative = await professional.SubmitAsync(url, new Dictionary<string, string> { ["Measure.Week"] = Day(Today), ["Measure.Visitors"] = "-4" },
            action: $"{url}?handler=Measure");
        negative.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PageSession.ParseAsync(negative);
        page.QuerySelector("#Measure_Visitors-error").ShouldNotBeNull().TextContent.ShouldContain("kan niet negatief zijn");
        page.Text().ShouldContain("Nog geen metingen.");
        using var measured = await professional.SubmitAsync(url, new Dictionary<string, string> { ["Measure.Week"] = Day(Today), ["Measure.Visitors"] = "12" },
            action: $"{url}?handler=Measure");
        measured.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await professional.GetPageAsync(url)).QuerySelectorAll("tbody tr").Length.ShouldBe(1);
    }
}
