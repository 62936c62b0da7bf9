using Keukentafel.Neighbourhoods;
using Keukentafel.Tests.Privacy;

namespace Keukentafel.Tests.Cases;

/// <summary>
/// The professional's start page shows her work (issue 23, point 6) and only hers: a case she is not at the table of
/// is not on it, and the cases it shows are one list look in the resident's "who looked", as on "Mijn casussen".
/// </summary>
public sealed class StaffWorkTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task The_start_page_shows_her_own_cases_logs_the_look_and_shows_no_one_elses()
    {
        var signalled = await app.SignalCaseAsync();
        var bringerApi = await app.ApiAsync(signalled.Bringer.Email);
        var number = (await bringerApi.GetJsonAsync($"/api/v1/cases/{signalled.CaseId}")).GetProperty("number").GetString()!;
        var other = await app.StaffAsync(OrganisationType.Youth, "WK990101");
        var residentApi = await app.ApiAsync(PageSession.Resident);
        var before = await AuditIndexTests.ListLooksAsync(residentApi, signalled.Bringer.Name);

        var mine = (await (await app.SignedInAsync(signalled.Bringer.Email)).GetPageAsync("/")).QuerySelector("main")!.TextContent;
        mine.ShouldContain(number);
        (await AuditIndexTests.ListLooksAsync(residentApi, signalled.Bringer.Name)).ShouldBe(before + 1, "the start page's cases are one list look");

        var theirs = (await (await app.SignedInAsync(other.Email)).GetPageAsync("/")).QuerySelector("main")!.TextContent;
        theirs.ShouldNotContain(number, Case.Sensitive, "not at the table: not on her start page");
        (await AuditIndexTests.ListLooksAsync(residentApi, other.Name)).ShouldBe(0, "she saw nothing of him");
    }
}
