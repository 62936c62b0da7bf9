using Keukentafel.Tests;
using Keukentafel.Tests.Cases;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>
/// The lists put the work still to do first: a case whose solution is carried out waits below every case still to do,
/// however early its deadline, on the professional's "Mijn casussen" and on the coordinator's "Alle open casussen".
/// </summary>
public sealed class WorkFirstFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_carried_out_case_waits_below_the_work_still_to_do_on_a_phone()
    {
        var youth = await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.Youth, "WK990101");
        var done = await CaseDriver.SignalAsync(app, youth.Email, family: "Klaarmaker");
        var todo = await CaseDriver.SignalAsync(app, youth.Email, family: "Nogtedoen");
        await done.EvaluatedAsync();
        var doneNumber = (await done.FileAsync()).GetProperty("number").GetString()!;
        var todoNumber = (await todo.FileAsync()).GetProperty("number").GetString()!;

        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, youth.Email);
            await page.GotoAsync("/casussen");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Mijn casussen" }).WaitForAsync();
            var numbers = (await page.Locator("tbody tr td:first-child").AllInnerTextsAsync()).ToList();
            numbers.IndexOf(doneNumber).ShouldBeGreaterThan(numbers.IndexOf(todoNumber), "the case still to do comes first");
            numbers.IndexOf(todoNumber).ShouldBeGreaterThanOrEqualTo(0);
            await page.ShouldBeAccessibleAsync();
        });

        var coordinator = await app.NewPageAsync();
        await coordinator.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(coordinator, PageSession.Coordinator);
            await coordinator.GotoAsync("/casussen/wijk");
            var numbers = (await coordinator.Locator("tbody tr td:first-child").AllInnerTextsAsync()).ToList();
            var steps = (await coordinator.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync()).ToList();
            string[] carriedOut = ["Oplossing uitgevoerd", "Geëvalueerd"];
            var firstDone = steps.FindIndex(carriedOut.Contains);
            if (firstDone >= 0)
            {
                steps.Skip(firstDone).Where(step => !carriedOut.Contains(step)).ShouldBeEmpty("nothing still to do below a carried-out case");
            }

            if (await coordinator.GetByRole(AriaRole.Link, new() { Name = "Volgende pagina" }).CountAsync() == 0)
            {
                numbers.IndexOf(doneNumber).ShouldBeGreaterThan(numbers.IndexOf(todoNumber), "the case still to do comes first here too");
                numbers.IndexOf(todoNumber).ShouldBeGreaterThanOrEqualTo(0);
            }

            await coordinator.ShouldBeAccessibleAsync();
        });
    }

    [Fact]
    public async Task The_professionals_start_page_shows_her_work_first_on_a_phone()
    {
        var youth = await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.Youth, "WK990101");
        var meeting = await CaseDriver.SignalAsync(app, youth.Email, family: "Tafelgast");
        await meeting.MeetingPlannedAsync();
        var number = (await meeting.FileAsync()).GetProperty("number").GetString()!;

        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);
        await page.StepsAsync(async () =>
        {
            await CaseFlowTests.SignInAsync(page, youth.Email);
            var work = page.GetByRole(AriaRole.Region, new() { Name = "Uw werk" });
            ((await work.BoundingBoxAsync())!.Y).ShouldBeLessThan(812, "her work is on the first screen");
            (await work.GetByRole(AriaRole.Link, new() { Name = $"{number} · " }).CountAsync()).ShouldBe(1, "the case is among those to do first");
            var meetings = work.Locator("ul").Nth(1);
            (await meetings.InnerTextAsync()).ShouldContain(number, Case.Sensitive, "this week's meeting is on her start page");
            await page.ShouldBeAccessibleAsync();

            await meetings.GetByRole(AriaRole.Link).First.ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/casussen/{meeting.Id}/tafel");
        });
    }
}
