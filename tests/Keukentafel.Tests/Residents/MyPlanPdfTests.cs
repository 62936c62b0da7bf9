using System.Net;
using System.Text.RegularExpressions;
using Keukentafel.Data;
using Keukentafel.Plans;
using Keukentafel.Privacy;
using Keukentafel.Residents;
using Keukentafel.Tests.Cases;
using Keukentafel.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Residents;

/// <summary>
/// "Mijn plan" on one page for the fridge: made for the demo resident from his agreed plan, in plain Dutch (the same
/// readability measures as his pages), with his questions in his words, and no case number or law domain; his download
/// is in his access log; the professional prints it at the end of the meeting, and nobody else gets it.
/// </summary>
public sealed partial class MyPlanPdfTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task The_demo_residents_plan_is_one_plain_page_without_case_number_or_law_domain()
    {
        var ct = TestContext.Current.CancellationToken;
        using var browser = await app.SignedInAsync(PageSession.Resident);
        var page = await browser.GetPageAsync("/mijn/tafel");
        var link = page.QuerySelectorAll("a").Single(a => a.TextContent == "Mijn plan om op te hangen (pdf)").GetAttribute("href")!;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        Task<int> DownloadsAsync() => db.AuditEvents.CountAsync(a => a.Action == AuditAction.Export && a.Part == ResidentTable.PlanPart, ct);
        var before = await DownloadsAsync();
        using var response = await browser.GetAsync(link, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await DownloadsAsync()).ShouldBe(before + 1, "his download is in his access log");
        var pdf = await response.Content.ReadAsByteArrayAsync(ct);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        document.NumberOfPages.ShouldBe(1);
        var text = Space().Replace(string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), " ");

        var table = await (await app.ApiAsync(PageSession.Resident)).GetJsonAsync("/api/v1/me/table");
        var answered = table.GetProperty("questions").EnumerateArray().Where(a => a.GetProperty("text").ValueKind == System.Text.Json.JsonValueKind.String);
        foreach (var answer in answered)
        {
            text.ShouldContain(Space().Replace(answer.GetProperty("text").GetString()!, " "));
        }

        text.ShouldContain("Wie bel ik?");
        text.ShouldNotContain(table.GetProperty("number").GetString()!);
        // The laws by their names (welfare, housing and safety are also words of organisations' names and of his answers).
        foreach (var law in new[] { LawDomain.Wmo, LawDomain.Zvw, LawDomain.Wlz, LawDomain.Jeugdwet, LawDomain.Participatiewet })
        {
            Regex.IsMatch(text, $@"\b{law}\b").ShouldBeFalse($"{law} in: {text}");
        }

        var score = Readability.Of(text);
        score.FleschDouma.ShouldBeGreaterThanOrEqualTo(60, $"Flesch-Douma {score.FleschDouma:0}: {text}");
        score.Lix.ShouldBeLessThanOrEqualTo(40, $"LIX {score.Lix:0}: {text}");

        AccessLog.Words(AuditAction.Export, ResidentTable.PlanPart).ShouldBe("downloadde uw plan om op te hangen (Mijn plan)");
    }

    [Fact]
    public async Task The_professional_prints_it_at_the_end_of_the_meeting_and_no_one_else_gets_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await (await CaseDriver.SignalAsync(app, PageSession.Professional, family: "Koelkast")).PlanAgreedAsync();
        using var bringer = await app.SignedInAsync(PageSession.Professional);
        using var printed = await bringer.GetAsync($"/casussen/{c.Id}/aan-tafel/klaar?handler=Pdf", ct);
        printed.StatusCode.ShouldBe(HttpStatusCode.OK);
        printed.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var document = UglyToad.PdfPig.PdfDocument.Open(await printed.Content.ReadAsByteArrayAsync(ct));
        string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).ShouldContain("Samen de post openen.");

        // In the resident's language when he reads Turkish: the professional prints it so.
        using var inTurkish = await bringer.GetAsync($"/casussen/{c.Id}/aan-tafel/klaar?handler=Pdf&taal=tr", ct);
        using var turkishDocument = UglyToad.PdfPig.PdfDocument.Open(await inTurkish.Content.ReadAsByteArrayAsync(ct));
        string.Join(' ', turkishDocument.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).ShouldStartWith(Turkish("Title"));

        var outsider = await app.StaffAsync(Keukentafel.Neighbourhoods.OrganisationType.Housing, "WK990101");
        using var other = await app.SignedInAsync(outsider.Email);
        using var refused = await other.GetAsync($"/casussen/{c.Id}/aan-tafel/klaar?handler=Pdf", ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task In_Turkish_the_page_and_the_plan_are_Turkish_and_say_in_both_languages_that_the_Dutch_text_counts()
    {
        var ct = TestContext.Current.CancellationToken;
        using var browser = await app.SignedInAsync(PageSession.Resident);
        using var chosen = await browser.SubmitAsync("/mijn/tafel", new Dictionary<string, string> { ["code"] = "tr" }, formSelector: "form.kt-language");
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.GetPageAsync("/mijn/tafel");
        page.DocumentElement.GetAttribute("lang").ShouldBe("tr");
        var notice = page.QuerySelector(".kt-translated")!;
        notice.QuerySelector("p[lang='nl']")!.TextContent.ShouldContain("De Nederlandse tekst is de tekst die telt.");
        notice.TextContent.ShouldNotContain("Deze pagina is ook vertaald");
        var link = page.QuerySelectorAll("a").Single(a => a.TextContent == Turkish("Download")).GetAttribute("href")!;

        using var response = await browser.GetAsync(link, ct);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(ct));
        var text = Space().Replace(string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), " ");
        text.ShouldStartWith(Turkish("Title"));
        text.ShouldContain(Turkish("Call"));
        text.ShouldNotContain("Wie bel ik?");
    }

    /// <summary>A text of "Mijn plan" in Turkish, as its resource file has it (a reviewer may change it).</summary>
    private static string Turkish(string key) =>
        new System.Resources.ResourceManager("Keukentafel.Resources.Residents.MyPlanTexts", typeof(MyPlanTexts).Assembly)
            .GetString(key, System.Globalization.CultureInfo.GetCultureInfo("tr"))!;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
