using System.Net;
using System.Text;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Privacy;

/// <summary>"Who looked at my file": the resident sees every look by someone else, with reasons, and can take the list home.</summary>
public sealed class AccessLogTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private const string Reason = "De casusaanbrenger is met verlof en de bewoner belde over een brief van de woningcorporatie.";

    [Fact]
    public async Task The_resident_sees_who_looked_at_his_file_from_which_organisation_and_why()
    {
        var (caseId, bringer) = await ResidentsCaseAsync();
        var coordinator = await app.ApiAsync(coordinatorEmail);
        await coordinator.PostJsonAsync($"/api/v1/access/{caseId}/reason", new { reason = Reason }, HttpStatusCode.NoContent);
        await coordinator.GetJsonAsync($"/api/v1/cases/{caseId}");
        await (await app.ApiAsync(bringer.Email)).GetJsonAsync("/api/v1/cases");
        var resident = await app.SignedInAsync(PageSession.Resident);

        var page = await resident.GetPageAsync("/mijn/inzage");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        var organisation = (await AuditAsync(a => a.CaseId == caseId && a.Action == AuditAction.Create)).Single().Organisation!;
        rows.ShouldContain(r => r.Contains(bringer.Name) && r.Contains("meldde uw hulpvraag aan") && r.Contains(organisation));
        rows.ShouldContain(r => r.Contains(coordinatorName) && r.Contains("bekeek uw dossier") && r.Contains(Reason));
        rows.ShouldContain(r => r.Contains(bringer.Name) && r.Contains("zag uw naam in de lijst met hulpvragen"), "a list that shows his name is a look too");
        rows.ShouldNotContain(r => r.Contains(residentName), "the resident's own looks are not listed");
        var api = (await (await app.ApiAsync(PageSession.Resident)).GetJsonAsync("/api/v1/me/access-log")).Items();
        api.EnumerateArray().ShouldContain(e => e.GetProperty("who").GetString() == coordinatorName && e.GetProperty("reason").GetString() == Reason);
        api.EnumerateArray().ShouldNotContain(e => e.GetProperty("who").GetString() == residentName);
        (await AuditAsync(a => a.UserName == residentName && a.Part == "logboek" && a.Action == AuditAction.Read)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_resident_downloads_the_list_as_csv_and_pdf_and_the_download_is_logged()
    {
        var (_, bringer) = await ResidentsCaseAsync();
        var resident = await app.SignedInAsync(PageSession.Resident);

        using var csv = await resident.GetAsync("/mijn/inzage?handler=Csv", TestContext.Current.CancellationToken);
        using var pdf = await resident.GetAsync("/mijn/inzage?handler=Pdf", TestContext.Current.CancellationToken);

        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentDisposition!.FileName!.ShouldContain("wie-keek-in-mijn-dossier.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Datum en tijd;Wie;Organisatie;Wat;Reden");
        lines.ShouldContain(l => l.Contains($";{bringer.Name};") && l.Contains("meldde uw hulpvraag aan"));
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        PdfText(await pdf.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldContain(bringer.Name);
        (await AuditAsync(a => a.UserName == residentName && a.Action == AuditAction.Export && a.Part == "logboek")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_professional_on_the_case_shows_the_looks_at_that_case_only_and_others_cannot()
    {
        var (caseId, bringer) = await ResidentsCaseAsync();
        var (otherCase, colleague) = await ResidentsCaseAsync(OrganisationType.Welfare);
        var browser = await app.SignedInAsync(bringer.Email);

        var page = await browser.GetPageAsync($"/casussen/{caseId}/inzage");
        using var csv = await browser.GetAsync($"/casussen/{caseId}/inzage?handler=Csv", TestContext.Current.CancellationToken);
        var api = (await (await app.ApiAsync(bringer.Email)).GetJsonAsync($"/api/v1/cases/{caseId}/access-log")).Items();

        page.QuerySelectorAll("tbody tr").ShouldContain(r => r.TextContent.Contains(bringer.Name) && r.TextContent.Contains("meldde uw hulpvraag aan"));
        page.Text().ShouldNotContain(colleague.Name, Case.Sensitive, "her looks at her own case of this resident are not on this case's page");
        (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(bringer.Name);
        (await AuditAsync(a => a.CaseId == caseId && a.Action == AuditAction.Export && a.Part == "logboek" && a.UserName == bringer.Name)).Count.ShouldBe(1);
        api.EnumerateArray().ShouldAllBe(e => e.GetProperty("who").GetString() != colleague.Name);

        // No: a professional of the other case, another organisation, the resident himself on the professional's page.
        var colleagueBrowser = await app.SignedInAsync(colleague.Email);
        using (var refused = await colleagueBrowser.GetAsync($"/casussen/{caseId}/inzage", TestContext.Current.CancellationToken))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var refusedCsv = await colleagueBrowser.GetAsync($"/casussen/{caseId}/inzage?handler=Csv", TestContext.Current.CancellationToken))
        {
            refusedCsv.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        await (await app.ApiAsync(colleague.Email)).GetJsonAsync($"/api/v1/cases/{caseId}/access-log", HttpStatusCode.NotFound);
        using (var residentThere = await (await app.SignedInAsync(PageSession.Resident))
            .GetAsync($"/casussen/{caseId}/inzage", TestContext.Current.CancellationToken))
        {
            residentThere.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await AuditAsync(a => a.CaseId == caseId && !a.Allowed && a.UserName == colleague.Name && a.Part == "logboek")).Count.ShouldBe(3);
        (await AuditAsync(a => a.CaseId == otherCase && a.UserName == colleague.Name)).ShouldNotBeEmpty("she did look at her own case of the same resident");
    }

    [Theory]
    [InlineData(PageSession.Professional)]
    [InlineData(PageSession.Coordinator)]
    [InlineData(PageSession.Manager)]
    [InlineData(PageSession.Director)]
    [InlineData(PageSession.Administrator)]
    public async Task Only_a_resident_has_a_page_of_his_own(string email)
    {
        var browser = await app.SignedInAsync(email);

        using var page = await browser.GetAsync("/mijn/inzage", TestContext.Current.CancellationToken);
        using var csv = await browser.GetAsync("/mijn/inzage?handler=Csv", TestContext.Current.CancellationToken);

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        csv.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var api = await (await app.ApiAsync(email)).GetAsync("/api/v1/me/access-log", TestContext.Current.CancellationToken);
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void A_name_that_looks_like_a_formula_stays_text_in_the_spreadsheet()
    {
        var csv = Encoding.UTF8.GetString(
            AccessLogExport.Csv([new AccessLogEntry(DateTime.UtcNow, "=HYPERLINK(\"http://x\")", "+Org", "bekeek uw dossier", "-reden", true)]));

        csv.ShouldNotContain(";=HYPERLINK");
        csv.ShouldNotContain(";+Org");
        csv.ShouldNotContain(";-reden");
    }

    [Fact]
    public void The_pdf_reads_the_way_the_page_does_also_with_accents_and_other_alphabets()
    {
        var pdf = app.Services.GetRequiredService<AccessLogExport>().Pdf("Wie keek in mijn dossier", "Zoë Özdemir-van 't Hooft, gemaakt op 1 maart 2026", [
            new AccessLogDay(new DateOnly(2026, 2, 27), "René Boëthius", "Stichting Welzijn & Wonen", ["bekeek uw dossier", "bekeek uw plan"], 3,
                ["De casusaanbrenger is ziek – dringende vraag over de huur (€ 450)."]),
            new AccessLogDay(new DateOnly(2026, 2, 26), "Łukasz Wiśniewski 李", null, ["veranderde uw drie vragen"], 1,
                ["Eerste regel\nTweede regel\tmet tab 😀"]),
        ]);

        var text = PdfText(pdf);

        text.ShouldContain("Zoë Özdemir-van 't Hooft");
        text.ShouldContain("27 februari 2026: René Boëthius (Stichting Welzijn & Wonen)");
        text.ShouldContain("bekeek uw dossier, bekeek uw plan (3 keer)");
        text.ShouldContain("Reden: De casusaanbrenger is ziek – dringende vraag over de huur (€ 450).");
        text.ShouldContain("Łukasz Wiśniewski ?");
        text.ShouldContain("Reden: Eerste regel Tweede regel met tab ?");
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().SelectMany(p => p.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .Select(l => string.Join(' ', l.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))));
    }

    private string residentName = "";
    private string coordinatorEmail = "";
    private string coordinatorName = "";

    private async Task<(Guid CaseId, (Guid Id, string Email, string Name) Bringer)> ResidentsCaseAsync(OrganisationType bringerType = OrganisationType.HomeCare)
    {
        var signalled = await app.SignalCaseAsync(bringerType);
        (residentName, coordinatorEmail, coordinatorName) = (signalled.ResidentName, signalled.CoordinatorEmail, signalled.CoordinatorName);
        return (signalled.CaseId, signalled.Bringer);
    }

    private async Task<List<AuditEvent>> AuditAsync(System.Linq.Expressions.Expression<Func<AuditEvent, bool>> where)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().AuditEvents.Where(where)
            .ToListAsync(TestContext.Current.CancellationToken);
    }
}
