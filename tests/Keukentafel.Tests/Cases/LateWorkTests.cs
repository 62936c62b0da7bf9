using Keukentafel.Neighbourhoods;

namespace Keukentafel.Tests.Cases;

/// <summary>
/// What is late says so (issue 23): a plan action past its date is marked on the plan, and a meeting whose time has
/// passed no longer says "gepland" but asks whether it was held, with the step to record it.
/// </summary>
public sealed class LateWorkTests(ClockApp app) : IClassFixture<ClockApp>
{
    [Fact]
    public async Task A_passed_meeting_asks_for_its_report_and_a_late_action_is_marked()
    {
        var bringer = await app.StaffAsync(OrganisationType.HomeCare, "WK990101");
        var meeting = await CaseDriver.SignalAsync(app, bringer.Email, family: "Voorbijgegaan");
        await meeting.MeetingPlannedAsync();
        var plan = await CaseDriver.SignalAsync(app, bringer.Email, family: "Telaatsma");
        await plan.PlanAgreedAsync();
        var pages = await app.SignedInAsync(bringer.Email);

        (await pages.GetPageAsync($"/casussen/{plan.Id}/plan")).QuerySelector("main")!.TextContent.ShouldNotContain("te laat: klaar op");
        app.Clock.Advance(TimeSpan.FromDays(20));
        pages = await app.SignedInAsync(bringer.Email); // the sign-in of 20 days ago has expired

        var table = (await pages.GetPageAsync($"/casussen/{meeting.Id}/tafel")).QuerySelector("main")!.TextContent;
        table.ShouldContain("Is het gehouden?");
        table.ShouldNotContain("Gepland op");
        (await pages.GetPageAsync($"/casussen/{plan.Id}/plan")).QuerySelector("main")!.TextContent.ShouldContain("te laat: klaar op");
    }
}
