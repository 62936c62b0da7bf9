using Keukentafel.Accounts;
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

    private static async Task<Ok<IReadOnlyList<DeviationToBack>>> Mine(DeviationBacking backing, CancellationToken ct) =>
        TypedResults.Ok(await backing.MineAsync(ct));

    private static async Task<Ok<Backed>> Back(Guid deviationId, DeviationBacking backing, CancellationToken ct) =>
        TypedResults.Ok(await backing.BackAsync(deviationId, ct));
}
