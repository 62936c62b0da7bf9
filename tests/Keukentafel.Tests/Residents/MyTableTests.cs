using System.Net;
using Keukentafel.Tests.Cases;

namespace Keukentafel.Tests.Residents;

/// <summary>"My kitchen table": the resident reads his own case in plain words, and nobody else's.</summary>
public sealed class MyTableTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task At_his_kitchen_table_the_resident_reads_his_questions_his_table_and_his_plan_in_plain_words_and_nobody_elses()
    {
        var @case = await (await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Tafelgast")).PlanAgreedAsync();
        var code = (await @case.Bringer.PostJsonAsync($"/api/cases/{@case.Id}/resident-invitation", new { })).GetProperty("code").GetString()!;
        await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Buurtafel");
        var browser = app.Browser();
        using var made = await browser.SubmitAsync("/uitnodiging", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.DateOfBirth"] = "1951-03-14",
            ["Input.Email"] = "tafelgast@voorbeeld.example",
            ["Input.Password"] = "Mijn eigen tafel 2026!",
            ["Input.RepeatPassword"] = "Mijn eigen tafel 2026!",
        });
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var table = await browser.GetPageAsync("/mijn/tafel");
        var text = table.Text();
        text.ShouldContain("Antwoord op Want");
        text.ShouldContain("Samen de post openen");
        text.ShouldContain("Helpen in het buurthuis");
        text.ShouldContain("Wat ik teruggeef (mijn bijdrage)");
        text.ShouldMatch(@"Nog \d+ dagen\.");
        text.ShouldNotContain("Buurtafel");
        table.QuerySelectorAll("a[href^='/casussen/']").ShouldBeEmpty();

        // A professional is not a resident: the page is not his.
        using var professional = await (await app.SignedInAsync(PageSession.Professional)).GetAsync("/mijn/tafel", TestContext.Current.CancellationToken);
        professional.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}
