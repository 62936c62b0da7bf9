using System.Net;
using Keukentafel.Tests.Cases;

namespace Keukentafel.Tests.Privacy;

/// <summary>AVG art. 16: the resident's details are corrected through the normal edit flow; the history keeps what was there.</summary>
public sealed class RectificationTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private static object Corrected(string street = "Rietvinkstraat", string postalCode = "9991 KT") => new
    {
        givenName = "Greet",
        familyName = "Verbeterd",
        dateOfBirth = "1951-03-15",
        street,
        houseNumber = "12a",
        postalCode,
        town = "Heerdonk",
        phone = "06-12345678",
    };

    [Fact]
    public async Task A_correction_replaces_the_details_and_the_history_keeps_the_old_ones()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Vergissing");

        await @case.PostAsync("resident", Corrected());

        var file = await @case.FileAsync();
        file.GetProperty("resident").GetProperty("name").GetString().ShouldBe("Greet Verbeterd");
        file.GetProperty("resident").GetProperty("address").GetString().ShouldBe("Rietvinkstraat 12a, 9991 KT Heerdonk");
        var entry = (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/history")).Items()[0];
        entry.GetProperty("summary").GetString().ShouldBe("Gegevens van de bewoner verbeterd: naam, geboortedatum, adres, telefoon.");
        entry.GetProperty("before").GetString()!.ShouldContain("Greet Vergissing");
        entry.GetProperty("before").GetString()!.ShouldContain("1951-03-14");
        entry.GetProperty("after").GetString()!.ShouldContain("Greet Verbeterd");
    }

    [Fact]
    public async Task A_bad_correction_or_one_by_someone_off_the_case_changes_nothing()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Onveranderd");
        var version = @case.Version;

        (await @case.PostAsync("resident", Corrected(postalCode: "12345"), HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("address.postcode_invalid");
        (await @case.PostAsync("resident", Corrected(street: ""), HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("street", out _).ShouldBeTrue();
        var outsider = await app.ApiAsync((await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.Welfare, "WK990101")).Email);
        await outsider.PostJsonAsync($"/api/v1/cases/{@case.Id}/resident",
            new { version, givenName = "X", familyName = "Y", dateOfBirth = "1950-01-01", street = "S", houseNumber = "1", postalCode = "9991 KT", town = "T" },
            HttpStatusCode.NotFound);
        await @case.PostAsync("resident", new
        {
            givenName = "Greet",
            familyName = "Onveranderd",
            dateOfBirth = "1951-03-14",
            street = "Rietvinkstraat",
            houseNumber = "12",
            postalCode = "9991 KT",
            town = "Heerdonk"
        }, HttpStatusCode.UnprocessableEntity);

        var file = await @case.FileAsync();
        file.GetProperty("version").GetInt32().ShouldBe(version);
        file.GetProperty("resident").GetProperty("name").GetString().ShouldBe("Greet Onveranderd");
    }

    [Fact]
    public async Task Two_people_correcting_at_once_the_second_is_told_what_changed()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Tegelijk");
        var seen = @case.Version;
        await @case.PostAsync("resident", Corrected());

        var stale = await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/resident",
            new
            {
                version = seen,
                givenName = "Greet",
                familyName = "Anders",
                dateOfBirth = "1951-03-14",
                street = "Rietvinkstraat",
                houseNumber = "12",
                postalCode = "9991 KT",
                town = "Heerdonk"
            },
            HttpStatusCode.Conflict);

        stale.GetProperty("changesSince").EnumerateArray()
            .ShouldContain(c => c.GetProperty("summary").GetString()!.StartsWith("Gegevens van de bewoner verbeterd", StringComparison.Ordinal));
        (await @case.FileAsync()).GetProperty("resident").GetProperty("name").GetString().ShouldBe("Greet Verbeterd");
    }

    [Fact]
    public async Task A_correction_through_another_case_of_the_same_resident_is_not_overwritten()
    {
        var first = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Tweezijdig");
        var second = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Tweezijdig");
        var seen = (await second.FileAsync()).GetProperty("resident").GetProperty("version").GetInt32();
        (await first.FileAsync())
            .GetProperty("resident").GetProperty("id").GetGuid().ShouldBe((await second.FileAsync()).GetProperty("resident").GetProperty("id").GetGuid());

        await first.PostAsync("resident", new
        {
            residentVersion = seen,
            givenName = "Greet",
            familyName = "Tweezijdig-Eerst",
            dateOfBirth = "1951-03-14",
            street = "Rietvinkstraat",
            houseNumber = "12",
            postalCode = "9991 KT",
            town = "Heerdonk"
        });
        var stale = await second.PostAsync("resident", new
        {
            residentVersion = seen,
            givenName = "Greet",
            familyName = "Tweezijdig-Later",
            dateOfBirth = "1951-03-14",
            street = "Rietvinkstraat",
            houseNumber = "12",
            postalCode = "9991 KT",
            town = "Heerdonk"
        },
            HttpStatusCode.Conflict);

        stale.Code().ShouldBe("resident.stale");
        (await second.FileAsync()).GetProperty("resident").GetProperty("name").GetString().ShouldBe("Greet Tweezijdig-Eerst");
    }

    [Fact]
    public async Task The_page_shows_the_details_and_a_mistake_beside_the_field()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Formulier");
        var browser = await app.SignedInAsync((await CaseDriver.HomeCareAsync(app)).Email);
        var page = await browser.GetPageAsync($"/casussen/{@case.Id}/bewoner");
        page.QuerySelector("input[name='Input.FamilyName']")!.GetAttribute("value").ShouldBe("Formulier");

        using var wrong = await browser.SubmitAsync($"/casussen/{@case.Id}/bewoner", Details("Formulier", "ABCD").WithDate("Input.DateOfBirth", "1951-03-14"));
        (await PageSession.ParseAsync(wrong)).QuerySelector("#Input_PostalCode-error")!.TextContent.ShouldContain("vier cijfers en twee letters");
        using var impossible = await browser.SubmitAsync($"/casussen/{@case.Id}/bewoner",
            Details("Formulier", "9991 KT").WithDate("Input.DateOfBirth", "31", "6", "1951"));
        (await PageSession.ParseAsync(impossible)).QuerySelector("#Input_DateOfBirth-error")!.TextContent.ShouldStartWith("Deze datum bestaat niet.");
        (await @case.FileAsync()).GetProperty("resident").GetProperty("dateOfBirth").GetString().ShouldBe("1951-03-14", "nothing changed");

        using var right = await browser.SubmitAsync($"/casussen/{@case.Id}/bewoner",
            Details("Formulier-de Wit", "9991 KT").WithDate("Input.DateOfBirth", "1951-03-14"));
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await @case.FileAsync()).GetProperty("resident").GetProperty("name").GetString().ShouldBe("Greet Formulier-de Wit");
    }

    /// <summary>The resident's details as the form sends them, but for his date of birth.</summary>
    private static Dictionary<string, string> Details(string familyName, string postalCode) => new()
    {
        ["Input.GivenName"] = "Greet",
        ["Input.FamilyName"] = familyName,
        ["Input.Street"] = "Rietvinkstraat",
        ["Input.HouseNumber"] = "12",
        ["Input.PostalCode"] = postalCode,
        ["Input.Town"] = "Heerdonk",
    };
}
