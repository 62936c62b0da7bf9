using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Learning;

/// <summary>Collective initiatives over JSON: start one (coordinator), list and open them, record a week's measures.</summary>
public static class InitiativesApi
{
    public static IEndpointRouteBuilder MapInitiativesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Learning").RequireAuthorization(Policies.Api, Policies.Staff);
        api.MapPost("/neighbourhoods/{neighbourhoodId:guid}/initiatives", Start).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Start a collective initiative in the neighbourhood (its coordinator): run by residents, an organisation of the neighbourhood, "
                + "or both; with its budget line.");
        api.MapGet("/neighbourhoods/{neighbourhoodId:guid}/initiatives", List).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The collective initiatives of a neighbourhood I work in, with their newest measure and how many plan actions they serve.");
        api.MapGet("/initiatives/{initiativeId:guid}", Get)
            .WithSummary("One initiative: its measures over time (a replaced measure of the same week is kept) and how many plan actions it serves. "
                + "No case or resident data.");
        api.MapPost("/initiatives/{initiativeId:guid}/measures", Measure).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary(
                "Record a week's measures (visitors, volunteers, residents who give back there, activities); none negative, at least one given.");
        api.MapPost("/initiatives/{initiativeId:guid}/bookings", Book).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The neighbourhood's coordinator books the initiative's budget line of a year (from its start year up to next year) in the "
                + "neighbourhood budget, from the room of the organisation that manages its money; once per year.");
        return endpoints;
    }

    public sealed record Started(Guid Id);

    public sealed record BookingBody([property: Required(ErrorMessage = "Kies het jaar."), Range(2000, 2100, ErrorMessage = "Kies een jaar.")] int? Year);

    public sealed record Booked(Guid Id, int Year, decimal Amount);

    public sealed record Measured(Guid Id, DateOnly Week);

    private static async Task<Created<Started>> Start(Guid neighbourhoodId, InitiativeInput body, Initiatives initiatives,
        CancellationToken ct)
    {
        var started = await initiatives.StartAsync(neighbourhoodId, body, ct);
        return TypedResults.Created($"/api/v1/initiatives/{started.Id}", new Started(started.Id));
    }

    private static async Task<Ok<Page<InitiativeSummary>>> List(Guid neighbourhoodId, string? cursor, [Range(1, Pages.MaxLimit)] int? limit,
        Initiatives initiatives, CancellationToken ct) =>
        TypedResults.Ok(Pages.Of(await initiatives.ListAsync(neighbourhoodId, ct), i => i.Id.ToString(), cursor, limit));

    private static async Task<Results<Ok<InitiativeView>, NotFound>> Get(Guid initiativeId, Initiatives initiatives, CancellationToken ct) =>
        await initiatives.GetAsync(initiativeId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Created<Booked>> Book(Guid initiativeId, BookingBody body, Initiatives initiatives, CancellationToken ct)
    {
        var entry = await initiatives.BookYearAsync(initiativeId, body.Year, ct);
        return TypedResults.Created($"/api/v1/initiatives/{initiativeId}", new Booked(entry.Id, entry.Year, entry.Amount));
    }

    private static async Task<Created<Measured>> Measure(Guid initiativeId, MeasureInput body, Initiatives initiatives, CancellationToken ct)
    {
        var measure = await initiatives.MeasureAsync(initiativeId, body, ct);
        return TypedResults.Created($"/api/v1/initiatives/{initiativeId}", new Measured(measure.Id, measure.Week));
    }
}
