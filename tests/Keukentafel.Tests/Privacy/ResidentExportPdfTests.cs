using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Keukentafel.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Privacy;

/// <summary>The resident's export as a PDF (issue 20, item 23): the same content as the JSON file, in his page's plain words.</summary>
public sealed partial class ResidentExportPdfTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task The_PDF_holds_what_the_JSON_file_holds_his_data_his_plan_and_who_looked_and_is_logged_as_an_export()
    {
        var signalled = await app.SignalCaseAsync();
        var bringer = await app.ApiAsync(signalled.Bringer.Email);
        var mine = new CaseDriver(app, bringer, signalled.CaseId, (await bringer.GetJsonAsync($"/api/v1/cases/{signalled.CaseId}")).Version());
        await mine.PlanAgreedAsync();
        await bringer.GetJsonAsync($"/api/v1/cases/{signalled.CaseId}"); // a look he will find in the PDF
        var resident = await app.SignedInAsync(PageSession.Resident);
        var ct = TestContext.Current.CancellationToken;

        using var jsonResponse = await resident.GetAsync("/mijn/gegevens?handler=Json", ct);
        var json = JsonDocument.Parse(await jsonResponse.Content.ReadAsStringAsync(ct)).RootElement;
        using var response = await resident.GetAsync("/mijn/gegevens?handler=Pdf", ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("mijn-gegevens-keukentafel.pdf");
        var text = Words(await response.Content.ReadAsByteArrayAsync(ct));

        // Every fact of the JSON file that a person reads is in the PDF too.
        List<string> facts = [json.GetProperty("resident").GetProperty("name").GetString()!, json.GetProperty("resident").GetProperty("address").GetString()!];
        foreach (var c in json.GetProperty("cases").EnumerateArray())
        {
            var file = c.GetProperty("file");
            facts.Add(file.GetProperty("number").GetString()!);
            facts.AddRange(file.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("what").GetString()!));
            facts.AddRange(file.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("text").GetString()).OfType<string>());
            facts.AddRange(file.GetProperty("team").EnumerateArray().Select(m => m.GetProperty("name").GetString()!));
            // The PDF is for him to read: the history in his words, as his pages show it (the JSON file keeps it as recorded).
            facts.AddRange(c.GetProperty("history").EnumerateArray()
                .Select(h => Keukentafel.Residents.ResidentWords.Of(h.GetProperty("summary").GetString()!)));
        }

        var looks = json.GetProperty("accessLog").EnumerateArray().Select(e => e.GetProperty("who").GetString()!).Distinct().ToList();
        looks.ShouldNotBeEmpty();
        facts.AddRange(looks);
        facts.Count.ShouldBeGreaterThan(10);
        foreach (var fact in facts)
        {
            text.ShouldContain(Normalised(fact), Case.Sensitive, $"the PDF holds \"{fact}\" as the JSON file does");
        }

        text.ShouldContain("Wie keek in uw gegevens");
        text.ShouldContain("Plan");

        // Downloading it is an export in the audit log, like the JSON file; someone not signed in as a resident gets nothing.
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().AuditEvents
            .CountAsync(a => a.UserName == signalled.ResidentName && a.Action == AuditAction.Export && a.Part == ResidentExport.Part, ct)).ShouldBe(2);
        using var stranger = await app.Browser().GetAsync("/mijn/gegevens?handler=Pdf", ct);
        stranger.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var professional = await (await app.SignedInAsync(PageSession.Professional)).GetAsync("/mijn/gegevens?handler=Pdf", ct);
        professional.Content.Headers.ContentType?.MediaType.ShouldNotBe("application/pdf");
    }

    /// <summary>All words of the document, one space between them (lines are wrapped in the PDF).</summary>
    private static string Words(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return Normalised(string.Join(' ', document.GetPages().SelectMany(p => p.GetWords().OrderByDescending(w => Math.Round(w.BoundingBox.Bottom))
            .ThenBy(w => w.BoundingBox.Left).Select(w => w.Text))));
    }

    private static string Normalised(string text) => Space().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
