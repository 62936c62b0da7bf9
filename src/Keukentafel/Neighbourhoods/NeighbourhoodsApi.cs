using Keukentafel.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Neighbourhoods;

/// <summary>The staff directory over JSON: neighbourhoods, organisations and the people who work in them.</summary>
public static class NeighbourhoodsApi
{
    public static IEndpointRouteBuilder MapNeighbourhoodsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Neighbourhoods").RequireAuthorization(Policies.Api, Policies.Staff);
        api.MapGet("/neighbourhoods", async (StaffDirectory directory, CancellationToken ct) => TypedResults.Ok(await directory.NeighbourhoodsAsync(ct)))
            .WithSummary("All neighbourhoods with their municipality and how many organisations and staff work there.");
        api.MapGet("/neighbourhoods/{id:guid}", Neighbourhood)
            .WithSummary("One neighbourhood: its coordinator, organisations and staff.");
        api.MapGet("/organisations", async (StaffDirectory directory, CancellationToken ct) => TypedResults.Ok(await directory.OrganisationsAsync(ct)))
            .WithSummary("All participating organisations with their type and ambassador.");
        api.MapGet("/organisations/{id:guid}", Organisation)
            .WithSummary("One organisation: the neighbourhoods it works in and its staff.");
        var admin = endpoints.MapGroup("/api").WithTags("Neighbourhoods").RequireAuthorization(Policies.Api, Policies.Administration);
        admin.MapPut("/organisations/{id:guid}/services", async Task<Results<NoContent, NotFound>> (Guid id, ServicesRequest request, Data.KeukentafelDbContext db, CancellationToken ct) =>
                await OrganisationPage.OfferAsync(db, id, request.Services ?? [], ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("Set the kinds of help an organisation delivers (the budget's white-label allocation looks here).");
        return endpoints;
    }

    public sealed record ServicesRequest(IReadOnlyList<Services>? Services);

    private static async Task<Results<Ok<NeighbourhoodDetail>, NotFound>> Neighbourhood(Guid id, StaffDirectory directory, CancellationToken ct) =>
        await directory.NeighbourhoodAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Ok<OrganisationDetail>, NotFound>> Organisation(Guid id, StaffDirectory directory, CancellationToken ct) =>
        await directory.OrganisationAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();
}
