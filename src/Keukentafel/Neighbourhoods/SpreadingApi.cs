using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Neighbourhoods;

/// <summary>Starting the approach in another neighbourhood over JSON: the start itself (aanjager), its checklist and ambassadors.</summary>
public static class SpreadingApi
{
    public static IEndpointRouteBuilder MapSpreadingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Neighbourhoods").RequireAuthorization(Policies.Api, Policies.Staff);
        api.MapPost("/neighbourhoods", Start).RequireAuthorization(Policies.Spreading)
            .WithSummary("Start the approach in another neighbourhood (aanjager or administrator): start date, joining organisations (also new ones), "
                + "coordinator, optional budget; the usual start-up steps come with it.");
        api.MapGet("/neighbourhoods/{neighbourhoodId:guid}/startup", Startup)
            .WithSummary("The start-up of a neighbourhood: organisations with their ambassador here, the coordinator and the checklist.");
        api.MapPost("/neighbourhoods/{neighbourhoodId:guid}/startup-steps", AddStep).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Add a step to the start-up checklist (aanjager, administrator or the neighbourhood's coordinator); every step has an owner.");
        api.MapPut("/startup-steps/{stepId:guid}", FollowStep).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record a step's status and owner, with the version read: a change by someone else in between is refused.");
        api.MapPut("/neighbourhoods/{neighbourhoodId:guid}/organisations/{organisationId:guid}/ambassador", AppointAmbassador)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Appoint an organisation's ambassador in the neighbourhood: one of its staff, "
                + "who then works here and gets the learning sessions' agendas.");
        return endpoints;
    }

    public sealed record Started(Guid Id);

    public sealed record StepBody([property: StringLength(1_000)] string? Text, [property: StringLength(300)] string? Owner);

    public sealed record StepFollowBody(int Version, StepStatus Status, [property: StringLength(300)] string? Owner);

    public sealed record StepChanged(Guid Id, int Version);

    public sealed record AmbassadorBody(Guid StaffMemberId);

    private static async Task<Created<Started>> Start(StartRequest body, NeighbourhoodStarts starts, CancellationToken ct)
    {
        var started = await starts.StartAsync(body, ct);
        return TypedResults.Created($"/api/v1/neighbourhoods/{started.Id}", new Started(started.Id));
    }

    private static async Task<Results<Ok<StartupView>, NotFound>> Startup(Guid neighbourhoodId, NeighbourhoodStarts starts,
        CancellationToken ct) =>
        await starts.GetAsync(neighbourhoodId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Created<StepChanged>> AddStep(Guid neighbourhoodId, StepBody body, NeighbourhoodStarts starts,
        CancellationToken ct)
    {
        var step = await starts.AddStepAsync(neighbourhoodId, body.Text, body.Owner, ct);
        return TypedResults.Created($"/api/v1/neighbourhoods/{neighbourhoodId}/startup", new StepChanged(step.Id, step.Version));
    }

    private static async Task<Ok<StepChanged>> FollowStep(Guid stepId, StepFollowBody body, NeighbourhoodStarts starts,
        CancellationToken ct) =>
        TypedResults.Ok(new StepChanged(stepId, await starts.FollowStepAsync(stepId, body.Status, body.Owner, body.Version, ct)));

    private static async Task<NoContent> AppointAmbassador(Guid neighbourhoodId, Guid organisationId, AmbassadorBody body,
        NeighbourhoodStarts starts, CancellationToken ct)
    {
        await starts.AppointAmbassadorAsync(neighbourhoodId, organisationId, body.StaffMemberId, ct);
        return TypedResults.NoContent();
    }
}
