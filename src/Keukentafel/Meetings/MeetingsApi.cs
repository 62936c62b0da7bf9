using System.ComponentModel.DataAnnotations;
using Keukentafel.Cases;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Meetings;

/// <summary>The MDO of a case over JSON: plan it, propose and invite the professionals the resident agrees to, record that it was held.</summary>
public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder endpoints)
    {
        var one = endpoints.MapCaseGroup("Cases");
        one.MapPost("/meetings", PlanMeeting).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "tafel")
            .WithSummary("Plan the MDO: at the resident's home, or elsewhere with a reason.");
        one.MapGet("/meetings/suggestions", Suggest).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Read, "tafel")
            .WithSummary("Professionals in this neighbourhood whose organisation helps with the case's life domains.");
        one.MapPost("/meetings/{meetingId:guid}/participants", Propose).RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "tafel")
            .WithSummary("Propose a professional for the table; he comes only if the resident agrees.");
        one.MapPost("/meetings/{meetingId:guid}/participants/{participantId:guid}/agreement", RecordAgreement)
            .RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "tafel")
            .WithSummary("Record the resident's answer: may this professional come to his table?");
        one.MapPost("/meetings/{meetingId:guid}/participants/{participantId:guid}/invitation", Invite)
            .RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "tafel")
            .WithSummary("Invite a professional the resident agreed to.");
        one.MapPost("/members/{staffMemberId:guid}/withdrawal", Withdraw).RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "tafel")
            .WithSummary("The resident no longer wants this professional on his case: from now on he cannot open it.");
        one.MapPut("/meetings/{meetingId:guid}/planned-at", Move).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "tafel")
            .WithSummary("Move the planned MDO to another day and time (earlier too, when it was held before its planned day).");
        one.MapPost("/meetings/{meetingId:guid}/held", MeetingHeld).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "tafel")
            .WithSummary("The MDO was held: who was there, what was decided, whether the plan is agreed by all.");
        return endpoints;
    }

    public sealed record MeetingRequest(int Version, DateTimeOffset PlannedAt, bool AtHome,
        [property: Required(ErrorMessage = "Geef aan waar het MDO is."), StringLength(300)] string Place,
        [property: StringLength(1000)] string? ReasonNotAtHome);

    public sealed record MoveRequest(int Version, [property: Required(ErrorMessage = "Geef de nieuwe datum en tijd.")] DateTimeOffset? PlannedAt);

    public sealed record ProposeRequest(int Version, Guid StaffMemberId);

    public sealed record AgreementRequest(int Version, bool Agreed);

    public sealed record VersionRequest(int Version);

    public sealed record WithdrawRequest(int Version, [property: Required(ErrorMessage = "Geef de reden."), StringLength(2000)] string Reason);

    public sealed record HeldRequest(int Version, Guid[]? Attended,
        [property: Required(ErrorMessage = "Schrijf op wat er is besloten."), StringLength(8000)] string Decisions,
        bool PlanAgreedByAll);

    private static async Task<Ok<CasesApi.Changed>> PlanMeeting(MeetingRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, async (c, by, now) => created = c.PlanMeeting(
            request.PlannedAt.UtcDateTime, request.AtHome, request.Place, request.ReasonNotAtHome, await work.ResidentNameAsync(c, ct),
            await work.StaffMemberAsync(c.CaseBringerId, ct), by, now).Id, ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<CasesApi.Changed>> Move(Guid meetingId, MoveRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version,
            (c, by, now) => c.MoveMeeting(meetingId, request.PlannedAt!.Value.UtcDateTime, by, now), ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Page<SuggestedProfessional>>> Suggest(string? cursor, [Range(1, Pages.MaxLimit)] int? limit, HttpContext http,
        Suggestions suggestions, CancellationToken ct) =>
        TypedResults.Ok(Pages.Of(await suggestions.ForCaseAsync(http.CaseDecision().CaseId, ct), s => s.StaffMemberId.ToString(), cursor, limit));

    private static async Task<Ok<CasesApi.Changed>> Propose(Guid meetingId, ProposeRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var professional = await work.StaffMemberAsync(request.StaffMemberId, ct);
        var organisation = (await work.OrganisationAsync(professional.OrganisationId, ct))?.Name;
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version,
            (c, by, now) => created = c.ProposeProfessional(meetingId, professional, organisation, by, now).Id, ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<CasesApi.Changed>> RecordAgreement(Guid meetingId, Guid participantId, AgreementRequest request,
        HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version,
            (c, by, now) => c.RecordAgreement(meetingId, participantId, request.Agreed, by, now), ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<CasesApi.Changed>> Invite(Guid meetingId, Guid participantId, VersionRequest request,
        HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.Invite(meetingId, participantId, by, now), ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<CasesApi.Changed>> Withdraw(Guid staffMemberId, WithdrawRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version,
            (c, by, now) => c.WithdrawProfessional(staffMemberId, request.Reason, by, now), ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<CasesApi.Changed>> MeetingHeld(Guid meetingId, HeldRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version,
            (c, by, now) => c.RecordMeetingHeld(meetingId, (request.Attended ?? []).ToHashSet(), request.Decisions, request.PlanAgreedByAll, by, now), ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version));
    }
}
