using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Budget;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Learning;

/// <summary>Learning sessions over JSON: plan one (coordinator), list them, open one with its proposed agenda, keep the minutes.</summary>
public static class LearningApi
{
    public sealed record ParticipantBody(Guid? StaffMemberId, [property: StringLength(300)] string? Name);

    public sealed record PlanBody(DateOnly? Date, SessionLevel Level, IReadOnlyList<ParticipantBody>? Participants);

    public sealed record Planned(Guid Id, int Version);

    public sealed record MinutesBody(int Version, [property: StringLength(20_000)] string? Minutes);

    public sealed record MinutesRecorded(int Version);

    /// <summary>A lesson: the owner is a staff member of the neighbourhood (id) or named; the cases by number.</summary>
    public sealed record LessonBody(LessonKind Kind, [property: StringLength(4_000)] string? Text, Guid? OwnerId, [property: StringLength(300)] string? Owner, IReadOnlyList<string>? CaseNumbers);

    public sealed record LessonRecorded(Guid Id, int Version);

    public sealed record FollowBody(int Version, LessonStatus Status, [property: StringLength(4_000)] string? Note);

    public static IEndpointRouteBuilder MapLearningApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Learning").RequireAuthorization(Policies.Api, Policies.Staff);
        api.MapPost("/neighbourhoods/{neighbourhoodId:guid}/learning-sessions", async Task<Results<Created<Planned>, NotFound>> (Guid neighbourhoodId, PlanBody body, HttpContext http, LearningSessions sessions, CancellationToken ct) =>
                await NotYours.OrNotFoundAsync(async () =>
                {
                    var session = await sessions.PlanAsync(http, neighbourhoodId, body.Date, body.Level,
                        [.. (body.Participants ?? []).Select(p => (p.StaffMemberId, p.Name ?? ""))], ct);
                    return TypedResults.Created($"/api/learning-sessions/{session.Id}", new Planned(session.Id, session.Version));
                }))
            .WithSummary("Plan a learning session of the neighbourhood (its coordinator): date, level and participants.");
        api.MapGet("/neighbourhoods/{neighbourhoodId:guid}/learning-sessions", async Task<Results<Ok<IReadOnlyList<SessionListItem>>, NotFound>> (Guid neighbourhoodId, HttpContext http, LearningSessions sessions, CancellationToken ct) =>
                await NotYours.OrNotFoundAsync(async () => TypedResults.Ok(await sessions.ListAsync(http, neighbourhoodId, ct))))
            .WithSummary("The learning sessions of a neighbourhood I work in, newest first.");
        api.MapGet("/learning-sessions/{sessionId:guid}", async Task<Results<Ok<SessionView>, NotFound>> (Guid sessionId, HttpContext http, LearningSessions sessions, CancellationToken ct) =>
                await NotYours.OrNotFoundAsync(async () => await sessions.GetAsync(http, sessionId, ct) is { } view ? TypedResults.Ok(view) : throw new NotYoursException()))
            .WithSummary("A learning session with the agenda proposed from the cases since the session before: case points for the cases I may open, counts (groups of five or more) for the rest; managers and directors get counts only.");
        api.MapPut("/learning-sessions/{sessionId:guid}/minutes", async Task<Results<Ok<MinutesRecorded>, NotFound>> (Guid sessionId, MinutesBody body, HttpContext http, LearningSessions sessions, CancellationToken ct) =>
                await NotYours.OrNotFoundAsync(async () => TypedResults.Ok(new MinutesRecorded(await sessions.RecordMinutesAsync(http, sessionId, body.Version, body.Minutes, ct)))))
            .WithSummary("Record the minutes of a session (its neighbourhood's coordinator), with the version read: a change by someone else in between is refused.");
        api.MapPost("/learning-sessions/{sessionId:guid}/lessons", async Task<Results<Created<LessonRecorded>, NotFound>> (Guid sessionId, LessonBody body, HttpContext http, LearningSessions sessions, CancellationToken ct) =>
                await NotYours.OrNotFoundAsync(async () =>
                {
                    var lesson = await sessions.RecordLessonAsync(http, sessionId, body.Kind, body.Text, body.OwnerId, body.Owner, body.CaseNumbers ?? [], ct);
                    return TypedResults.Created($"/api/learning-sessions/{sessionId}", new LessonRecorded(lesson.Id, lesson.Version));
                }))
            .WithSummary("Record a lesson of the session (learned, stop doing, ask of managers and directors) with its owner, linked to cases by number (only cases the author may see).");
        api.MapPut("/lessons/{lessonId:guid}/status", async Task<Results<Ok<LessonRecorded>, NotFound>> (Guid lessonId, FollowBody body, HttpContext http, LearningSessions sessions, CancellationToken ct) =>
                await NotYours.OrNotFoundAsync(async () => TypedResults.Ok(new LessonRecorded(lessonId, await sessions.FollowLessonAsync(http, lessonId, body.Status, body.Note, body.Version, ct)))))
            .WithSummary("Record what became of a lesson (open, in progress, done, dropped), with the version read.");
        endpoints.MapGet("/api/neighbourhoods/{neighbourhoodId:guid}/bottleneck-report", async Task<Results<Ok<BottleneckReport>, NotFound>> (Guid neighbourhoodId, DateOnly? from, DateOnly? to,
                HttpContext http, BottleneckReports reports, Membership membership, Privacy.CaseAccess access, TimeProvider time, CancellationToken ct) =>
                await NotYours.OrNotFoundAsync(async () =>
                {
                    await membership.RequireWorksInAsync(http, neighbourhoodId, "knelpuntenrapportage", ct);
                    var (first, last) = BottleneckReports.DefaultPeriod(Cases.DutchTime.Today(time));
                    var report = await reports.BuildAsync(neighbourhoodId, from ?? first, to ?? last, ct);
                    await access.LogAsync(http, null, null, Privacy.AuditAction.Read, "knelpuntenrapportage", ct);
                    return TypedResults.Ok(report);
                }))
            .WithTags("Learning").RequireAuthorization(Policies.Api, Policies.Effects)
            .WithSummary("The bottleneck report of a neighbourhood the caller works in: bottlenecks and rule deviations by category, law, organisation and quarter (whole quarters; groups under 5 residents are null), with the lessons drawn from them. No resident data.");
        endpoints.MapGet("/api/municipalities/{municipalityId:guid}/overview", async Task<Results<Ok<Overview>, NotFound>> (Guid municipalityId, DateOnly? from, DateOnly? to,
                HttpContext http, MunicipalityOverview overview, Privacy.CaseAccess access, CancellationToken ct) =>
            {
                var built = await overview.BuildAsync(http.User.StaffId(), municipalityId, from, to, ct);
                await access.LogAsync(http, null, null, Privacy.AuditAction.Read, "gemeenteoverzicht", ct, allowed: built is not null);
                return built is null ? TypedResults.NotFound() : TypedResults.Ok(built);
            })
            .WithTags("Learning").RequireAuthorization(Policies.Api, Policies.Overview)
            .WithSummary("Every neighbourhood of a municipality the caller works in, side by side over whole quarters (default: this year): cases, share within six weeks, wellbeing at intake and closure, costs with and without the approach, this year's budget use, learning sessions held. Null where fewer than 5 residents.");
        return endpoints;
    }
}
