using System.Net;
using System.Text;
using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Neighbourhoods.Import;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Neighbourhoods;

/// <summary>
/// A municipality loaded in an afternoon: a dry run of 200 staff with 20 mistakes lists those 20 (file, row, column, a
/// Dutch reason) and writes nothing; the corrected files import in one transaction, with accounts and roles, a welcome
/// mail each that lets him choose a password, and an audit event; the same files again are refused as already there.
/// </summary>
public sealed class MunicipalityImportTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    /// <summary>Four neighbourhoods (codes WK99{set}01-04) and five organisations (their names end in the set), so each test has its own.</summary>
    private static string Neighbourhoods(int set) => $"""
        naam;cbs-code;inwoners
        Vossenhol;WK99{set}01;5400
        Molenakker;WK99{set}02;
        Beekdal;WK99{set}03;3.100
        Kerkveld;WK99{set}04;2900
        """;

    private static string Organisations(int set) => $"""
        naam;soort;diensten;wijken
        Thuiszorg Vossenhol {set};Thuiszorg en wijkverpleging;Wijkverpleging, Huishoudelijke hulp;WK99{set}01,WK99{set}02,WK99{set}03
        Woonstede Beekdal {set};Wonen;Woningaanpassing;WK99{set}01,WK99{set}02,WK99{set}03
        Welzijn Kerkveld {set};Welzijn;Maatschappelijk werk|Steun voor mantelzorgers;WK99{set}04,WK99{set}01,WK99{set}02,WK99{set}03
        Gemeente Vossendal {set};Gemeente;Schuldhulp;WK99{set}01,WK99{set}02,WK99{set}03,WK99{set}04
        GGZ Molenakker {set};MentalHealth;MentalHealthCare;WK99{set}02,WK99{set}01,WK99{set}03
        """;

    private static readonly string[] OrganisationNames =
        ["Thuiszorg Vossenhol", "Woonstede Beekdal", "Welzijn Kerkveld", "Gemeente Vossendal", "GGZ Molenakker"];

    /// <summary>200 staff rows; with <paramref name="mistakes"/>, 20 of them (every tenth) have one mistake each, of ten kinds.</summary>
    private static string Staff(int set, bool mistakes, string domain)
    {
        var text = new StringBuilder("voornaam;tussenvoegsel;achternaam;e-mail;organisatie;functie;rol;wijken\n");
        for (var i = 0; i < 200; i++)
        {
            string[] cells =
            [
                $"Medewerker{i}", i % 7 == 0 ? "van der" : "", $"Achternaam{i}", $"medewerker{i}@{domain}", $"{OrganisationNames[i % 5]} {set}",
                "Wijkprofessional", i % 50 == 0 ? "manager" : "professional", i % 2 == 0 ? $"WK99{set}01" : $"WK99{set}02,WK99{set}03",
            ];
            if (mistakes && i % 10 == 5)
            {
                switch (i / 10 % 10)
                {
                    case 0: cells[3] = "geen-adres"; break;
                    case 1: cells[3] = $"medewerker{i - 1}@{domain}"; break;
                    case 2: cells[4] = "Onbekende Stichting"; break;
                    case 3: cells[6] = "tovenaar"; break;
                    case 4: cells[2] = ""; break;
                    case 5: cells[7] = "WK999999"; break;
                    case 6: cells[6] = "beheerder"; break;
                    case 7: cells[5] = new string('x', 101); break;
                    case 8: cells[7] = ""; break;
                    default: cells[4] = ""; break;
                }
            }

            text.AppendLine(string.Join(';', cells));
        }

        return text.ToString();
    }

    private static (List<ImportTable> Tables, List<ImportProblem> Problems) Lists(int set, bool mistakes, string domain) =>
        Files(("wijken.csv", Neighbourhoods(set)), ("organisaties.csv", Organisations(set)), ("medewerkers.csv", Staff(set, mistakes, domain)));

    private static (List<ImportTable> Tables, List<ImportProblem> Problems) Files(params (string Name, string Text)[] files) =>
        ImportFiles.Read([.. files.Select(f => (f.Name, (Stream)new MemoryStream(Encoding.UTF8.GetBytes(f.Text))))]);

    private static readonly ImportRunBy Administrator = new(null, "Beheerder (test)", Roles.Administrator, "127.0.0.1", "https://localhost");

    [Fact]
    public async Task A_dry_run_lists_the_twenty_mistakes_and_writes_nothing_then_the_corrected_files_import_in_one_go()
    {
        var ct = TestContext.Current.CancellationToken;
        var target = new ImportTarget("GM9911", "Vossendal");
        var (tables, readProblems) = Lists(11, mistakes: true, "vossendal.example");
        readProblems.ShouldBeEmpty();
        var before = await CountsAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var dryRun = await scope.ServiceProvider.GetRequiredService<MunicipalityImport>().DryRunAsync(target, tables, readProblems, ct);
            dryRun.Written.ShouldBeFalse();
            dryRun.Problems.Count.ShouldBe(20, string.Join("\n", dryRun.Problems.Select(ImportText.Line)));
            dryRun.Problems.ShouldAllBe(p => p.Source == "medewerkers.csv" && p.Row > 1 && p.Column != null);
            // Each mistake on the row it is in (the header is line 1, staff member i on line i + 2).
            dryRun.Problems.Select(p => p.Row).ShouldBe(Enumerable.Range(0, 20).Select(k => (k * 10) + 5 + 2));
            dryRun.Problems.ShouldContain(p => p.Column == "e-mail" && p.Message == "'geen-adres' is geen geldig e-mailadres.");
            dryRun.Problems.ShouldContain(p => p.Column == "organisatie" && p.Message.Contains("Onbekende Stichting", StringComparison.Ordinal));
            dryRun.Problems.ShouldContain(p => p.Column == "rol"
                && p.Message.StartsWith("Een beheerder wordt niet via een import gemaakt", StringComparison.Ordinal));
            dryRun.Problems.ShouldContain(p => p.Column == "wijken" && p.Message.Contains("WK999999", StringComparison.Ordinal));
            dryRun.Staff.ShouldBe(180);

            // The import itself refuses the same files, and also writes nothing.
            var refused = await scope.ServiceProvider.GetRequiredService<MunicipalityImport>().ImportAsync(target, tables, readProblems, Administrator, ct);
            refused.Written.ShouldBeFalse();
            refused.Problems.Count.ShouldBe(20);
        }

        (await CountsAsync()).ShouldBe(before, "a dry run, and an import with problems, write nothing");

        var corrected = Lists(11, mistakes: false, "vossendal.example");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<MunicipalityImport>();
            (await import.DryRunAsync(target, corrected.Tables, corrected.Problems, ct)).Problems.ShouldBeEmpty();
            var done = await import.ImportAsync(target, corrected.Tables, corrected.Problems, Administrator, ct);
            done.Problems.ShouldBeEmpty();
            done.Written.ShouldBeTrue();
            (done.Neighbourhoods, done.Organisations, done.Staff).ShouldBe((4, 5, 200));
        }

        var after = await CountsAsync();
        after.ShouldBe(before with
        {
            Municipalities = before.Municipalities + 1,
            Neighbourhoods = before.Neighbourhoods + 4,
            Organisations = before.Organisations + 5,
            Staff = before.Staff + 200,
            Accounts = before.Accounts + 200,
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            var vossenhol = await db.Neighbourhoods.Include(n => n.Municipality).SingleAsync(n => n.Code == "WK991101", ct);
            (vossenhol.Name, vossenhol.Inhabitants, vossenhol.Municipality!.Name).ShouldBe(("Vossenhol", 5400, "Vossendal"));
            (await db.Neighbourhoods.SingleAsync(n => n.Code == "WK991103", ct)).Inhabitants.ShouldBe(3100);
            var welfare = await db.Organisations.Include(o => o.Neighbourhoods).SingleAsync(o => o.Name == "Welzijn Kerkveld 11", ct);
            welfare.Type.ShouldBe(OrganisationType.Welfare);
            welfare.Offers.ShouldBe(Services.SocialWork | Services.CarerSupport);
            welfare.Neighbourhoods.Count.ShouldBe(4);
            var seventh = await db.StaffMembers.Include(s => s.WorkAreas).SingleAsync(s => s.Email == "medewerker7@vossendal.example", ct);
            (seventh.Name.Prefix, seventh.Name.Family, seventh.JobTitle, seventh.Function).ShouldBe(("van der", "Achternaam7", "Wijkprofessional",
                StaffFunction.Professional));
            seventh.WorkAreas.Count.ShouldBe(2);
            var account = await db.Users.SingleAsync(u => u.Email == "medewerker50@vossendal.example", ct);
            account.StaffMemberId.ShouldNotBeNull();
            account.PasswordHash.ShouldBeNull("he chooses his password through the welcome mail");
            (await db.UserRoles.Where(r => r.UserId == account.Id).Join(db.Roles, r => r.RoleId, x => x.Id, (_, x) => x.Name).SingleAsync(ct))
                .ShouldBe(Roles.Manager);
            var imported = await db.Users.Where(u => u.Email!.EndsWith("@vossendal.example")).Select(u => (Guid?)u.Id).ToListAsync(ct);
            (await db.QueuedMails.CountAsync(m => m.Purpose == StaffWelcomeMail.Kind && imported.Contains(m.AccountId), ct)).ShouldBe(200);
            var audit = await db.AuditEvents.Where(a => a.Part == MunicipalityImport.AuditPart).OrderByDescending(a => a.AtUtc).FirstAsync(ct);
            (audit.Action, audit.UserName, audit.Allowed).ShouldBe((AuditAction.Create, "Beheerder (test)", true));
            audit.Reason.ShouldBe("Vossendal (GM9911): 4 wijken, 5 organisaties, 200 medewerkers");

            // The same files again: everything is there already, and nothing more is written.
            var again = await scope.ServiceProvider.GetRequiredService<MunicipalityImport>()
                .ImportAsync(target, corrected.Tables, corrected.Problems, Administrator, ct);
            again.Written.ShouldBeFalse();
            again.Problems.Count.ShouldBe(4 + 5 + 200);
        }

        (await CountsAsync()).ShouldBe(after);
    }

    [Fact]
    public async Task The_welcome_mail_lets_the_new_staff_member_choose_his_password_and_sign_in()
    {
        var ct = TestContext.Current.CancellationToken;
        var files = Files(("wijken.csv", "naam,cbs-code\nHoogveld,WK991201\n"),
            ("organisaties.csv", "naam,soort,wijken\nBuurtzorg Hoogveld,Thuiszorg en wijkverpleging,WK991201\n"),
            ("medewerkers.csv", "voornaam,achternaam,e-mail,organisatie,rol,wijken\n"
                + "Femke,Dijkhuis,femke.dijkhuis@hoogveld.example,Buurtzorg Hoogveld,professional,WK991201\n"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<MunicipalityImport>()
                .ImportAsync(new ImportTarget("GM9912", "Hoogveld"), files.Tables, files.Problems, Administrator, ct)).Written.ShouldBeTrue();
        }

        var mail = await app.LastMailToAsync("femke.dijkhuis@hoogveld.example");
        mail.Subject.ShouldBe("Welkom bij Keukentafel: kies uw wachtwoord");
        var browser = app.Browser();
        using var saved = await browser.SubmitAsync(mail.LinkTo("/wachtwoord-herstellen"),
            new Dictionary<string, string>
            {
                ["Input.NewPassword"] = "Mijn eerste wachtwoord 2026!",
                ["Input.RepeatPassword"] = "Mijn eerste wachtwoord 2026!",
            });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var signedIn = await app.Browser().SignInAsync("femke.dijkhuis@hoogveld.example", "Mijn eerste wachtwoord 2026!");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, "she signs in with the password she chose");
    }

    [Fact]
    public async Task An_xlsx_workbook_with_a_sheet_per_list_reads_like_the_csv_files()
    {
        var ct = TestContext.Current.CancellationToken;
        using var workbook = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(workbook, new Dictionary<string, object>
        {
            ["Wijken"] = new[] { new Dictionary<string, object> { ["Naam"] = "Lindehof", ["CBS-code"] = "WK991301", ["Inwoners"] = 1800 } },
            ["Organisaties"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["Naam"] = "Sportief Lindehof", ["Soort"] = "Sports", ["Diensten"] = "Beweegprogramma", ["Wijken"] = "WK991301",
                },
            },
            ["Medewerkers"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["Voornaam"] = "Joost", ["Achternaam"] = "Verbeek", ["E-mail"] = "joost@lindehof.example", ["Organisatie"] = "Sportief Lindehof",
                    ["Rol"] = "professional", ["Wijken"] = "WK991301",
                },
                new Dictionary<string, object>
                {
                    ["Voornaam"] = "Iris", ["Achternaam"] = "Smeets", ["E-mail"] = "iris@lindehof.example", ["Organisatie"] = "",
                    ["Rol"] = "wijkcoördinator", ["Wijken"] = "WK991301",
                },
            },
        });
        workbook.Position = 0;
        var (tables, problems) = ImportFiles.Read([("gemeente.xlsx", workbook)]);
        problems.ShouldBeEmpty();
        tables.Select(t => t.Kind).ShouldBe([ImportKind.Neighbourhoods, ImportKind.Organisations, ImportKind.Staff]);
        tables[2].Rows[1].Number.ShouldBe(3);

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<MunicipalityImport>()
            .DryRunAsync(new ImportTarget("GM9913", "Lindehof"), tables, problems, ct);
        result.Problems.ShouldBeEmpty(string.Join("\n", result.Problems.Select(ImportText.Line)));
        (result.Neighbourhoods, result.Organisations, result.Staff).ShouldBe((1, 1, 2), "a coordinator needs no organisation");
    }

    [Fact]
    public async Task What_cannot_be_read_is_a_problem_in_Dutch_not_a_crash()
    {
        var (tables, problems) = Files(("notities.txt", "wat;anders\n1;2\n"), ("plaatje.png", "\u0089PNG"));
        tables.ShouldBeEmpty();
        problems.Select(p => p.Message).ShouldBe([
            "Niet duidelijk welke lijst dit is. De eerste regel moet de kolomnamen geven: voor wijken 'naam' en 'cbs-code', "
            + "voor organisaties 'naam' en 'soort', voor medewerkers 'voornaam', 'achternaam' en 'e-mail'.",
            "Dit bestand is geen CSV of XLSX. Sla de lijst op als CSV of als Excel-werkmap (.xlsx).",
        ]);
        var broken = ImportFiles.Read([("kapot.xlsx", new MemoryStream([1, 2, 3, 4]))]);
        broken.Problems.Single().Message.ShouldStartWith("Dit bestand kon niet gelezen worden.");

        await using var scope = app.Services.CreateAsyncScope();
        var noMunicipality = await scope.ServiceProvider.GetRequiredService<MunicipalityImport>()
            .DryRunAsync(new ImportTarget("Oss", null), tables, problems, TestContext.Current.CancellationToken);
        noMunicipality.Problems.ShouldContain(p => p.Column == "gemeente" && p.Message == "Geef de CBS-code van de gemeente, bijvoorbeeld GM0828.");
    }

    [Fact]
    public async Task The_operator_command_lists_the_problems_of_a_dry_run_and_exits_with_2()
    {
        var folder = Directory.CreateTempSubdirectory("keukentafel-import-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "wijken.csv"), Neighbourhoods(14), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "organisaties.csv"), Organisations(14), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "medewerkers.csv"), Staff(14, true, "commando.example"), TestContext.Current.CancellationToken);
        var before = await CountsAsync();

        var (code, output, errors) = await OperatorCommand.RunAsync(app.Database,
            ["import", "--dry-run", "--municipality", "GM9914", "--municipality-name", "Commandodorp", .. Directory.GetFiles(folder).Order()]);

        code.ShouldBe(2, errors);
        output.ShouldContain("20 problemen gevonden; er is niets opgeslagen.");
        errors.ShouldContain("medewerkers.csv, regel 7, kolom e-mail: 'geen-adres' is geen geldig e-mailadres.");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_administrator_checks_and_imports_on_the_page_and_no_one_else_may()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignedInAsync(PageSession.Administrator);
        var page = await admin.GetPageAsync("/beheer/import");
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        string Handler(string name) => form.QuerySelectorAll("button[formaction]").Select(b => b.GetAttribute("formaction")!)
            .Single(a => a.EndsWith($"handler={name}", StringComparison.Ordinal));
        MultipartFormDataContent Content(bool mistakes)
        {
            var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("GM9915"), "MunicipalityCode" },
                { new StringContent("Paginadorp"), "MunicipalityName" },
            };
            foreach (var (name, text) in new[] { ("wijken.csv", Neighbourhoods(15)), ("organisaties.csv", Organisations(15)),
                ("medewerkers.csv", Staff(15, mistakes, "paginadorp.example")) })
            {
                content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "Files", name);
            }

            return content;
        }

        var before = await CountsAsync();
        using (var content = Content(mistakes: true))
        {
            using var checkedFiles = await admin.PostAsync(Handler("Check"), content, ct);
            checkedFiles.StatusCode.ShouldBe(HttpStatusCode.OK);
            var answer = await PageSession.ParseAsync(checkedFiles);
            answer.QuerySelector("#import-result")!.TextContent.ShouldBe("20 problemen gevonden");
            var rows = answer.QuerySelectorAll("#import-problems tbody tr");
            rows.Length.ShouldBe(20);
            rows[0].TextContent.ShouldContain("'geen-adres' is geen geldig e-mailadres.");
        }

        (await CountsAsync()).ShouldBe(before);
        using (var content = Content(mistakes: false))
        {
            using var imported = await admin.PostAsync(Handler("Import"), content, ct);
            (await PageSession.ParseAsync(imported)).QuerySelector("#import-result")!.TextContent.ShouldBe("Ingelezen");
        }

        (await CountsAsync()).Staff.ShouldBe(before.Staff + 200);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var administrator = await db.Users.Where(u => u.Email == PageSession.Administrator).Select(u => new { u.Id, u.DisplayName }).SingleAsync(ct);
        var audit = await db.AuditEvents.Where(a => a.Part == MunicipalityImport.AuditPart).OrderByDescending(a => a.AtUtc).FirstAsync(ct);
        (audit.AccountId, audit.UserName).ShouldBe((administrator.Id, administrator.DisplayName), "the page records the administrator who ran it");

        using var professional = await app.SignedInAsync(PageSession.Professional);
        using var refused = await professional.GetAsync("/beheer/import", ct);
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        refused.Headers.Location?.PathAndQuery().ShouldNotStartWith("/beheer");
    }

    [Fact]
    public async Task One_role_per_person_and_only_where_his_organisation_works()
    {
        var files = Files(("wijken.csv", "naam;cbs-code\nZuidrand;WK991601\nNoordrand;WK991602\n"),
            ("organisaties.csv", "naam;soort;wijken\nZorg Zuidrand;Thuiszorg en wijkverpleging;WK991601\n"),
            ("medewerkers.csv", "voornaam;achternaam;e-mail;organisatie;rol;wijken\n"
                + "Ada;Rand;ada@rand.example;;wijkcoördinator, professional;WK991601\n"
                + "Bob;Rand;bob@rand.example;Zorg Zuidrand;professional;WK991601,WK991602\n"
                + "Cor;Rand;cor@rand.example;;wijkcoördinator;WK991601,WK991602\n"
                + "Dirk;Rand;dirk@rand.example;Zorg Zuidrand;Manager;WK991601\n"));
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<MunicipalityImport>()
            .DryRunAsync(new ImportTarget("GM9916", "Randstad"), files.Tables, files.Problems, TestContext.Current.CancellationToken);
        result.Problems.Select(ImportText.Line).ShouldBe([
            "medewerkers.csv, regel 2, kolom rol: Geef één rol per medewerker.",
            "medewerkers.csv, regel 3, kolom wijken: Zorg Zuidrand werkt niet in wijk WK991602. Zet de wijk bij de organisatie in de lijst met organisaties.",
        ]);
        result.Staff.ShouldBe(2, "a coordinator works for no organisation and in any neighbourhood; a role's capitals do not matter");
    }

    private sealed record Counts(int Municipalities, int Neighbourhoods, int Organisations, int Staff, int Accounts);

    private async Task<Counts> CountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;
        return new Counts(await db.Municipalities.CountAsync(ct), await db.Neighbourhoods.CountAsync(ct), await db.Organisations.CountAsync(ct),
            await db.StaffMembers.CountAsync(ct), await db.Users.CountAsync(ct));
    }
}
