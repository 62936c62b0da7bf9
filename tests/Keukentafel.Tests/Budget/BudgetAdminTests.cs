using System.Net;
using System.Net.Http.Json;
using Keukentafel.Neighbourhoods;

namespace Keukentafel.Tests.Budget;

/// <summary>A coordinator starts his neighbourhood's budget, records contributions and divides the room; nobody else can.</summary>
public sealed class BudgetAdminTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task A_coordinator_starts_a_budget_records_contributions_and_sets_rooms_with_refusals_beside_the_field()
    {
        var coordinator = await app.StaffAsync(null, "WK990102", StaffFunction.Coordinator, onlyThere: true);
        var browser = await app.SignedInAsync(coordinator.Email);
        var kloosterkamp = await app.NeighbourhoodIdAsync("WK990102");

        using var nameless = await browser.SubmitAsync("/budget/beheer", new Dictionary<string, string>
        {
            ["Create.NeighbourhoodId"] = kloosterkamp.ToString(),
            ["Create.Name"] = "",
            ["Create.FirstYear"] = "2027",
            ["Create.LastYear"] = "2031"
        }, action: "/budget/beheer?handler=Create");
        (await PageSession.ParseAsync(nameless)).QuerySelector("#Create_Name-error").ShouldNotBeNull().TextContent.ShouldContain("naam");
        using var created = await browser.SubmitAsync("/budget/beheer", new Dictionary<string, string>
        {
            ["Create.NeighbourhoodId"] = kloosterkamp.ToString(),
            ["Create.Name"] = "Wijkbudget Kloosterkamp 2027-2031",
            ["Create.FirstYear"] = "2027",
            ["Create.LastYear"] = "2031"
        }, action: "/budget/beheer?handler=Create");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var budgetId = Guid.Parse(System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + created.Headers.Location!.PathAndQuery()).Query)["id"]!);

        var api = await app.ApiAsync(coordinator.Email);
        (await api.PostJsonAsync("/api/v1/budgets", new { neighbourhoodId = kloosterkamp, name = "Dubbel", firstYear = 2029, lastYear = 2030 },
            HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("budget.overlap");
        await api.PostJsonAsync($"/api/v1/budgets/{budgetId}/contributions",
            new { contributor = "Gemeente (Wmo)", amount = 250_000m, date = "2027-01-04", lawDomain = "Wmo" });
        (await api.PostJsonAsync($"/api/v1/budgets/{budgetId}/contributions",
            new { contributor = "Gemeente (Wmo)", amount = 1_000m, date = "2026-12-31", lawDomain = "Wmo" }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("budget.contribution_date");

        var welfare = await app.OrganisationIdAsync(OrganisationType.Welfare);
        var url = $"/budget/beheer?id={budgetId}";
        var action = $"/budget/beheer?id={budgetId}&handler=Room";
        using var tooMuch = await browser.SubmitAsync(url,
            new Dictionary<string, string> { ["Room.OrganisationId"] = welfare.ToString(), ["Room.Year"] = "2027", ["Room.Amount"] = "300.000" },
            action: action);
        (await PageSession.ParseAsync(tooMuch))
            .QuerySelector("#Room_Amount-error").ShouldNotBeNull().TextContent.ShouldContain("zouden meer zijn dan wat er in het budget zit");
        using var set = await browser.SubmitAsync(url,
            new Dictionary<string, string> { ["Room.OrganisationId"] = welfare.ToString(), ["Room.Year"] = "2027", ["Room.Amount"] = "60.000" },
            action: action);
        set.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var detail = await api.GetJsonAsync($"/api/v1/budgets/{budgetId}");
        detail.GetProperty("total").GetDecimal().ShouldBe(250_000m);
        detail.GetProperty("rooms").EnumerateArray().Single(r => r.Id("organisationId") == welfare && r.GetProperty("year").GetInt32() == 2027)
            .GetProperty("room").GetDecimal().ShouldBe(60_000m);
        (await browser.GetPageAsync($"/budget?id={budgetId}&jaar=2027")).Text().ShouldContain("2027 is nog niet begonnen");
    }

    [Fact]
    public async Task Someone_from_another_neighbourhood_or_without_the_coordinator_role_cannot_keep_a_budget()
    {
        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Coordinator, onlyThere: true);
        var rietvelden = await app.NeighbourhoodIdAsync("WK990101");
        var api = await app.ApiAsync(elsewhere.Email);
        var budgets = (await (await app.ApiAsync(PageSession.Coordinator)).GetJsonAsync("/api/v1/budgets")).Items();
        var demo = budgets.EnumerateArray().First().Id();

        await api.GetJsonAsync($"/api/v1/budgets/{demo}", HttpStatusCode.NotFound);
        await api.PostJsonAsync($"/api/v1/budgets/{demo}/contributions", new { contributor = "Ik", amount = 10m, date = "2026-05-01", lawDomain = "Wmo" },
            HttpStatusCode.NotFound);
        (await api.PostJsonAsync("/api/v1/budgets", new { neighbourhoodId = rietvelden, name = "Niet van mij", firstYear = 2040, lastYear = 2041 },
            HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("budget.not_yours");
        using var put = await api.PutAsJsonAsync($"/api/v1/budgets/{demo}/rooms", new { organisationId = Guid.Empty, year = 2026, amount = 1m },
            TestContext.Current.CancellationToken);
        put.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var professional = await app.ApiAsync(PageSession.Professional);
        using var refused = await professional.GetAsync($"/api/v1/budgets/{demo}", TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
