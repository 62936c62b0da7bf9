using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Accounts;

/// <summary>Account administration over JSON, for IT administrators only.</summary>
public static class AdministrationApi
{
    public static IEndpointRouteBuilder MapAdministrationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(Policies.Api, Policies.Administration);
        api.MapGet("/accounts", Accounts)
            .WithSummary("Accounts in a stable order, one page at a time: pass the last id of a page as 'after' for the next.");
        api.MapPost("/accounts/{id:guid}/unlock", Unlock)
            .WithSummary("Lift a lock-out after too many failed sign-ins.");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<AccountRow>>> Accounts(Guid? after, int? limit, string? q, AccountAdministration admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.PageAsync(after, limit ?? 50, q, ct));

    private static async Task<NoContent> Unlock(Guid id, AccountAdministration admin)
    {
        await admin.UnlockAsync(id);
        return TypedResults.NoContent();
    }
}
