using System.Net;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Keukentafel.Privacy;
using Keukentafel.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace Keukentafel.Tests.Plans;

/// <summary>
/// The plan as FHIR R4 for a care partner's system: the Bundle parses and validates with the Firely SDK against the
/// R4 specification, round-trips, holds the plan (his goal in his words, each action with who carries it, his people,
/// the professionals he let in, his marks, his consents) and nothing of a professional he refused or whose
/// organisation's consent ended; each export is in his access log; nobody outside the file gets it.
/// </summary>
public sealed class PlanFhirTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private static readonly System.Text.Json.JsonSerializerOptions Fhir = new System.Text.Json.JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private static readonly Lazy<Validator> R4 = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    [Fact]
    public async Task The_plan_validates_round_trips_and_holds_only_the_professionals_his_consent_lets_in()
    {
        var ct = TestContext.Current.CancellationToken;
        var bringer = await CaseDriver.HomeCareAsync(app);
        var @case = await (await CaseDriver.SignalAsync(app, bringer.Email, family: "Vonkel")).MeetingPlannedAsync();
        var housing = await AtTheTableAsync(@case, OrganisationType.Housing, agreed: true);
        var welfare = await AtTheTableAsync(@case, OrganisationType.Welfare, agreed: true);
        var refused = await AtTheTableAsync(@case, OrganisationType.MentalHealth, agreed: false);
        var welfareOrganisation = await OrganisationOfAsync(welfare.Id);
        var welfareConsent = (await @case.FileAsync()).GetProperty("consents").EnumerateArray()
            .Single(k => k.GetProperty("organisationId").GetGuid() == welfareOrganisation).Id();
        await @case.PostAsync($"consents/{welfareConsent}/withdrawal", new { reason = "Hij wil niet dat het welzijnswerk meeleest." });
        await @case.PostAsync("network", new { name = "Ans Vonkel", relation = "dochter", phone = "06-12345678" });
        var due = CaseDriver.Due(14);
        await @case.PostAsync("actions",
            new { what = "Zelf de post openen", carrier = "Resident", lawDomain = "Other", dueDate = due, isContribution = false });
        await @case.PostAsync("actions", new
        {
            what = "Boodschappen doen op zaterdag",
            carrier = "Network",
            carrierName = "Ans Vonkel",
            lawDomain = "Welzijn",
            dueDate = due,
            isContribution = false,
        });
        await @case.PostAsync("actions", new
        {
            what = "Een regeling voor de huurachterstand",
            carrier = "Organisation",
            carrierStaffMemberId = housing.Id,
            carrierOrganisationId = await OrganisationOfAsync(housing.Id),
            lawDomain = "Wonen",
            dueDate = due,
            isContribution = false,
        });
        await @case.PostAsync("actions", new
        {
            what = "Samen naar de voedselbank",
            carrier = "Organisation",
            carrierStaffMemberId = welfare.Id,
            carrierOrganisationId = welfareOrganisation,
            lawDomain = "Welzijn",
            dueDate = due,
            isContribution = false,
        });
        await @case.PostAsync("actions", new
        {
            what = "Een maatje voor de wandeling",
            carrier = "Organisation",
            carrierOrganisationId = welfareOrganisation,
            lawDomain = "Welzijn",
            dueDate = due,
            isContribution = false,
        });
        await @case.PostAsync("actions",
            new { what = "Koffie schenken in het buurthuis", carrier = "Resident", lawDomain = "Welzijn", dueDate = due, isContribution = true });
        // Today as the Netherlands counts it: just after midnight there, the UTC date is still the day before the signal.
        var today = Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await @case.PostAsync("wellbeing", new { moment = "Intake", mark = 4.5m, measuredOn = today });

        using var response = await @case.Bringer.GetAsync($"/api/v1/cases/{@case.Id}/fhir", ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
        var json = await response.Content.ReadAsStringAsync(ct);
        var bundle = System.Text.Json.JsonSerializer.Deserialize<Bundle>(json, Fhir)!;

        ShouldBeValid(bundle);
        System.Text.Json.JsonSerializer.Serialize(bundle, Fhir).ShouldBe(json, "the bundle round-trips");
        var resources = bundle.Entry.Select(e => e.Resource!).ToList();
        bundle.Entry.ShouldAllBe(e => e.FullUrl == $"urn:uuid:{e.Resource!.Id}");

        var plan = resources.OfType<CarePlan>().Single();
        plan.Status.ShouldBe(RequestStatus.Draft, "the table has not agreed the plan yet");
        plan.Intent.ShouldBe(CarePlan.CarePlanIntent.Plan);
        plan.Activity.Count.ShouldBe(6);
        var goal = resources.OfType<Goal>().Single();
        (goal.Description!.Text, goal.LifecycleStatus).ShouldBe(("Antwoord op Want", Goal.GoalLifecycleStatus.Proposed));
        var patient = resources.OfType<Patient>().Single();
        patient.Name.Single().Family.ShouldBe("Vonkel");
        patient.Address.ShouldBeEmpty("no address goes out");
        patient.Telecom.ShouldBeEmpty();
        patient.Meta!.Profile.ShouldContain("http://nictiz.nl/fhir/StructureDefinition/nl-core-Patient");

        string? Performer(string what) => plan.Activity.Single(a => a.Detail!.Description == what).Detail!.Performer.SingleOrDefault()?.Reference;
        Performer("Zelf de post openen").ShouldBe($"urn:uuid:{patient.Id}");
        Performer("Koffie schenken in het buurthuis").ShouldBe($"urn:uuid:{patient.Id}");
        var daughter = resources.OfType<RelatedPerson>().Single();
        daughter.Relationship.Single().Text.ShouldBe("dochter");
        Performer("Boodschappen doen op zaterdag").ShouldBe($"urn:uuid:{daughter.Id}");
        var housingRole = resources.OfType<PractitionerRole>().Single(r => r.Practitioner!.Reference == $"urn:uuid:{housing.Id}");
        Performer("Een regeling voor de huurachterstand").ShouldBe($"urn:uuid:{housingRole.Id}");
        Performer("Een maatje voor de wandeling").ShouldBeNull("the welfare organisation's consent ended: it is not named");
        Performer("Samen naar de voedselbank").ShouldBeNull("nor its professional who carries the action");
        plan.Activity.ShouldAllBe(a => a.Detail!.Status == CarePlan.CarePlanActivityStatus.NotStarted);

        resources.OfType<Practitioner>().Select(p => p.Id).ShouldBe([bringer.Id.ToString(), housing.Id.ToString()], ignoreOrder: true);
        resources.OfType<Observation>().Single().Value.ShouldBeOfType<Quantity>().Value.ShouldBe(4.5m);
        var consentedTo = resources.OfType<Hl7.Fhir.Model.Consent>()
            .Select(k => k.Provision!.Actor.Single().Reference!.Reference).ToList();
        consentedTo.Count.ShouldBe(2, "the case bringer's organisation and the housing corporation; not the welfare organisation any more");
        consentedTo.ShouldNotContain($"urn:uuid:{welfareOrganisation}");

        foreach (var (id, _, name) in new[] { refused, welfare })
        {
            json.ShouldNotContain(id.ToString());
            json.ShouldNotContain(name);
        }

        json.ShouldNotContain(welfareOrganisation.ToString());
        json.ShouldNotContain(await OrganisationNameAsync(welfareOrganisation));
        json.ShouldNotContain(await OrganisationNameAsync(await OrganisationOfAsync(refused.Id)));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        (await db.AuditEvents.CountAsync(a => a.CaseId == @case.Id && a.Action == AuditAction.Export && a.Part == PlanFhir.AuditPart && a.Allowed, ct))
            .ShouldBe(1, "the export is in the resident's access log");
        AccessLog.Words(AuditAction.Export, PlanFhir.AuditPart).ShouldBe("gaf uw plan door aan het computersysteem van een zorgorganisatie (FHIR)");
    }

    [Fact]
    public async Task The_demo_residents_plan_validates_and_names_exactly_the_professionals_his_consent_lets_in()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var residentId = await db.Users.Where(u => u.Email == PageSession.Resident).Select(u => u.ResidentId).SingleAsync(ct);
        var demo = await db.Cases.Where(c => c.ResidentId == residentId).OrderByDescending(c => c.SignalledAtUtc)
            .Select(c => new { c.Id, Bringer = db.StaffMembers.Where(s => s.Id == c.CaseBringerId).Select(s => s.Email).Single() }).FirstAsync(ct);
        // Whom the bundle may name: the case bringer, and the professionals on the case whose organisation holds an active consent.
        var today = Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow);
        var members = await db.CaseMembers.Where(m => m.CaseId == demo.Id).Join(db.StaffMembers, m => m.StaffMemberId, s => s.Id,
            (m, s) => new { s.Id, m.Role, s.OrganisationId }).ToListAsync(ct);
        var consented = (await db.Consents.Where(k => k.CaseId == demo.Id && k.WithdrawnAtUtc == null).Select(k => new { k.OrganisationId, k.ValidUntil })
            .ToListAsync(ct)).Where(k => k.ValidUntil == null || k.ValidUntil >= today).Select(k => k.OrganisationId).ToHashSet();
        var allowed = members.Where(m => m.Role == Keukentafel.Cases.CaseRole.Bringer || m.OrganisationId is null || consented.Contains(m.OrganisationId.Value))
            .Select(m => m.Id.ToString()).ToList();
        var memberIds = members.Select(m => m.Id).ToList();
        var others = await db.StaffMembers.Where(s => !memberIds.Contains(s.Id)).Select(s => s.Id).Take(50).ToListAsync(ct);

        var json = await (await app.ApiAsync(demo.Bringer)).GetStringAsync($"/api/v1/cases/{demo.Id}/fhir", ct);
        var bundle = System.Text.Json.JsonSerializer.Deserialize<Bundle>(json, Fhir)!;

        ShouldBeValid(bundle);
        var resources = bundle.Entry.Select(e => e.Resource!).ToList();
        resources.OfType<CarePlan>().Single().Activity.ShouldNotBeEmpty();
        resources.OfType<Practitioner>().Select(p => p.Id).ShouldBe(allowed, ignoreOrder: true);
        allowed.ShouldNotBeEmpty();
        foreach (var id in others)
        {
            json.ShouldNotContain(id.ToString());
        }
    }

    [Fact]
    public async Task The_plan_page_hands_it_out_and_no_one_outside_the_file_gets_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var bringer = await CaseDriver.HomeCareAsync(app);
        var @case = await (await CaseDriver.SignalAsync(app, bringer.Email, family: "Doorgeven")).MeetingPlannedAsync();
        var refused = await AtTheTableAsync(@case, OrganisationType.MentalHealth, agreed: false);
        await @case.PostAsync("actions",
            new { what = "Zelf de post openen", carrier = "Resident", lawDomain = "Other", dueDate = CaseDriver.Due(7), isContribution = false });

        using var browser = await app.SignedInAsync(bringer.Email);
        var page = await browser.GetPageAsync($"/casussen/{@case.Id}/plan");
        var link = page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("FHIR-bestand", StringComparison.Ordinal)).GetAttribute("href")!;
        using var download = await browser.GetAsync(link, ct);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
        download.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().ShouldEndWith(".fhir.json");
        var json = await download.Content.ReadAsStringAsync(ct);
        ShouldBeValid(System.Text.Json.JsonSerializer.Deserialize<Bundle>(json, Fhir)!);
        json.ShouldNotContain(refused.Id.ToString());

        var outsider = await app.StaffAsync(OrganisationType.Housing, "WK990101");
        foreach (var email in new[] { outsider.Email, refused.Email })
        {
            (await (await app.ApiAsync(email)).GetAsync($"/api/v1/cases/{@case.Id}/fhir", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            using var other = await app.SignedInAsync(email);
            (await other.GetAsync($"/casussen/{@case.Id}/plan?handler=Fhir", ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var exports = await db.AuditEvents.Where(a => a.CaseId == @case.Id && a.Part == PlanFhir.AuditPart).Select(a => a.Allowed).ToListAsync(ct);
        exports.Count(a => a).ShouldBe(1, "the bringer's download");
        exports.Count(a => !a).ShouldBe(4, "every refusal is logged too");
    }

    [Fact]
    public void The_validator_refuses_a_plan_that_breaks_R4()
    {
        // The check the tests above rely on: a CarePlan without status, intent and subject, and a Consent without a patient's
        // policy, are errors of the R4 specification.
        var broken = new Bundle { Type = Bundle.BundleType.Collection };
        broken.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:6a1b0f0e-4a31-4d1e-9d7e-1f1f1f1f1f1f",
            Resource = new CarePlan { Id = "6a1b0f0e-4a31-4d1e-9d7e-1f1f1f1f1f1f" },
        });
        // A resource that names an nl-core profile is still held to the R4 specification.
        broken.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:7b2c1f0e-4a31-4d1e-9d7e-1f1f1f1f1f1f",
            Resource = new Patient
            {
                Id = "7b2c1f0e-4a31-4d1e-9d7e-1f1f1f1f1f1f",
                Meta = new Meta { Profile = ["http://nictiz.nl/fhir/StructureDefinition/nl-core-Patient"] },
                BirthDate = "1950-13-45",
            },
        });
        var outcome = R4.Value.Validate(broken);
        outcome.Success.ShouldBeFalse();
        var errors = outcome.Issue
            .Where(i => i.Severity == OperationOutcome.IssueSeverity.Error && !(i.Details!.Text ?? "").Contains("nictiz", StringComparison.Ordinal))
            .Select(i => $"{string.Join(", ", i.Expression)}: {i.Details!.Text}").ToList();
        errors.ShouldContain(e => e.StartsWith("Bundle.entry[0].resource[0]", StringComparison.Ordinal) && e.Contains("status", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Bundle.entry[1].resource[0].birthDate", StringComparison.Ordinal), string.Join("; ", errors));
    }

    private static void ShouldBeValid(Bundle bundle)
    {
        var outcome = R4.Value.Validate(bundle);
        // The nl-core profiles named in meta.profile (Nictiz) are not in the R4 specification the validator has here.
        var problems = outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Where(i => !(i.Details?.Text ?? "").Contains("nictiz.nl/fhir/StructureDefinition/nl-core-", StringComparison.Ordinal))
            .Select(i => $"{i.Severity} at {string.Join(", ", i.Expression)}: {i.Details?.Text}")
            .ToList();
        problems.ShouldBeEmpty();
    }

    private async Task<(Guid Id, string Email, string Name)> AtTheTableAsync(CaseDriver @case, OrganisationType type, bool agreed)
    {
        var staff = await app.StaffAsync(type, "WK990101");
        var meetingId = @case.MeetingId;
        var participant = (await @case.PostAsync($"meetings/{meetingId}/participants", new { staffMemberId = staff.Id })).Id("createdId");
        await @case.PostAsync($"meetings/{meetingId}/participants/{participant}/agreement", new { agreed });
        if (agreed)
        {
            await @case.PostAsync($"meetings/{meetingId}/participants/{participant}/invitation", new { });
        }

        return staff;
    }

    private async Task<Guid> OrganisationOfAsync(Guid staffMemberId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().StaffMembers.Where(s => s.Id == staffMemberId)
            .Select(s => s.OrganisationId!.Value).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> OrganisationNameAsync(Guid organisationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Organisations.Where(o => o.Id == organisationId)
            .Select(o => o.Name).SingleAsync(TestContext.Current.CancellationToken);
    }
}
