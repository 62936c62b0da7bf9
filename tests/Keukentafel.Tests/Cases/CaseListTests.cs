using System.Net;
using Keukentafel.Neighbourhoods;

namespace Keukentafel.Tests.Cases;

public sealed class CaseListTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task My_cases_page_by_deadline_and_find_by_name_number_status_and_domain()
    {
        var youth = await app.StaffAsync(OrganisationType.Youth, "WK990101");
        var drivers = new List<CaseDriver>();
        for (var i = 0; i < 5; i++)
        {
            drivers.Add(await CaseDriver.SignalAsync(app, youth.Email, family: $"Lijst{i}"));
        }

        await drivers[2].AnsweredAsync();
        var api = drivers[0].Bringer;

        // Walk every page of two: each case once, in (deadline, id) order, the new five among them.
        var seen = new List<(DateOnly Deadline, Guid Id)>();
        string? cursor = null;
        do
        {
            var page = await api.GetJsonAsync($"/api/v1/cases?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i =>
                (DateOnly.Parse(i.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture), i.GetProperty("id").GetGuid())));
            cursor = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        seen.Select(s => s.Id).Distinct().Count().ShouldBe(seen.Count);
        seen.ShouldBe([.. seen.OrderBy(s => s.Deadline).ThenBy(s => s.Id)]);
        drivers.Select(d => d.Id).ShouldBeSubsetOf(seen.Select(s => s.Id));
        seen.First().Deadline.ShouldBeLessThanOrEqualTo(seen.Last().Deadline, "overdue first");

        var byName = (await api.GetJsonAsync("/api/v1/cases?q=lijst3")).GetProperty("items");
        byName.GetArrayLength().ShouldBe(1);
        byName[0].GetProperty("resident").GetString().ShouldBe("Greet Lijst3");
        var number = byName[0].GetProperty("number").GetString();
        (await api.GetJsonAsync($"/api/v1/cases?q={number}")).GetProperty("items")[0].GetProperty("number").GetString().ShouldBe(number);
        (await api.GetJsonAsync("/api/v1/cases?q=lijst&status=QuestionsAnswered"))
            .GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(drivers[2].Id);
        (await api.GetJsonAsync("/api/v1/cases?q=lijst&domain=Finances"))
            .GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(drivers[2].Id);
        (await api.GetJsonAsync("/api/v1/cases?q=lijst&closed=true")).GetProperty("items").GetArrayLength().ShouldBe(0);
        var invalid = await api.GetJsonAsync("/api/v1/cases?cursor=onzin", HttpStatusCode.UnprocessableEntity);
        invalid.Code().ShouldBe("list.cursor_invalid");
    }
}
