using Keukentafel.Accounts;
using Keukentafel.Privacy;

namespace Keukentafel.Cases;

/// <summary>The routes about one case (<c>/api/cases/{id}</c>), whichever feature maps them.</summary>
public static class CaseRoutes
{
    /// <summary>
    /// The group of one case's routes, under the feature's <paramref name="tag"/>: for case work, and every route behind the
    /// case access check, which answers a refused or unknown case with 404 and the coordinator without a reason with 403.
    /// </summary>
    public static RouteGroupBuilder MapCaseGroup(this IEndpointRouteBuilder endpoints, string tag)
    {
        var group = endpoints.MapGroup("/api/v1/cases/{id:guid}").WithTags(tag).RequireAuthorization(Policies.Api, Policies.CaseWork)
            .WithCaseAccessCheck().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        group.AddEndpointFilter(WithTheCaseAsItIsNow);
        return group;
    }

    /// <summary>
    /// A change answers with the case as it is after it (NL API Design Rules: a write returns the new state), read by the
    /// one who just changed it, after the save: the version in it is the one to send with the next change.
    /// </summary>
    private static async ValueTask<object?> WithTheCaseAsItIsNow(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is Microsoft.AspNetCore.Http.HttpResults.Ok<CasesApi.Changed> { Value: { Case: null } changed })
        {
            var files = context.HttpContext.RequestServices.GetRequiredService<CaseFiles>();
            return TypedResults.Ok(changed with { Case = await files.GetAsync(changed.CaseId, context.HttpContext.RequestAborted) });
        }

        return result;
    }
}
