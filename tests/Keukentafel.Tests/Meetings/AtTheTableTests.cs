using System.Net;
using Keukentafel.Tests.Cases;

namespace Keukentafel.Tests.Meetings;

/// <summary>
/// "Aan tafel" over real HTTP: a part sent twice (a dropped connection, a double tap) is recorded once; a different post
/// on an old version is refused with what changed, keeping what was typed; only people who may open the file see it.
/// </summary>
public sealed class AtTheTableTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task A_part_sent_twice_is_recorded_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await (await CaseDriver.SignalAsync(app, PageSession.Professional, family: "Dubbelpost")).MeetingPlannedAsync();
        using var browser = await app.SignedInAsync(PageSession.Professional);
        var url = $"/casussen/{c.Id}/aan-tafel/zelf";
        var fields = await FieldsAsync(browser, url);
        fields["NewAction.What"] = "Zelf de huur op tijd betalen";
        fields["NewAction.DueDate"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var first = await browser.PostAsync($"{url}?handler=Action", new FormUrlEncodedContent(fields), ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Uri.UnescapeDataString(first.Headers.Location!.ToString()).ShouldContain("Dit staat in het plan.");
        using var again = await browser.PostAsync($"{url}?handler=Action", new FormUrlEncodedContent(fields), ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Uri.UnescapeDataString(again.Headers.Location!.ToString()).ShouldContain("Dit was al bewaard.");

        var file = await c.Bringer.GetJsonAsync($"/api/v1/cases/{c.Id}");
        file.GetProperty("actions").EnumerateArray().Count(a => a.GetProperty("what").GetString() == "Zelf de huur op tijd betalen").ShouldBe(1);

        // The same words for another day on the same old version are not a repeat either.
        fields["NewAction.DueDate"] = DateTime.UtcNow.AddDays(11).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var otherDay = await browser.PostAsync($"{url}?handler=Action", new FormUrlEncodedContent(fields), ct);
        otherDay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageSession.ParseAsync(otherDay)).QuerySelector("h2.utrecht-heading-3")!.TextContent.ShouldBe("Dit veranderde intussen");

        // Something else sent on the same old version is not a repeat: refused with what changed, the text kept.
        fields["NewAction.What"] = "Iets anders";
        using var other = await browser.PostAsync($"{url}?handler=Action", new FormUrlEncodedContent(fields), ct);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await PageSession.ParseAsync(other);
        shown.QuerySelector("h2.utrecht-heading-3")!.TextContent.ShouldBe("Dit veranderde intussen");
        shown.QuerySelector("textarea[name='NewAction.What']")!.TextContent.Trim().ShouldBe("Iets anders");
        (await c.Bringer.GetJsonAsync($"/api/v1/cases/{c.Id}")).GetProperty("actions").EnumerateArray()
            .Any(a => a.GetProperty("what").GetString() == "Iets anders").ShouldBeFalse();
    }

    [Fact]
    public async Task The_answers_are_recorded_as_written_with_the_resident_and_an_empty_one_is_refused_beside_its_field()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await (await CaseDriver.SignalAsync(app, PageSession.Professional, family: "Vraagsma")).MeetingPlannedAsync();
        using var browser = await app.SignedInAsync(PageSession.Professional);
        var url = $"/casussen/{c.Id}/aan-tafel/vragen";
        var fields = await FieldsAsync(browser, url);
        fields["Questions.Want"] = "";
        using var refused = await browser.PostAsync($"{url}?handler=Questions", new FormUrlEncodedContent(fields), ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageSession.ParseAsync(refused)).QuerySelector("#Questions_Want-error")!.TextContent
            .ShouldBe("Schrijf op wat de bewoner wil, in zijn eigen woorden.");

        fields["Questions.Want"] = "Ik wil weer zelf boodschappen doen.";
        using var saved = await browser.PostAsync($"{url}?handler=Questions", new FormUrlEncodedContent(fields), ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldStartWith($"/casussen/{c.Id}/aan-tafel/zelf");
        var want = (await c.Bringer.GetJsonAsync($"/api/v1/cases/{c.Id}")).GetProperty("answers").EnumerateArray()
            .Single(a => a.GetProperty("question").GetString() == "Want");
        want.GetProperty("text").GetString().ShouldBe("Ik wil weer zelf boodschappen doen.");
        want.GetProperty("withResident").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_part_in_capitals_is_the_same_part()
    {
        var c = await (await CaseDriver.SignalAsync(app, PageSession.Professional, family: "Hoofdletter")).MeetingPlannedAsync();
        using var browser = await app.SignedInAsync(PageSession.Professional);
        var page = await browser.GetPageAsync($"/casussen/{c.Id}/aan-tafel/VRAGEN");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Uw drie vragen");
    }

    [Fact]
    public async Task Only_someone_who_may_open_the_file_sees_the_table()
    {
        var c = await (await CaseDriver.SignalAsync(app, PageSession.Professional, family: "Nietvoorjou")).MeetingPlannedAsync();
        var outsider = await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.Housing, "WK990101");
        using var browser = await app.SignedInAsync(outsider.Email);
        foreach (var step in new[] { "", "/vragen", "/afspraak" })
        {
            using var response = await browser.GetAsync($"/casussen/{c.Id}/aan-tafel{step}", TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var resident = await app.SignedInAsync(PageSession.Resident);
        using var his = await resident.GetAsync($"/casussen/{c.Id}/aan-tafel", TestContext.Current.CancellationToken);
        his.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    private static async Task<Dictionary<string, string>> FieldsAsync(HttpClient browser, string url)
    {
        var page = await browser.GetPageAsync(url);
        var form = page.Forms.First(f => f.GetAttribute("data-keep") is not null);
        var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var area in form.Elements.OfType<AngleSharp.Html.Dom.IHtmlTextAreaElement>())
        {
            fields[area.Name!] = area.Value;
        }

        return fields;
    }
}
