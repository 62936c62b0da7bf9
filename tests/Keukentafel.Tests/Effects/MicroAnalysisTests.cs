using System.Globalization;
using System.Net;
using System.Text.Json;
using Keukentafel.Neighbourhoods;
using Keukentafel.Tests.Cases;

namespace Keukentafel.Tests.Effects;

/// <summary>A micro-analysis over HTTP on a real database, to the cent.</summary>
public sealed class MicroAnalysisTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private const string Neighbourhood = "WK990101";

    [Fact]
    public async Task A_hand_calculated_case_gives_the_exact_euros_per_domain_and_payer_and_a_locked_analysis_keeps_its_prices()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync(Neighbourhood);
        var coordinator = await app.StaffAsync(null, Neighbourhood, StaffFunction.Coordinator);
        var coordinatorApi = await app.ApiAsync(coordinator.Email);
        var year = Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow).Year;
        // The neighbourhood's own prices, in euros of this year: no indexing, so every euro below can be checked by hand.
        await SetPriceAsync(coordinatorApi, neighbourhood, "huisuitzetting", 8000m, year);
        await SetPriceAsync(coordinatorApi, neighbourhood, "maatschappelijke-opvang-nacht", 45m, year);
        await SetPriceAsync(coordinatorApi, neighbourhood, "ggz-crisiscontact", 500m, year);

        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Rekensom")).MeetingPlannedAsync();
        await @case.PostAsync("actions", new
        {
            what = "Schuldhulptraject bij de gemeente",
            carrier = "CollectiveInitiative",
            carrierName = "Schuldhulpmaatje",
            lawDomain = "Schuldhulp",
            expectedCost = 1200m,
            dueDate = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            isContribution = false,
        });
        await @case.PostAsync("analysis",
            new { horizonMonths = 12, priceYear = year, existingCare = true, assumptions = "Zonder hulp liep de huurachterstand op tot een ontruiming." });
        await @case.PostAsync("analysis/lines",
            new { scenario = "Without", itemCode = "huisuitzetting", quantity = 1, probabilityPercent = 40, fromMonth = 6, toMonth = 6 });
        await @case.PostAsync("analysis/lines",
            new { scenario = "Without", itemCode = "maatschappelijke-opvang-nacht", quantity = 30, probabilityPercent = 40, fromMonth = 7, toMonth = 8 });
        await @case.PostAsync("analysis/lines", new { scenario = "Without", itemCode = "ggz-crisiscontact", quantity = 2, probabilityPercent = 50 });
        await @case.PostAsync("analysis/lines", new { scenario = "With", itemCode = "huisarts-consult", quantity = 2 });

        var draft = Result(await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/analysis"));
        // The GP consultation comes from the catalogue (30,87 euro in 2022), indexed with the CBS CPI to this year;
        // computed unrounded, and written by the API rounded to the cent.
        var gp = R(30.87m * Index(year) / Index(2022) * 2);
        draft.GetProperty("without").GetDecimal().ShouldBe(3200m + 540m + 500m);
        R(draft.GetProperty("with").GetDecimal()).ShouldBe(1200m + gp);
        Split(draft, "byPayer", "HousingCorporation").ShouldBe((3200m, 0m));
        Split(draft, "byPayer", "Municipality").ShouldBe((540m, 1200m));
        Split(draft, "byPayer", "HealthInsurer").ShouldBe((500m, gp));
        Split(draft, "byDomain", "Wonen").ShouldBe((3200m, 0m));
        Split(draft, "byDomain", "Wmo").ShouldBe((540m, 0m));
        Split(draft, "byDomain", "Zvw").ShouldBe((500m, gp));
        Split(draft, "byDomain", "Schuldhulp").ShouldBe((0m, 1200m));
        var cumulativeWithout = draft.GetProperty("cumulativeWithout").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        cumulativeWithout.Count.ShouldBe(12);
        R(cumulativeWithout[^1]).ShouldBe(4240m);

        // The author cannot lock his own analysis; the coordinator, after giving his reason to open the file, can.
        (await @case.PostAsync("analysis/lock", new { }, HttpStatusCode.Conflict)).Code().ShouldBe("analysis.review_by_other");
        await coordinatorApi.PostJsonAsync($"/api/v1/access/{@case.Id}/reason", new { reason = "Controle van de kostenanalyse voor de effectrapportage." },
            HttpStatusCode.NoContent);
        await @case.PostAsync("analysis/lock", new { }, client: coordinatorApi);

        await SetPriceAsync(coordinatorApi, neighbourhood, "huisuitzetting", 9500m, year);
        var locked = await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/analysis");
        locked.GetProperty("terms").GetProperty("locked").GetBoolean().ShouldBeTrue();
        locked.GetProperty("terms").GetProperty("catalogueVersion").GetString().ShouldBe("2026.1");
        Result(locked).GetProperty("without").GetDecimal().ShouldBe(4240m);
        Split(Result(locked), "byPayer", "HousingCorporation").ShouldBe((3200m, 0m));
        (await @case.PostAsync("analysis/lines", new { scenario = "Without", itemCode = "politie-inzet", quantity = 1 }, HttpStatusCode.Conflict))
            .Code().ShouldBe("analysis.locked");
    }

    [Fact]
    public async Task A_locked_analysis_gets_a_new_version_that_a_colleague_reviews_again_and_the_old_one_is_kept_as_replaced()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync(Neighbourhood);
        var coordinatorApi = await app.ApiAsync((await app.StaffAsync(null, Neighbourhood, StaffFunction.Coordinator)).Email);
        var year = Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow).Year;
        await SetPriceAsync(coordinatorApi, neighbourhood, "politie-inzet", 800m, year);
        var bringer = await CaseDriver.HomeCareAsync(app);
        var @case = await (await CaseDriver.SignalAsync(app, bringer.Email, family: "Herziening")).MeetingPlannedAsync();
        await @case.PostAsync("analysis", new { horizonMonths = 12, priceYear = year, existingCare = false, assumptions = "Zonder hulp kwam de politie." });
        await @case.PostAsync("analysis/lines", new { scenario = "Without", itemCode = "politie-inzet", quantity = 2, probabilityPercent = 50 });

        // A draft is changed, not replaced; a new version needs its reason.
        (await @case.PostAsync("analysis/new-version", new { reason = "Te vroeg" }, HttpStatusCode.Conflict)).Code().ShouldBe("analysis.not_locked");
        await coordinatorApi.PostJsonAsync($"/api/v1/access/{@case.Id}/reason", new { reason = "Controle van de kostenanalyse." }, HttpStatusCode.NoContent);
        await @case.PostAsync("analysis/lock", new { }, client: coordinatorApi);
        (await @case.PostAsync("analysis/new-version", new { reason = "" }, HttpStatusCode.BadRequest)).Code().ShouldBe("request.invalid");

        await SetPriceAsync(coordinatorApi, neighbourhood, "politie-inzet", 900m, year);
        await @case.PostAsync("analysis/new-version", new { reason = "De bewoner verhuisde: de politie kwam minder vaak." });

        var file = await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/analysis");
        var terms = file.GetProperty("terms");
        terms.GetProperty("number").GetInt32().ShouldBe(2);
        terms.GetProperty("locked").GetBoolean().ShouldBeFalse();
        Result(file).GetProperty("without").GetDecimal().ShouldBe(900m, "a draft again: today's price");
        var old = file.GetProperty("replaced").EnumerateArray().ShouldHaveSingleItem();
        old.GetProperty("number").GetInt32().ShouldBe(1);
        old.GetProperty("without").GetDecimal().ShouldBe(800m, "kept as it was locked, in its frozen price");
        old.GetProperty("reason").GetString().ShouldBe("De bewoner verhuisde: de politie kwam minder vaak.");

        // Whoever started the new version cannot lock it; a colleague who did not work on it can, again.
        var line = file.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("removedAtUtc").ValueKind == JsonValueKind.Null).Id();
        await @case.PostAsync($"analysis/lines/{line}/removal", new { });
        await @case.PostAsync("analysis/lines", new { scenario = "Without", itemCode = "politie-inzet", quantity = 1, probabilityPercent = 50 });
        (await @case.PostAsync("analysis/lock", new { }, HttpStatusCode.Conflict)).Code().ShouldBe("analysis.review_by_other");
        await @case.PostAsync("analysis/lock", new { }, client: coordinatorApi);
        var second = await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/analysis");
        second.GetProperty("terms").GetProperty("locked").GetBoolean().ShouldBeTrue();
        Result(second).GetProperty("without").GetDecimal().ShouldBe(450m);
        (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/history?limit=200")).Items().ToString()
            .ShouldContain("Nieuwe versie 2 van de kostenanalyse");

        // The page shows the earlier version as replaced.
        var page = await (await app.SignedInAsync(bringer.Email)).GetPageAsync($"/casussen/{@case.Id}/kosten");
        page.QuerySelector("#replaced-versions")!.TextContent.ShouldContain("Versie 1");
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_error_and_saves_nothing()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync(Neighbourhood);
        var coordinatorApi = await app.ApiAsync((await app.StaffAsync(null, Neighbourhood, StaffFunction.Coordinator)).Email);
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Foutinvoer");
        var ownPrices = (await coordinatorApi.GetJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/prices")).GetProperty("history").GetArrayLength();

        (await @case.PostAsync("analysis", new { horizonMonths = 0 }, HttpStatusCode.BadRequest))
            .GetProperty("errors").GetRawText().ShouldContain("horizon van 1 tot en met 60");
        (await @case.PostAsync("analysis", new { horizonMonths = 12, priceYear = 1990 }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("catalogue.year_unknown");
        await @case.PostAsync("analysis", new { horizonMonths = 12 });
        var version = @case.Version;
        (await @case.PostAsync("analysis/lines", new { scenario = "Without", itemCode = "politie-inzet", quantity = -2 }, HttpStatusCode.BadRequest))
            .GetProperty("errors").GetRawText().ShouldContain("groter dan nul");
        (await @case.PostAsync("analysis/lines", new { scenario = "Without", itemCode = "bestaat-niet", quantity = 1 }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("price.item_unknown");
        (await @case.PostAsync("analysis/lines", new { scenario = "Without", itemCode = "politie-inzet", quantity = 1, fromMonth = 10, toMonth = 14 },
                HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("analysis.months_range");
        var noSource = await coordinatorApi.PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/prices",
            new { itemCode = "politie-inzet", price = 250, priceYear = 2026, source = " " }, HttpStatusCode.BadRequest);
        noSource.GetProperty("errors").GetRawText().ShouldContain("bron");

        var file = await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/analysis");
        file.GetProperty("version").GetInt32().ShouldBe(version);
        Result(file).GetProperty("lines").GetArrayLength().ShouldBe(0);
        (await coordinatorApi.GetJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/prices")).GetProperty("history").GetArrayLength().ShouldBe(ownPrices);
    }

    [Fact]
    public async Task Only_the_neighbourhoods_coordinator_sets_its_prices()
    {
        var neighbourhood = await app.NeighbourhoodIdAsync(Neighbourhood);
        var elsewhere = await app.NeighbourhoodIdAsync("WK990102");
        var coordinator = await app.ApiAsync((await app.StaffAsync(null, Neighbourhood, StaffFunction.Coordinator)).Email);
        var professional = await app.ApiAsync((await CaseDriver.HomeCareAsync(app)).Email);
        var body = new { itemCode = "politie-inzet", price = 250, priceYear = 2026, source = "Tarief politie-eenheid, brief van 1 maart." };

        await professional.PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/prices", body, HttpStatusCode.Forbidden);
        var other = await app.StaffAsync(null, "WK990102", StaffFunction.Coordinator);
        if (other.Email != (await app.StaffAsync(null, Neighbourhood, StaffFunction.Coordinator)).Email)
        {
            await (await app.ApiAsync(other.Email)).PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/prices", body, HttpStatusCode.NotFound);
        }

        await coordinator.PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/prices", body, HttpStatusCode.Created);
        var prices = await professional.GetJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/prices?priceYear=2026");
        prices.GetProperty("prices").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "politie-inzet").GetProperty("price")
            .GetDecimal().ShouldBe(250m);
        var there = await professional.GetJsonAsync($"/api/v1/neighbourhoods/{elsewhere}/prices?priceYear=2026");
        there.GetProperty("prices").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "politie-inzet").GetProperty("neighbourhood")
            .GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task The_page_starts_an_analysis_adds_lines_with_a_dutch_comma_and_shows_errors_beside_the_field()
    {
        var bringer = await CaseDriver.HomeCareAsync(app);
        var @case = await CaseDriver.SignalAsync(app, bringer.Email, family: "Formulierkosten");
        var browser = await app.SignedInAsync(bringer.Email);
        var url = $"/casussen/{@case.Id}/kosten";

        using var zero = await browser.SubmitAsync(url, new Dictionary<string, string> { ["Terms.HorizonMonths"] = "0", ["Terms.PriceYear"] = "2026" },
            formSelector: "form[action*='handler=Start']");
        (await PageSession.ParseAsync(zero)).QuerySelector("#Terms_HorizonMonths-error")!.TextContent.ShouldContain("1 tot en met 60");
        using var started = await browser.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Terms.HorizonMonths"] = "12",
            ["Terms.PriceYear"] = "2026",
            ["Terms.ExistingCare"] = "true",
            ["Terms.Assumptions"] = "Zonder hulp was de bewoner zijn huis kwijtgeraakt.",
        }, formSelector: "form[action*='handler=Start']");
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var line = new Dictionary<string, string>
        {
            ["Line.Scenario"] = "Without",
            ["Line.ItemCode"] = "maatschappelijke-opvang-nacht",
            ["Line.Quantity"] = "-1",
            ["Line.ProbabilityPercent"] = "50",
            ["Line.FromMonth"] = "1",
            ["Line.ToMonth"] = "12",
        };
        using var negative = await browser.SubmitAsync(url, line, formSelector: "form[action*='handler=Line']");
        (await PageSession.ParseAsync(negative)).QuerySelector("#Line_Quantity-error")!.TextContent.ShouldContain("groter dan nul");
        line["Line.Quantity"] = "1,5";
        using var added = await browser.SubmitAsync(url, line, formSelector: "form[action*='handler=Line']");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var analysis = await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/analysis");
        var priced = Result(analysis).GetProperty("lines")[0];
        priced.GetProperty("quantity").GetDecimal().ShouldBe(1.5m);
        priced.GetProperty("probability").GetDecimal().ShouldBe(0.5m);
        analysis.GetProperty("terms").GetProperty("existingCare").GetBoolean().ShouldBeTrue();

        using var own = await browser.SubmitAsync(url, new Dictionary<string, string>(), formSelector: "form[action*='handler=Lock']");
        (await PageSession.ParseAsync(own)).Text().ShouldContain("Een collega die niet zelf aan de analyse werkte");
    }

    private static decimal Index(int year) => year switch
    {
        2022 => 121.43m,
        2026 => 137.59m,
        2027 => 137.59m, // the catalogue's newest year, when the tests run later
        _ => throw new InvalidOperationException($"No index in this test for {year}."),
    };

    private static decimal R(decimal euros) => decimal.Round(euros, 2, MidpointRounding.AwayFromZero);

    private static JsonElement Result(JsonElement file) => file.GetProperty("result");

    private static (decimal Without, decimal With) Split(JsonElement result, string property, string key)
    {
        var split = result.GetProperty(property).EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);
        return (R(split.GetProperty("without").GetDecimal()), R(split.GetProperty("with").GetDecimal()));
    }

    private static Task<JsonElement> SetPriceAsync(HttpClient coordinator, Guid neighbourhood, string item, decimal price, int year) =>
        coordinator.PostJsonAsync($"/api/v1/neighbourhoods/{neighbourhood}/prices",
            new { itemCode = item, price, priceYear = year, source = "Contract van de wijk, bijlage tarieven." }, HttpStatusCode.Created);
}
