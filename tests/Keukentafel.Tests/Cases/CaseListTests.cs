using System.Net;
using Keukentafel.Neighbourhoods;

namespace Keukentafel.Tests.Cases;

public sealed class CaseListTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task My_cases_page_by_work_to_do_and_deadline_and_find_by_name_number_status_and_domain()
    {
        var youth = await app.StaffAsync(OrganisationType.Youth, "WK990101");
        var drivers = new List<CaseDriver>();
        for (var i = 0; i < 5; i++)
        {
            drivers.Add(await CaseDriver.SignalAsync(app, youth.Email, family: $"Lijst{i}"));
        }

        await drivers[2].AnsweredAsync();
        // The first case signalled is carried out (and evaluated): it waits below the work still to do.
        await drivers[0].EvaluatedAsync();
        var api = drivers[0].Bringer;

        // Walk every page of two: each case once, the work still to do first, each part in (deadline, id) order.
        var seen = new List<(bool CarriedOut, DateOnly Deadline, Guid Id)>();
        string? cursor = null;
        do
        {
            var page = await api.GetJsonAsync($"/api/v1/cases?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("daysLeft").ValueKind == System.Text.Json.JsonValueKind.Null,
                DateOnly.Parse(i.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture), i.GetProperty("id").GetGuid())));
            cursor = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        seen.Select(s => s.Id).Distinct().Count().ShouldBe(seen.Count);
        seen.ShouldBe([.. seen.OrderBy(s => s.CarriedOut).ThenBy(s => s.Deadline).ThenBy(s => s.Id)]);
        drivers.Select(d => d.Id).ShouldBeSubsetOf(seen.Select(s => s.Id));
        var carriedOut = seen.FindIndex(s => s.Id == drivers[0].Id);
        seen[carriedOut].CarriedOut.ShouldBeTrue();
        seen.Skip(carriedOut).ShouldAllBe(s => s.CarriedOut, "no case still to do below a carried-out one");
        seen.FindIndex(s => s.Id == drivers[1].Id).ShouldBeLessThan(carriedOut, "signalled later, but still to do");

        var byName = (await api.GetJsonAsync("/api/v1/cases?q=lijst3")).GetProperty("items");
        byName.GetArrayLength().ShouldBe(1);
        byName[0].GetProperty("resident").GetString().ShouldBe("Greet Lijst3");
        var number = byName[0].GetProperty("number").GetString();
        (await api.GetJsonAsync($"/api/v1/cases?q={number}")).GetProperty("items")[0].GetProperty("number").GetString().ShouldBe(number);
        (await api.GetJsonAsync("/api/v1/cases?q=lijst&status=QuestionsAnswered"))
            .GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(drivers[2].Id);
        (await api.GetJsonAsync("/api/v1/cases?q=lijst&domain=Finances")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())
            .ShouldBe([drivers[2].Id, drivers[0].Id], "the answered case, then the carried-out one");
        (await api.GetJsonAsync("/api/v1/cases?q=lijst&closed=true")).GetProperty("items").GetArrayLength().ShouldBe(0);
        var invalid = await api.GetJsonAsync("/api/v1/cases?cursor=onzin", HttpStatusCode.UnprocessableEntity);
        invalid.Code().ShouldBe("list.cursor_invalid");
    }

    [Theory]
    [InlineData("Özdemir", new[] { "ozdemir", "Özdemir", "OZDEMIR", "özd" })]
    [InlineData("Çelik", new[] { "celik", "ÇELIK", "Çelik" })]
    [InlineData("Şahin", new[] { "sahin", "ŞAHIN" })]
    [InlineData("Ĳzerman", new[] { "ijzerman", "IJzerman", "Ĳzerman" })]
    [InlineData("Ærø", new[] { "aero", "Ærø", "AERO" })]
    [InlineData("d'Hondt", new[] { "dhondt", "d'Hondt", "D’HONDT", "hondt" })]
    public async Task A_name_is_found_whatever_its_letters_and_however_it_is_typed(string family, string[] typed)
    {
        var youth = await app.StaffAsync(OrganisationType.Youth, "WK990101", skip: 1);
        var @case = await CaseDriver.SignalAsync(app, youth.Email, family: family);

        foreach (var q in typed)
        {
            var found = (await @case.Bringer.GetJsonAsync($"/api/v1/cases?q={Uri.EscapeDataString(q)}")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("id").GetGuid()).ToList();
            found.ShouldContain(@case.Id, $"\"{q}\" finds {family}");
        }

        (await @case.Bringer.GetJsonAsync("/api/v1/cases?q=zzqx")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("Özdemir", "ozdemir")]
    [InlineData("Van der Berg-Şahin", "van der berg sahin")]
    [InlineData("Ĳsbrand  d’Hondt", "ijsbrand dhondt")]
    [InlineData("Straße Ærø Łukasz Œuvre", "strasse aero lukasz oeuvre")]
    public void Folding_is_lower_case_without_accents_ligatures_or_apostrophes(string name, string key) =>
        NameSearch.Fold(name).ShouldBe(key);
}
