using System.ComponentModel.DataAnnotations;
using Keukentafel.Budget;
using Keukentafel.Cases;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Plans;

/// <summary>The plan of a case over JSON: its actions and the resident's contribution, deviations from a rule, bottlenecks.</summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder endpoints)
    {
        var one = endpoints.MapCaseGroup("Cases");
        one.MapPost("/actions", AddAction).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "plan")
            .WithSummary("Add an action (or the resident's contribution) to the plan.");
        one.MapPost("/actions/{actionId:guid}/status", ActionStatusChange).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "plan")
            .WithSummary("Planned, in progress, done, or dropped with a reason.");
        one.MapPost("/actions/{actionId:guid}/worth-sharing", WorthSharing).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "plan")
            .WithSummary("Mark a solution as worth sharing at the next learning session, with why; the session's proposed agenda lists it.");
        one.MapPost("/no-contribution", NoContribution).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "plan")
            .WithSummary("Record why the resident makes no contribution.");
        one.MapPost("/deviations", Deviate).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "afwijkingen")
            .WithSummary("Record a deviation from a rule, and the manager asked to back it.");
        one.MapGet("/fhir", Fhir).RequireCaseAccess(CaseAccessLevel.Read, AuditAction.Export, PlanFhir.AuditPart)
            .Produces<System.Text.Json.Nodes.JsonObject>(StatusCodes.Status200OK, PlanFhir.MediaType)
            .WithSummary("The plan as a FHIR R4 Bundle (application/fhir+json) for a care partner's system: CarePlan, Goal, Patient, RelatedPerson, "
                + "Practitioner, PractitionerRole, Organization, Observation, Consent; only the professionals the resident's consent lets in.");
        one.MapPost("/bottlenecks", Bottleneck).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "knelpunten")
            .WithSummary("Record a bottleneck the case ran into.");
        return endpoints;
    }

    public sealed record ActionRequest(int Version,
        [property: Required(ErrorMessage = "Beschrijf wat er gebeurt."), StringLength(1000)] string What,
        Carrier Carrier, Guid? CarrierStaffMemberId, Guid? CarrierOrganisationId, [property: StringLength(300)] string? CarrierName,
        LawDomain LawDomain, [property: Range(0, 1_000_000, ErrorMessage = "Geef een bedrag tussen 0 en 1.000.000 euro.")] decimal? ExpectedCost,
        [property: Required(ErrorMessage = "Geef de datum waarop de actie klaar moet zijn.")] DateOnly? DueDate, bool IsContribution,
        Neighbourhoods.Services Service = Neighbourhoods.Services.None, Guid? InitiativeId = null);

    private static async Task<IResult> Fhir(Guid id, CaseFiles files, PlanFhir fhir, CancellationToken ct)
    {
        var file = (await files.GetAsync(id, ct))!;
        return TypedResults.Text(PlanFhir.Json(await fhir.BuildAsync(file, ct)), PlanFhir.MediaType);
    }

    public sealed record ActionStatusRequest(int Version, ActionStatus Status, [property: StringLength(1000)] string? DropReason);

    public sealed record WorthSharingRequest(int Version,
        [property: Required(ErrorMessage = "Schrijf op waarom deze oplossing de moeite waard is om te delen."), StringLength(2000)] string Why);

    public sealed record ReasonRequest(int Version, [property: Required(ErrorMessage = "Geef de reden."), StringLength(2000)] string Reason);

    public sealed record DeviationRequest(int Version,
        [property: Required(ErrorMessage = "Geef de regel."), StringLength(500)] string Rule,
        [property: Required(ErrorMessage = "Geef aan waarom."), StringLength(4000)] string Reason,
        [property: Required(ErrorMessage = "Geef aan wat het anders had gekost of veroorzaakt."), StringLength(4000)] string Otherwise,
        [property: Range(0, 10_000_000, ErrorMessage = "Geef een bedrag tussen 0 en 10.000.000 euro.")] decimal? OtherwiseCost,
        Guid ManagerId, LawDomain LawDomain = LawDomain.Other);

    public sealed record BottleneckRequest(int Version, BottleneckCategory Category,
        [property: Required(ErrorMessage = "Beschrijf het knelpunt."), StringLength(4000)] string Description, LawDomain LawDomain = LawDomain.Other);

    private static async Task<Ok<CasesApi.Changed>> AddAction(ActionRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var staff = request.CarrierStaffMemberId is { } staffId ? await work.StaffMemberAsync(staffId, ct) : null;
        var organisation = await work.OrganisationAsync(request.CarrierOrganisationId ?? staff?.OrganisationId, ct);
        var initiative = request.Carrier == Carrier.CollectiveInitiative ? await work.InitiativeAsync(request.InitiativeId, ct) : null;
        var carrier = new ActionCarrier(request.Carrier, request.CarrierStaffMemberId, request.CarrierOrganisationId, request.CarrierName, request.Service);
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, async (c, by, now) => created = c.AddAction(
            request.What, carrier, staff, organisation, request.LawDomain, request.ExpectedCost, request.DueDate!.Value, request.IsContribution,
            await work.ResidentNameAsync(c, ct), by, now, initiative).Id, ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<CasesApi.Changed>> ActionStatusChange(Guid actionId, ActionStatusRequest request, HttpContext http, CaseWork work,
        Allocation allocation, CancellationToken ct)
    {
        var @case = request.Status == ActionStatus.Dropped
            ? await allocation.DropAsync(http.CaseDecision(), request.Version, actionId, request.DropReason, ct)
            : await work.ChangeAsync(http.CaseDecision(), request.Version,
                (c, by, now) => c.ChangeActionStatus(actionId, request.Status, request.DropReason, by, now), ct);

        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<CasesApi.Changed>> WorthSharing(Guid actionId, WorthSharingRequest request, HttpContext http, CaseWork work,
        CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.MarkWorthSharing(actionId, request.Why, by, now), ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<CasesApi.Changed>> NoContribution(ReasonRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.RecordNoContributionReason(request.Reason, by, now), ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<CasesApi.Changed>> Deviate(DeviationRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var manager = await work.StaffMemberAsync(request.ManagerId, ct);
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => created = c.RecordDeviation(
            request.Rule, request.LawDomain, request.Reason, request.Otherwise, request.OtherwiseCost, manager, by, now).Id, ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<CasesApi.Changed>> Bottleneck(BottleneckRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version,
            (c, by, now) => created = c.RecordBottleneck(request.Category, request.LawDomain, request.Description, by, now).Id, ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version, created));
    }
}
