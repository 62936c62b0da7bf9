using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Learning;

/// <summary>Learning sessions over JSON: plan one (coordinator), list them, open one with its proposed agenda, keep the minutes.</summary>
public static class LearningApi
{
    public static IEndpointRouteBuilder MapLearningApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Learning").RequireAuthorization(Policies.Api, Policies.Staff);
        api.MapPost("/neighbourhoods/{neighbourhoodId:guid}/learning-sessions", Plan).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Plan a learning session of the neighbourhood (its coordinator): date, level and participants.");
        api.MapGet("/neighbourhoods/{neighbourhoodId:guid}/learning-sessions", List).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The learning sessions of a neighbourhood I work in, newest first.");
        api.MapGet("/learning-sessions/{sessionId:guid}", Get)
            .WithSummary("A learning session with the agenda proposed from the cases since the session before: case points for the cases I may open, "
                + "counts (groups of five or more) for the rest; managers and directors get counts only.");
        api.MapPut("/learning-sessions/{sessionId:guid}/minutes", RecordMinutes).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary(
                "Record the minutes of a session (its neighbourhood's coordinator), with the version read: a change by someone else in between is refused.");
        api.MapPost("/learning-sessions/{sessionId:guid}/lessons", RecordLesson).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record a lesson of the session (learned, stop doing, ask of managers and directors) with its owner, "
                + "linked to cases by number (only cases the author may see).");
        api.MapPut("/lessons/{lessonId:guid}/status", FollowLesson).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record what became of a lesson (open, in progress, done, dropped), with the version read.");

        var reports = endpoints.MapGroup("/api/v1").WithTags("Learning").RequireAuthorization(Policies.Api, Policies.Effects);
        reports.MapGet("/neighbourhoods/{neighbourhoodId:guid}/bottleneck-report", Bottlenecks).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The bottleneck report of a neighbourhood the caller works in: bottlenecks and rule deviations by category, law, organisation "
                + "and quarter (whole quarters; groups under 5 residents are null), with the lessons drawn from them. No resident data.");

        var overview = endpoints.MapGroup("/api/v1").WithTags("Learning").RequireAuthorization(Policies.Api, Policies.Overview);
        overview.MapGet("/municipalities/{municipalityId:guid}/overview", Municipality)
            .WithSummary("Every neighbourhood of a municipality the caller works in, side by side over whole quarters (default: this year): cases, "
                + "share within six weeks, wellbeing at intake and closure, costs with and without the approach, this year's budget use, "
                + "learning sessions held. Null where fewer than 5 residents.");
        return endpoints;
    }

    public sealed record ParticipantBody(Guid? StaffMemberId, [property: StringLength(300)] string? Name);

    public sealed record PlanBody(DateOnly? Date, SessionLevel Level, IReadOnlyList<ParticipantBody>? Participants);

    public sealed record Planned(Guid Id, int Version);

    public sealed record MinutesBody(int Version, [property: StringLength(20_000)] string? Minutes);

    public sealed record MinutesRecorded(int Version);

    /// <summary>A lesson: the owner is a staff member of the neighbourhood (id) or named; the cases by number.</summary>
    public sealed record LessonBody(LessonKind Kind, [property: StringLength(4_000)] string? Text, Guid? OwnerId, [property: StringLength(300)] string? Owner,
        IReadOnlyList<string>? CaseNumbers);

    public sealed record LessonRecorded(Guid Id, int Version);

    public sealed record FollowBody(int Version, LessonStatus Status, [property: StringLength(4_000)] string? Note);

    private static async Task<Created<Planned>> Plan(Guid neighbourhoodId, PlanBody body, LearningSessions sessions, CancellationToken ct)
    {
        var session = await sessions.PlanAsync(neighbourhoodId, body.Date, body.Level,
            [.. (body.Participants ?? []).Select(p => (p.StaffMemberId, p.Name ?? ""))], ct);
        return TypedResults.Created($"/api/v1/learning-sessions/{session.Id}", new Planned(session.Id, session.Version));
    }

    private static async Task<Ok<Page<SessionListItem>>> List(Guid neighbourhoodId, string? cursor, [Range(1, Pages.MaxLimit)] int? limit,
        LearningSessions sessions, CancellationToken ct) =>
        TypedResults.Ok(Pages.Of(await sessions.ListAsync(neighbourhoodId, ct), s => s.Id.ToString(), cursor, limit));

    private static async Task<Results<Ok<SessionView>, NotFound>> Get(Guid sessionId, LearningSessions sessions, CancellationToken ct) =>
        await sessions.GetAsync(sessionId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Ok<MinutesRecorded>> RecordMinutes(Guid sessionId, MinutesBody body, LearningSessions sessions,
        CancellationToken ct) =>
        TypedResults.Ok(new MinutesRecorded(await sessions.RecordMinutesAsync(sessionId, body.Version, body.Minutes, ct)));

    private static async Task<Created<LessonRecorded>> RecordLesson(Guid sessionId, LessonBody body, LearningSessions sessions,
        CancellationToken ct)
    {
        var lesson = await sessions.RecordLessonAsync(sessionId, body.Kind, body.Text, body.OwnerId, body.Owner, body.CaseNumbers ?? [], ct);
        return TypedResults.Created($"/api/v1/learning-sessions/{sessionId}", new LessonRecorded(lesson.Id, lesson.Version));
    }

    private static async Task<Ok<LessonRecorded>> FollowLesson(Guid lessonId, FollowBody body, LearningSessions sessions,
        CancellationToken ct) =>
        TypedResults.Ok(new LessonRecorded(lessonId, await sessions.FollowLessonAsync(lessonId, body.Status, body.Note, body.Version, ct)));

    private static async Task<Ok<BottleneckReport>> Bottlenecks(Guid neighbourhoodId, DateOnly? from, DateOnly? to, BottleneckReports reports,
        Membership membership, CaseAccess access, TimeProvider time, CancellationToken ct)
    {
        await membership.RequireWorksInAsync(neighbourhoodId, "knelpuntenrapportage", ct);
        var (first, last) = BottleneckReports.DefaultPeriod(DutchTime.Today(time));
        var report = await reports.BuildAsync(neighbourhoodId, from ?? first, to ?? last, ct);
        await access.LogAsync(null, null, AuditAction.Read, "knelpuntenrapportage", ct);
        return TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<Overview>, NotFound>> Municipality(Guid municipalityId, DateOnly? from, DateOnly? to,
        HttpContext http, MunicipalityOverview overview, CaseAccess access, CancellationToken ct)
    {
        var built = await overview.BuildAsync(http.User.StaffId(), municipalityId, from, to, ct);
        await access.LogAsync(null, null, AuditAction.Read, "gemeenteoverzicht", ct, allowed: built is not null);
        return built is null ? TypedResults.NotFound() : TypedResults.Ok(built);
    }
}
