using Keukentafel.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Learning;

/// <summary>Collective initiatives over JSON: start one (coordinator), list and open them, record a week's measures.</summary>
public static class InitiativesApi
{
    public sealed record Started(Guid Id);

    public sealed record Measured(Guid Id, DateOnly Week);

    public static IEndpointRouteBuilder MapInitiativesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Learning").RequireAuthorization(Policies.Api, Policies.Staff);
        api.MapPost("/neighbourhoods/{neighbourhoodId:guid}/initiatives", async Task<Results<Created<Started>, NotFound>> (Guid neighbourhoodId, InitiativeInput body, HttpContext http, Initiatives initiatives, CancellationToken ct) =>
                await Budget.NotYours.OrNotFoundAsync(async () =>
                {
                    var started = await initiatives.StartAsync(http, neighbourhoodId, body, ct);
                    return TypedResults.Created($"/api/initiatives/{started.Id}", new Started(started.Id));
                }))
            .WithSummary("Start a collective initiative in the neighbourhood (its coordinator): run by residents, an organisation of the neighbourhood, or both; with its budget line.");
        api.MapGet("/neighbourhoods/{neighbourhoodId:guid}/initiatives", async Task<Results<Ok<IReadOnlyList<InitiativeSummary>>, NotFound>> (Guid neighbourhoodId, HttpContext http, Initiatives initiatives, CancellationToken ct) =>
                await Budget.NotYours.OrNotFoundAsync(async () => TypedResults.Ok(await initiatives.ListAsync(http, neighbourhoodId, ct))))
            .WithSummary("The collective initiatives of a neighbourhood I work in, with their newest measure and how many plan actions they serve.");
        api.MapGet("/initiatives/{initiativeId:guid}", async Task<Results<Ok<InitiativeView>, NotFound>> (Guid initiativeId, HttpContext http, Initiatives initiatives, CancellationToken ct) =>
                await Budget.NotYours.OrNotFoundAsync(async () => await initiatives.GetAsync(http, initiativeId, ct) is { } view ? TypedResults.Ok(view) : throw new NotYoursException()))
            .WithSummary("One initiative: its measures over time (a replaced measure of the same week is kept) and how many plan actions it serves. No case or resident data.");
        api.MapPost("/initiatives/{initiativeId:guid}/measures", async Task<Results<Created<Measured>, NotFound>> (Guid initiativeId, MeasureInput body, HttpContext http, Initiatives initiatives, CancellationToken ct) =>
                await Budget.NotYours.OrNotFoundAsync(async () =>
                {
                    var measure = await initiatives.MeasureAsync(http, initiativeId, body, ct);
                    return TypedResults.Created($"/api/initiatives/{initiativeId}", new Measured(measure.Id, measure.Week));
                }))
            .WithSummary("Record a week's measures (visitors, volunteers, residents who give back there, activities); none negative, at least one given.");
        return endpoints;
    }
}
