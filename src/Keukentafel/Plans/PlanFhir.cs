using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Effects;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;
using FhirModel = Hl7.Fhir.Model;

namespace Keukentafel.Plans;

/// <summary>
/// The plan as a FHIR R4 Bundle, for the system of a home-care or mental-health partner: the resident (Patient), his
/// "wat wil ik" in his words (Goal), the plan's actions with who carries them and how far they are (CarePlan), the
/// people of his own on the case (RelatedPerson), the professionals he let in with their organisations
/// (Practitioner, PractitionerRole, Organization), his wellbeing marks (Observation) and the organisations that may see
/// his file (Consent). Only what his consent allows goes out: a professional appears only while he is on the case and
/// his organisation holds an active consent (the case bringer always, as in <see cref="Privacy.CaseAccess"/>); someone
/// he refused, or whose organisation's consent ended, appears nowhere, not even as the performer of an action.
/// The resident is named by name and birth date only: no address, phone or BSN. nl-core profiles (Nictiz, zib 2020)
/// are named where one fits the resource; CarePlan, Goal, Observation and Consent follow the base R4 resources.
/// </summary>
public sealed class PlanFhir(KeukentafelDbContext db, TimeProvider time)
{
    public const string MediaType = "application/fhir+json; fhirVersion=4.0";

    /// <summary>The part of the file in the audit log: the resident reads it as "gaf uw plan door ... (FHIR)".</summary>
    public const string AuditPart = "plan voor een zorgsysteem";

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions =
        new System.Text.Json.JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static string Json(Bundle bundle) => System.Text.Json.JsonSerializer.Serialize(bundle, JsonOptions);

    private const string NlCore = "http://nictiz.nl/fhir/StructureDefinition/";

    public async System.Threading.Tasks.Task<Bundle> BuildAsync(CaseFile file, CancellationToken ct)
    {
        var teamIds = file.Team.Select(m => m.StaffMemberId).ToList();
        var staff = await db.StaffMembers.AsNoTracking().Where(s => teamIds.Contains(s.Id))
            .Select(s => new SharedProfessional(s.Id, s.Name, s.JobTitle, s.Phone, s.OrganisationId,
                s.Organisation == null ? null : s.Organisation.Name, s.Organisation == null ? null : s.Organisation.Type))
            .ToListAsync(ct);
        var consentOrganisations = file.Consents.Where(k => k.Active).Select(k => k.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => consentOrganisations.Contains(o.Id))
            .Select(o => new SharedOrganisation(o.Id, o.Name, o.Type)).ToListAsync(ct);
        var marks = await db.WellbeingMeasurements.AsNoTracking().Where(m => m.CaseId == file.Id)
            .Select(m => new Mark(m.Id, m.Moment, m.Mark, m.MeasuredOn, m.RecordedAtUtc, m.CorrectionReason != null)).ToListAsync(ct);
        var name = await db.Residents.AsNoTracking().Where(r => r.Id == file.Resident.Id).Select(r => r.Name).SingleAsync(ct);
        return Build(file, name, staff, organisations, marks, time.GetUtcNow());
    }

    /// <summary>A professional on the case as the bundle may name him.</summary>
    public sealed record SharedProfessional(Guid Id, PersonName Name, string? JobTitle, string? Phone, Guid? OrganisationId, string? Organisation,
        OrganisationType? OrganisationType);

    public sealed record SharedOrganisation(Guid Id, string Name, OrganisationType Type);

    public sealed record Mark(Guid Id, MeasurementMoment Moment, decimal Value, DateOnly MeasuredOn, DateTime RecordedAtUtc, bool Corrects);

    /// <summary>
    /// The bundle from what was read: <paramref name="team"/> holds the case's professionals (the team), of whom only the
    /// case bringer and those whose organisation holds an active consent (or who have none) are named.
    /// </summary>
    public static Bundle Build(CaseFile file, PersonName residentName, IReadOnlyList<SharedProfessional> team,
        IReadOnlyList<SharedOrganisation> consentOrganisations, IReadOnlyList<Mark> marks, DateTimeOffset now)
    {
        var consented = file.Consents.Where(k => k.Active).Select(k => k.OrganisationId).ToHashSet();
        var shared = team
            .Where(p => p.Id == file.CaseBringerId || p.OrganisationId is null || consented.Contains(p.OrganisationId.Value))
            .ToList();
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Type = Bundle.BundleType.Collection,
            Timestamp = now,
            Identifier = new Identifier("urn:ietf:rfc:3986", Urn(Guid.NewGuid())),
        };

        void Add(Resource resource, Guid id)
        {
            resource.Id = id.ToString();
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = Urn(id), Resource = resource });
        }

        var patient = new ResourceReference(Urn(file.Resident.Id), residentName.Display);
        Add(new Patient
        {
            Meta = Profile("nl-core-Patient"),
            Name = [Name(residentName)],
            BirthDate = file.Resident.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, file.Resident.Id);

        // The organisations: those of the professionals named, and those his consent lets see the file.
        var organisationRefs = new Dictionary<Guid, ResourceReference>();
        foreach (var (id, orgName, type) in shared.Where(p => p.OrganisationId is not null)
            .Select(p => (p.OrganisationId!.Value, p.Organisation!, p.OrganisationType!.Value))
            .Concat(consentOrganisations.Select(o => (o.Id, o.Name, o.Type))))
        {
            if (organisationRefs.ContainsKey(id))
            {
                continue;
            }

            organisationRefs[id] = new ResourceReference(Urn(id), orgName);
            Add(new Organization
            {
                Meta = Profile("nl-core-HealthcareProvider-Organization"),
                Active = true,
                Name = orgName,
                Type = [new CodeableConcept { Text = type.Dutch() }],
            }, id);
        }

        // The professionals: a Practitioner (the person) and a PractitionerRole (in which organisation, as what).
        var roleRefs = new Dictionary<Guid, ResourceReference>();
        foreach (var p in shared)
        {
            var roleId = RoleId(p.Id);
            Add(new Practitioner { Meta = Profile("nl-core-HealthProfessional-Practitioner"), Name = [Name(p.Name)] }, p.Id);
            var role = new PractitionerRole
            {
                Meta = Profile("nl-core-HealthProfessional-PractitionerRole"),
                Active = true,
                Practitioner = new ResourceReference(Urn(p.Id), p.Name.Display),
                Organization = p.OrganisationId is { } o ? organisationRefs[o] : null,
                Code = p.JobTitle is null ? [] : [new CodeableConcept { Text = p.JobTitle }],
                Telecom = p.Phone is null ? [] : [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, p.Phone)],
            };
            Add(role, roleId);
            roleRefs[p.Id] = new ResourceReference(Urn(roleId), p.Name.Display);
        }

        // His own people on the case: name and how they relate to him (their phone numbers stay on his own plan).
        var related = new Dictionary<string, ResourceReference>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in file.Network)
        {
            Add(new RelatedPerson
            {
                Meta = Profile("nl-core-ContactPerson"),
                Active = true,
                Patient = patient,
                Name = [new HumanName { Text = n.Name }],
                Relationship = [new CodeableConcept { Text = n.Relation }],
            }, n.Id);
            related.TryAdd(n.Name, new ResourceReference(Urn(n.Id), n.Name));
        }

        // What he wants, in his words. Before the table agreed the plan it is a draft, and his goal only proposed.
        var closed = file.Status == CaseStatus.Closed;
        var agreed = file.Status is not (CaseStatus.Signalled or CaseStatus.QuestionsAnswered or CaseStatus.MeetingPlanned);
        var goals = new List<ResourceReference>();
        if (file.Answers.FirstOrDefault(a => a.Question == Question.Want) is { Text: { } want })
        {
            var goalId = Derived(file.Id, "goal");
            Add(new Goal
            {
                LifecycleStatus = closed ? Goal.GoalLifecycleStatus.Completed : agreed ? Goal.GoalLifecycleStatus.Active : Goal.GoalLifecycleStatus.Proposed,
                Description = new CodeableConcept { Text = want },
                Subject = patient,
                ExpressedBy = patient,
                Target = [new Goal.TargetComponent { Due = new Date(file.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) }],
            }, goalId);
            goals.Add(new ResourceReference(Urn(goalId)));
        }

        var plan = new CarePlan
        {
            Status = closed ? RequestStatus.Completed : agreed ? RequestStatus.Active : RequestStatus.Draft,
            Intent = CarePlan.CarePlanIntent.Plan,
            Title = "Plan van de bewoner (Keukentafel)",
            Subject = patient,
            Created = Instant(file.SignalledAtUtc).Value,
            Period = new Period { Start = FhirDate(DutchTime.Date(file.SignalledAtUtc)), End = FhirDate(file.Deadline) },
            Author = roleRefs.GetValueOrDefault(file.CaseBringerId),
            Contributor = [patient, .. roleRefs.Values, .. related.Values],
            Goal = goals,
        };
        foreach (var action in file.Actions)
        {
            var performer = action.Carrier switch
            {
                Carrier.Resident => patient,
                Carrier.Network => related.GetValueOrDefault(action.CarrierName),
                Carrier.Organisation when action.CarrierStaffMemberId is { } s && roleRefs.TryGetValue(s, out var r) => r,
                Carrier.Organisation when action.CarrierOrganisationId is { } o && organisationRefs.TryGetValue(o, out var r) => r,
                _ => null,
            };
            plan.Activity.Add(new CarePlan.ActivityComponent
            {
                Detail = new CarePlan.DetailComponent
                {
                    Code = new CodeableConcept { Text = action.IsContribution ? "Wat de bewoner teruggeeft" : action.LawDomain.Dutch() },
                    Status = action.Status switch
                    {
                        ActionStatus.Planned => CarePlan.CarePlanActivityStatus.NotStarted,
                        ActionStatus.InProgress => CarePlan.CarePlanActivityStatus.InProgress,
                        ActionStatus.Done => CarePlan.CarePlanActivityStatus.Completed,
                        _ => CarePlan.CarePlanActivityStatus.Cancelled,
                    },
                    Description = action.What,
                    Scheduled = new Period { End = FhirDate(action.DueDate) },
                    Performer = performer is null ? [] : [performer],
                    Goal = goals,
                },
            });
        }

        Add(plan, Derived(file.Id, "careplan"));

        // His wellbeing marks: the newest of each moment counts. One resource per moment (its id stays), so a correction
        // replaces the mark a partner imported before instead of standing beside it.
        foreach (var m in marks.GroupBy(m => m.Moment).Select(g => g.OrderByDescending(m => m.RecordedAtUtc).First()).OrderBy(m => m.MeasuredOn))
        {
            Add(new Observation
            {
                Status = m.Corrects ? ObservationStatus.Corrected : ObservationStatus.Final,
                Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")],
                Code = new CodeableConcept { Text = $"Rapportcijfer voor hoe het met de bewoner gaat (1-10), {m.Moment.Dutch().ToLowerInvariant()}" },
                Subject = patient,
                Effective = new FhirDateTime(FhirDate(m.MeasuredOn)),
                Value = new Quantity { Value = m.Value, Unit = "cijfer", System = "http://unitsofmeasure.org", Code = "{score}" },
            }, Derived(file.Id, $"wellbeing/{m.Moment}"));
        }

        // Who may see his file: each active consent, for the organisation it names.
        foreach (var k in file.Consents.Where(k => k.Active && organisationRefs.ContainsKey(k.OrganisationId)))
        {
            Add(new FhirModel.Consent
            {
                Status = FhirModel.Consent.ConsentState.Active,
                Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent"),
                Category = [new CodeableConcept("http://loinc.org", "59284-0", "Patient Consent")],
                Patient = patient,
                DateTime = Instant(k.GivenAtUtc).Value,
                PolicyRule = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", "opt-in"),
                Provision = new FhirModel.Consent.provisionComponent
                {
                    Type = FhirModel.Consent.ConsentProvisionType.Permit,
                    Period = new Period { Start = FhirDate(DutchTime.Date(k.GivenAtUtc)), End = k.ValidUntil is { } until ? FhirDate(until) : null },
                    Actor =
                    [
                        new FhirModel.Consent.provisionActorComponent
                        {
                            Role = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient"),
                            Reference = organisationRefs[k.OrganisationId],
                        },
                    ],
                },
            }, k.Id);
        }

        return bundle;
    }

    private static Meta Profile(string name) => new() { Profile = [NlCore + name] };

    /// <summary>
    /// A name as nl-core's NameInformation has it: the family name whole, and its prefix ("van der") and own part as
    /// the core extensions; the display form as text.
    /// </summary>
    private static HumanName Name(PersonName name)
    {
        var family = new FhirString(name.Prefix is null ? name.Family : $"{name.Prefix} {name.Family}");
        if (name.Prefix is not null)
        {
            family.AddExtension("http://hl7.org/fhir/StructureDefinition/humanname-own-prefix", new FhirString(name.Prefix));
        }

        family.AddExtension("http://hl7.org/fhir/StructureDefinition/humanname-own-name", new FhirString(name.Family));
        return new HumanName { Use = HumanName.NameUse.Official, Text = name.Display, FamilyElement = family, Given = [name.Given] };
    }

    private static string Urn(Guid id) => $"urn:uuid:{id}";

    /// <summary>The PractitionerRole's id: stable per professional, and not his Practitioner id.</summary>
    private static Guid RoleId(Guid staffId) => Derived(staffId, "practitionerrole");

    /// <summary>A stable id for a resource that has none of its own (the case's plan and goal), so a second export names it the same.</summary>
    private static Guid Derived(Guid id, string what)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{id:N}/{what}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    private static FhirDateTime Instant(DateTime utc) => new(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    private static string FhirDate(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
