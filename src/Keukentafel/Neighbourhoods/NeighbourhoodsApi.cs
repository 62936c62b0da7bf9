using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Neighbourhoods;

/// <summary>The staff directory over JSON: neighbourhoods, organisations and the people who work in them.</summary>
public static class NeighbourhoodsApi
{
    public static IEndpointRouteBuilder MapNeighbourhoodsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Neighbourhoods").RequireAuthorization(Policies.Api, Policies.Staff);
        api.MapGet("/neighbourhoods", AllNeighbourhoods)
            .WithSummary("All neighbourhoods with their municipality and how many organisations and staff work there.");
        api.MapGet("/neighbourhoods/{id:guid}", Neighbourhood)
            .WithSummary("One neighbourhood: its coordinator, organisations and staff.");
        api.MapGet("/organisations", AllOrganisations)
            .WithSummary("All participating organisations with their type and ambassador.");
        api.MapGet("/organisations/{id:guid}", Organisation)
            .WithSummary("One organisation: the neighbourhoods it works in and its staff.");

        var admin = endpoints.MapGroup("/api/v1").WithTags("Neighbourhoods").RequireAuthorization(Policies.Api, Policies.Administration);
        admin.MapPut("/organisations/{id:guid}/services", OfferServices)
            .WithSummary("Set the kinds of help an organisation delivers (the budget's white-label allocation looks here).");
        return endpoints;
    }

    public sealed record ServicesRequest(Services Services = Services.None);

    private static async Task<Ok<Page<NeighbourhoodSummary>>> AllNeighbourhoods(string? cursor, [Range(1, Pages.MaxLimit)] int? limit,
        StaffDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(Pages.Of(await directory.NeighbourhoodsAsync(ct), n => n.Id.ToString(), cursor, limit));

    private static async Task<Results<Ok<NeighbourhoodDetail>, NotFound>> Neighbourhood(Guid id, StaffDirectory directory, CancellationToken ct) =>
        await directory.NeighbourhoodAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Ok<Page<OrganisationSummary>>> AllOrganisations(string? cursor, [Range(1, Pages.MaxLimit)] int? limit,
        StaffDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(Pages.Of(await directory.OrganisationsAsync(ct), o => o.Id.ToString(), cursor, limit));

    private static async Task<Results<Ok<OrganisationDetail>, NotFound>> Organisation(Guid id, StaffDirectory directory, CancellationToken ct) =>
        await directory.OrganisationAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> OfferServices(Guid id, ServicesRequest request, KeukentafelDbContext db, CancellationToken ct) =>
        await OrganisationPage.OfferAsync(db, id, Enum.GetValues<Services>().Where(s => s != Services.None && request.Services.HasFlag(s)), ct)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
}
