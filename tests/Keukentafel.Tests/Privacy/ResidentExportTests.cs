using System.Net;
using System.Text.Json;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Keukentafel.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Privacy;

/// <summary>AVG art. 15 and 20: the resident sees and takes everything held about him, and nothing about anyone else.</summary>
public sealed class ResidentExportTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task The_export_holds_everything_about_the_resident_and_nothing_about_anyone_else()
    {
        var signalled = await app.SignalCaseAsync();
        var bringer = await app.ApiAsync(signalled.Bringer.Email);
        var mine = new CaseDriver(app, bringer, signalled.CaseId, (await bringer.GetJsonAsync($"/api/v1/cases/{signalled.CaseId}")).Version());
        await mine.PostAsync("answers", new { question = "Want", text = "Eerst wilde ik alleen van de brieven af.", withResident = true });
        await mine.PostAsync("answers", new { question = "Want", text = "Ik wil weer rustig slapen zonder rekeningen.", withResident = true });
        await mine.PostAsync("wellbeing", new
        {
            moment = "Intake",
            mark = 3.7,
            measuredOn = Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        });
        var neighbour = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Buurvrouwsma");
        var neighbourNumber = (await neighbour.FileAsync()).GetProperty("number").GetString()!;
        var resident = await app.SignedInAsync(PageSession.Resident);

        using var response = await resident.GetAsync("/mijn/gegevens?handler=Json", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var export = JsonDocument.Parse(text).RootElement;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("mijn-gegevens-keukentafel.json");
        export.GetProperty("resident").GetProperty("name").GetString().ShouldBe(signalled.ResidentName);
        var cases = export.GetProperty("cases").EnumerateArray().ToList();
        cases.ShouldContain(c => c.GetProperty("file").GetProperty("id").GetGuid() == signalled.CaseId);
        cases.ShouldAllBe(c => c.GetProperty("file").GetProperty("resident").GetProperty("name").GetString() == signalled.ResidentName);
        cases.Single(c => c.GetProperty("file").GetProperty("id").GetGuid() == signalled.CaseId).GetProperty("history").GetArrayLength()
            .ShouldBeGreaterThanOrEqualTo(2);
        text.ShouldContain("Ik wil weer rustig slapen zonder rekeningen.");
        text.ShouldContain("Eerst wilde ik alleen van de brieven af.", Case.Sensitive, "every version of an answer, not only the current one");
        text.ShouldContain("\"accessLog\"");
        cases.Single(c => c.GetProperty("file").GetProperty("id").GetGuid() == signalled.CaseId).GetProperty("wellbeing")[0].GetProperty("mark")
            .GetDecimal().ShouldBe(3.7m);
        text.ShouldNotContain("Buurvrouwsma");
        text.ShouldNotContain(neighbourNumber);

        var page = (await resident.GetPageAsync("/mijn/gegevens")).Text();
        page.ShouldContain("Ik wil weer rustig slapen zonder rekeningen.");
        page.ShouldContain("3,7");
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().AuditEvents
            .CountAsync(a => a.UserName == signalled.ResidentName && a.Action == AuditAction.Export && a.Part == "alle gegevens",
                TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Theory]
    [InlineData(PageSession.Professional)]
    [InlineData(PageSession.Coordinator)]
    [InlineData(PageSession.Director)]
    public async Task Staff_have_no_resident_export(string email)
    {
        var browser = await app.SignedInAsync(email);

        using var json = await browser.GetAsync("/mijn/gegevens?handler=Json", TestContext.Current.CancellationToken);

        json.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
