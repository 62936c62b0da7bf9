using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Plans;

/// <summary>Deviations over JSON, for the managers asked to back them (<see cref="DeviationBacking"/>).</summary>
public static class DeviationsApi
{
    public static IEndpointRouteBuilder MapDeviationsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/deviations").WithTags("Deviations").RequireAuthorization(Policies.Api, Policies.Management);
        api.MapGet("/mine", Mine)
            .WithSummary("The deviations put to me as manager, those waiting for my backing first.");
        api.MapPost("/{deviationId:guid}/backing", Back)
            .WithSummary("Back a deviation that was put to me. This raises the case's version: the answer gives the new one.");
        return endpoints;
    }

    private static async Task<Ok<Page<DeviationToBack>>> Mine(string? cursor, [Range(1, Pages.MaxLimit)] int? limit, DeviationBacking backing,
        CancellationToken ct) =>
        TypedResults.Ok(Pages.Of(await backing.MineAsync(ct), d => d.Id.ToString(), cursor, limit));

    private static async Task<Ok<Backed>> Back(Guid deviationId, DeviationBacking backing, CancellationToken ct) =>
        TypedResults.Ok(await backing.BackAsync(deviationId, ct));
}
