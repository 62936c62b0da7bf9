using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Mail;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Neighbourhoods.Import;

/// <summary>What is wrong with one row (or a whole file when <see cref="Row"/> is 0), in Dutch, with the column it is about.</summary>
public sealed record ImportProblem(string Source, int Row, string? Column, string Message);

/// <summary>The municipality the lists are for: an existing one by its CBS code, or a new one with its name.</summary>
public sealed record ImportTarget(string? MunicipalityCode, string? MunicipalityName);

/// <summary>What a dry run found, or what an import wrote: the counts, and every problem (none when it was written).</summary>
public sealed record ImportResult(bool Written, IReadOnlyList<ImportProblem> Problems, int Neighbourhoods, int Organisations, int Staff, string Municipality);

/// <summary>
/// Loads a municipality in an afternoon: its neighbourhoods (name, CBS code), organisations (name, type, services,
/// neighbourhoods) and staff (name, e-mail, organisation, job title, role, neighbourhoods), from CSV or XLSX
/// (<see cref="ImportFiles"/>). A dry run checks every row and lists each problem in Dutch, writing nothing; the import
/// runs the same checks and writes everything in one transaction, or nothing. Each new staff member gets an account
/// with his role, and a mail to choose a password (or to sign in through his organisation, where that is set up). The
/// import is in the audit log with who ran it and what it added.
/// </summary>
public sealed partial class MunicipalityImport(KeukentafelDbContext db, ILookupNormalizer normalizer, AccountAdministration accounts, MailOutbox outbox,
    AuditLog log, TimeProvider time)
{
    public const string AuditPart = "import";

    private static readonly EmailAddressAttribute EmailCheck = new();

    /// <summary>The role column's words and what they make: the staff function and the account's role.</summary>
    private static readonly Dictionary<string, (StaffFunction Function, string Role)> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["professional"] = (StaffFunction.Professional, Roles.Professional),
        ["wijkcoördinator"] = (StaffFunction.Coordinator, Roles.Coordinator),
        ["wijkcoordinator"] = (StaffFunction.Coordinator, Roles.Coordinator),
        ["coördinator"] = (StaffFunction.Coordinator, Roles.Coordinator),
        ["coordinator"] = (StaffFunction.Coordinator, Roles.Coordinator),
        ["manager"] = (StaffFunction.Manager, Roles.Manager),
        ["directeur"] = (StaffFunction.Director, Roles.Director),
        ["bestuurder"] = (StaffFunction.Director, Roles.Director),
        ["financier"] = (StaffFunction.Financier, Roles.Director),
        ["aanjager"] = (StaffFunction.Aanjager, Roles.Aanjager),
    };

    public Task<ImportResult> DryRunAsync(ImportTarget target, IReadOnlyList<ImportTable> tables, IReadOnlyList<ImportProblem> readProblems,
        CancellationToken ct) => RunAsync(target, tables, readProblems, null, ct);

    /// <summary>Checks, then writes everything in one transaction, or nothing when a single row has a problem.</summary>
    public Task<ImportResult> ImportAsync(ImportTarget target, IReadOnlyList<ImportTable> tables, IReadOnlyList<ImportProblem> readProblems,
        ImportRunBy by, CancellationToken ct) => RunAsync(target, tables, readProblems, by, ct);

    private async Task<ImportResult> RunAsync(ImportTarget target, IReadOnlyList<ImportTable> tables, IReadOnlyList<ImportProblem> readProblems,
        ImportRunBy? by, CancellationToken ct)
    {
        var problems = new List<ImportProblem>(readProblems);
        var plan = await CheckAsync(target, tables, problems, ct);
        if (problems.Count > 0 || by is null)
        {
            return new ImportResult(false, Ordered(problems), plan.Neighbourhoods.Count, plan.Organisations.Count, plan.Staff.Count, plan.MunicipalityName);
        }

        try
        {
            await WriteAsync(plan, by, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new ImportResult(false, [new ImportProblem("", 0, null,
                    "Terwijl de import liep, is een wijk, organisatie of medewerker met dezelfde code, naam of hetzelfde e-mailadres toegevoegd. "
                    + "Er is niets opgeslagen. Controleer de bestanden opnieuw.")],
                plan.Neighbourhoods.Count, plan.Organisations.Count, plan.Staff.Count, plan.MunicipalityName);
        }

        return new ImportResult(true, [], plan.Neighbourhoods.Count, plan.Organisations.Count, plan.Staff.Count, plan.MunicipalityName);
    }

    private static List<ImportProblem> Ordered(List<ImportProblem> problems) =>
        [.. problems.OrderBy(p => p.Source, StringComparer.Ordinal).ThenBy(p => p.Row)];

    private sealed record NewNeighbourhood(string Name, string Code, int? Inhabitants);

    private sealed record NewOrganisation(string Name, OrganisationType Type, Services Services, List<string> Codes);

    private sealed record NewStaff(PersonName Name, string Email, string? Organisation, string? JobTitle, string? Phone, StaffFunction Function,
        List<string> Roles, List<string> Codes);

    private sealed record Plan(Municipality? Existing, string MunicipalityCode, string MunicipalityName, List<NewNeighbourhood> Neighbourhoods,
        List<NewOrganisation> Organisations, List<NewStaff> Staff);

    private async Task<Plan> CheckAsync(ImportTarget target, IReadOnlyList<ImportTable> tables, List<ImportProblem> problems, CancellationToken ct)
    {
        var municipalityCode = (target.MunicipalityCode ?? "").Trim().ToUpperInvariant();
        var municipality = municipalityCode.Length == 0 ? null : await db.Municipalities.SingleOrDefaultAsync(m => m.Code == municipalityCode, ct);
        if (!MunicipalityCode().IsMatch(municipalityCode))
        {
            problems.Add(new ImportProblem("", 0, "gemeente", "Geef de CBS-code van de gemeente, bijvoorbeeld GM0828."));
        }
        else if (municipality is null && string.IsNullOrWhiteSpace(target.MunicipalityName))
        {
            problems.Add(new ImportProblem("", 0, "gemeente", $"Gemeente {municipalityCode} is nog niet in Keukentafel: geef ook haar naam."));
        }

        if (tables.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem("", 0, null, "Er is geen lijst met wijken, organisaties of medewerkers gevonden."));
        }

        var name = municipality?.Name ?? target.MunicipalityName?.Trim() ?? "";
        if (name.Length > 200)
        {
            problems.Add(new ImportProblem("", 0, "gemeente", "De naam van de gemeente is te lang: hoogstens 200 tekens."));
        }

        var plan = new Plan(municipality, municipalityCode, name, [], [], []);
        var knownCodes = (await db.Neighbourhoods.Select(n => n.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var storedOrganisations = await db.Organisations.AsNoTracking()
            .Select(o => new { o.Name, Codes = o.Neighbourhoods.Join(db.Neighbourhoods, w => w.NeighbourhoodId, n => n.Id, (_, n) => n.Code).ToList() })
            .ToListAsync(ct);
        var knownOrganisations = storedOrganisations.Select(o => o.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var row in tables.Where(t => t.Kind == ImportKind.Neighbourhoods).SelectMany(t => t.Rows))
        {
            var here = new RowProblems(row, problems);
            var wijk = here.Required(row["naam", "wijk", "wijknaam"], "naam", "Geef de naam van de wijk.", 200);
            var code = here.Required(row["cbs-code", "cbs code", "wijkcode"], "cbs-code", "Geef de CBS-wijkcode, bijvoorbeeld WK082801.", 20)
                ?.ToUpperInvariant();
            int? inhabitants = null;
            if (row["inwoners"] is { } count)
            {
                if (int.TryParse(count.Replace(".", "", StringComparison.Ordinal), out var n) && n >= 0)
                {
                    inhabitants = n;
                }
                else
                {
                    here.Add("inwoners", $"'{count}' is geen aantal inwoners. Geef een heel getal, of laat het leeg.");
                }
            }

            if (code is not null && !NeighbourhoodCode().IsMatch(code))
            {
                here.Add("cbs-code", $"'{code}' is geen CBS-wijkcode. Een wijkcode is WK met zes cijfers, bijvoorbeeld WK082801.");
                code = null;
            }
            else if (code is not null && knownCodes.Contains(code))
            {
                here.Add("cbs-code", $"Wijk {code} is al in Keukentafel.");
                code = null;
            }
            else if (code is not null && plan.Neighbourhoods.Any(n => n.Code == code))
            {
                here.Add("cbs-code", $"Wijk {code} staat twee keer in de lijst.");
                code = null;
            }

            if (wijk is not null && code is not null && here.None)
            {
                plan.Neighbourhoods.Add(new NewNeighbourhood(wijk, code, inhabitants));
            }
        }

        var codes = knownCodes.Concat(plan.Neighbourhoods.Select(n => n.Code)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var row in tables.Where(t => t.Kind == ImportKind.Organisations).SelectMany(t => t.Rows))
        {
            var here = new RowProblems(row, problems);
            var organisation = here.Required(row["naam", "organisatie"], "naam", "Geef de naam van de organisatie.", 200);
            if (organisation is not null && knownOrganisations.Contains(organisation))
            {
                here.Add("naam", $"Organisatie '{organisation}' is al in Keukentafel.");
            }
            else if (organisation is not null && plan.Organisations.Any(o => string.Equals(o.Name, organisation, StringComparison.OrdinalIgnoreCase)))
            {
                here.Add("naam", $"Organisatie '{organisation}' staat twee keer in de lijst.");
            }

            var type = OrganisationType.Other;
            if (here.Required(row["soort"], "soort", $"Geef de soort organisatie: {TypeChoices}.", 100) is { } typeText && !TryType(typeText, out type))
            {
                here.Add("soort", $"'{typeText}' is geen soort organisatie die Keukentafel kent. Kies uit: {TypeChoices}.");
            }

            var services = Services.None;
            foreach (var word in Split(row["diensten", "soorten hulp", "hulp"]))
            {
                if (TryService(word, out var service))
                {
                    services |= service;
                }
                else
                {
                    here.Add("diensten", $"'{word}' is geen soort hulp die Keukentafel kent. Kies uit: {ServiceChoices}.");
                }
            }

            var workIn = Codes(row["wijken", "wijk", "cbs-codes"], codes, here);
            if (organisation is not null && here.None)
            {
                plan.Organisations.Add(new NewOrganisation(organisation, type, services, workIn));
            }
        }

        // Every organisation a staff row may name (stored or in the files), with the neighbourhoods it works in.
        var organisationAreas = storedOrganisations
            .Select(o => (o.Name, Codes: o.Codes.ToHashSet(StringComparer.OrdinalIgnoreCase)))
            .Concat(plan.Organisations.Select(o => (o.Name, Codes: o.Codes.ToHashSet(StringComparer.OrdinalIgnoreCase))))
            .GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Codes, StringComparer.OrdinalIgnoreCase);
        var knownEmails = (await db.StaffMembers.Select(s => s.Email).ToListAsync(ct))
            .Concat(await db.Users.Where(u => u.Email != null).Select(u => u.Email!).ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var row in tables.Where(t => t.Kind == ImportKind.Staff).SelectMany(t => t.Rows))
        {
            var here = new RowProblems(row, problems);
            var given = here.Required(row["voornaam", "roepnaam"], "voornaam", "Geef de voornaam.", 100);
            var prefix = here.Optional(row["tussenvoegsel", "tussenvoegsels"], "tussenvoegsel", 20);
            var family = here.Required(row["achternaam"], "achternaam", "Geef de achternaam.", 100);
            var email = here.Required(row["e-mail", "email", "e-mailadres"], "e-mail", "Geef het e-mailadres.", 256)?.ToLowerInvariant();
            if (email is not null && !EmailCheck.IsValid(email))
            {
                here.Add("e-mail", $"'{email}' is geen geldig e-mailadres.");
                email = null;
            }
            else if (email is not null && knownEmails.Contains(email))
            {
                here.Add("e-mail", $"Er is al een medewerker of account met het e-mailadres {email}.");
                email = null;
            }
            else if (email is not null && plan.Staff.Any(s => s.Email == email))
            {
                here.Add("e-mail", $"Het e-mailadres {email} staat twee keer in de lijst.");
                email = null;
            }

            // One role per person: it sets both his function (what the pages show him) and his account's role.
            var roles = new List<(StaffFunction Function, string Role)>();
            var roleWords = Split(here.Required(row["rol", "rollen"], "rol", $"Geef de rol: {RoleChoices}.", 200));
            foreach (var word in roleWords)
            {
                if (RoleWords.TryGetValue(word, out var role))
                {
                    roles.Add(role);
                }
                else if (word.StartsWith("beheer", StringComparison.OrdinalIgnoreCase) || word.Equals("administrator", StringComparison.OrdinalIgnoreCase))
                {
                    here.Add("rol", "Een beheerder wordt niet via een import gemaakt. Maak hem met het commando create-admin.");
                }
                else
                {
                    here.Add("rol", $"'{word}' is geen rol die Keukentafel kent. Kies uit: {RoleChoices}.");
                }
            }

            if (roleWords.Length > 1)
            {
                here.Add("rol", "Geef één rol per medewerker.");
                roles.Clear();
            }

            var organisation = here.Optional(row["organisatie"], "organisatie", 200);
            if (organisation is not null && !organisationAreas.ContainsKey(organisation))
            {
                here.Add("organisatie", $"Organisatie '{organisation}' staat niet in de lijst met organisaties en is nog niet in Keukentafel.");
            }
            else if (organisation is null && roles.Count > 0 && roles[0].Function != StaffFunction.Coordinator)
            {
                here.Add("organisatie", "Geef de organisatie waar deze persoon werkt. Alleen een wijkcoördinator werkt voor geen organisatie.");
            }

            if (given is not null && family is not null && new PersonName(given, prefix, family).Display.Length > 200)
            {
                here.Add("achternaam", "De naam is te lang: voornaam, tussenvoegsel en achternaam samen hoogstens 200 tekens.");
            }

            var jobTitle = here.Optional(row["functie"], "functie", 100);
            var phone = here.Optional(row["telefoon", "telefoonnummer"], "telefoon", 40);
            var workIn = Codes(row["wijken", "wijk", "cbs-codes"], codes, here);
            if (workIn.Count == 0 && here.None)
            {
                here.Add("wijken", "Geef de wijk of wijken waar deze persoon werkt (CBS-wijkcodes, gescheiden door komma's).");
            }

            // He works where his organisation works: the consent and the table look for him there.
            if (organisation is not null && organisationAreas.TryGetValue(organisation, out var areas))
            {
                foreach (var code in workIn.Where(c => !areas.Contains(c)))
                {
                    here.Add("wijken", $"{organisation} werkt niet in wijk {code}. Zet de wijk bij de organisatie in de lijst met organisaties.");
                }
            }

            if (given is not null && family is not null && email is not null && roles.Count > 0 && here.None)
            {
                plan.Staff.Add(new NewStaff(new PersonName(given, prefix, family), email, organisation, jobTitle, phone, roles[0].Function,
                    [.. roles.Select(r => r.Role).Distinct()], workIn));
            }
        }

        return plan;
    }

    private async Task WriteAsync(Plan plan, ImportRunBy by, CancellationToken ct)
    {
        await accounts.EnsureRolesAsync(ct);
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var municipality = plan.Existing ?? new Municipality(plan.MunicipalityName, plan.MunicipalityCode);
            if (plan.Existing is null)
            {
                db.Municipalities.Add(municipality);
            }

            // Names and codes as the checks saw them: without regard to case (two stored names that differ only in case are one).
            var neighbourhoods = (await db.Neighbourhoods.ToListAsync(ct))
                .GroupBy(n => n.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            foreach (var n in plan.Neighbourhoods)
            {
                var neighbourhood = new Neighbourhood(municipality, n.Name, n.Code, n.Inhabitants);
                db.Neighbourhoods.Add(neighbourhood);
                neighbourhoods[n.Code] = neighbourhood;
            }

            var organisations = (await db.Organisations.ToListAsync(ct))
                .GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            foreach (var o in plan.Organisations)
            {
                var organisation = new Organisation(o.Name, o.Type, null);
                organisation.Offer(o.Services);
                organisation.Cover(o.Type.TypicalDomains());
                o.Codes.ForEach(code => organisation.StartWorkingIn(neighbourhoods[code]));
                db.Organisations.Add(organisation);
                organisations[o.Name] = organisation;
            }

            foreach (var s in plan.Staff)
            {
                var staff = new StaffMember(s.Name, s.Function, s.Organisation is null ? null : organisations[s.Organisation], s.Email, s.JobTitle);
                staff.ChangePhone(s.Phone);
                s.Codes.ForEach(code => staff.StartWorkingIn(neighbourhoods[code]));
                db.StaffMembers.Add(staff);

                // His account, without a password: the welcome mail lets him choose one (or he signs in through his organisation).
                var account = new Account(s.Email, s.Name.Display, now) { EmailConfirmed = true };
                account.NormalizedEmail = normalizer.NormalizeEmail(account.Email);
                account.NormalizedUserName = normalizer.NormalizeName(account.UserName);
                account.LinkToStaffMember(staff.Id);
                db.Users.Add(account);
                s.Roles.ForEach(role => db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = account.Id, RoleId = roleIds[role] }));
                db.QueuedMails.Add(QueuedMail.ToCompose(StaffWelcomeMail.Kind, s.Email, account.Id, by.Site, now));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });

        outbox.Wake();
        await log.AppendAsync(new AuditEvent(now, by.AccountId, by.Name, by.Roles, null, null, null, AuditAction.Create, AuditPart, true,
            $"{plan.MunicipalityName} ({plan.MunicipalityCode}): {plan.Neighbourhoods.Count} wijken, {plan.Organisations.Count} organisaties, "
            + $"{plan.Staff.Count} medewerkers", by.ClientAddress), ct);
    }

    private static readonly string TypeChoices = string.Join(", ", Enum.GetValues<OrganisationType>().Select(t => t.Dutch()));

    private static readonly string ServiceChoices = string.Join(", ", ServicesText.Each.Select(s => s.Dutch()));

    private static readonly string RoleChoices = "professional, wijkcoördinator, manager, directeur, financier, aanjager";

    private static bool TryType(string text, out OrganisationType type)
    {
        foreach (var candidate in Enum.GetValues<OrganisationType>())
        {
            if (string.Equals(candidate.Dutch(), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = OrganisationType.Other;
        return false;
    }

    private static bool TryService(string text, out Services service)
    {
        service = ServicesText.Each.FirstOrDefault(s => string.Equals(s.Dutch(), text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.ToString(), text, StringComparison.OrdinalIgnoreCase));
        return service != Services.None;
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split([',', ';', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<string> Codes(string? list, HashSet<string> known, RowProblems here)
    {
        var found = new List<string>();
        foreach (var code in Split(list).Select(c => c.ToUpperInvariant()).Distinct())
        {
            if (known.Contains(code))
            {
                found.Add(code);
            }
            else
            {
                here.Add("wijken", $"Wijk {code} staat niet in de lijst met wijken en is nog niet in Keukentafel.");
            }
        }

        return found;
    }

    /// <summary>The problems of one row, so the row is left out of the plan when it has any.</summary>
    private sealed class RowProblems(ImportRow row, List<ImportProblem> all)
    {
        private int count;

        public bool None => count == 0;

        public void Add(string column, string message)
        {
            count++;
            all.Add(new ImportProblem(row.Source, row.Number, column, message));
        }

        public string? Required(string? value, string column, string message, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(column, message);
                return null;
            }

            return Optional(value, column, max);
        }

        public string? Optional(string? value, string column, int max)
        {
            var text = Text.Optional(value);
            if (text is not null && text.Length > max)
            {
                Add(column, $"Dit is te lang: hoogstens {max} tekens.");
                return null;
            }

            return text;
        }
    }

    [GeneratedRegex("^GM[0-9]{4}$")]
    private static partial Regex MunicipalityCode();

    [GeneratedRegex("^WK[0-9]{6}$")]
    private static partial Regex NeighbourhoodCode();
}

/// <summary>Who runs an import (an administrator on the page, or the operator's command) and where the welcome mails' links point.</summary>
public sealed record ImportRunBy(Guid? AccountId, string Name, string Roles, string ClientAddress, string Site);
