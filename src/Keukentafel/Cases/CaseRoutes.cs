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
    public static RouteGroupBuilder MapCaseGroup(this IEndpointRouteBuilder endpoints, string tag) =>
        endpoints.MapGroup("/api/v1/cases/{id:guid}").WithTags(tag).RequireAuthorization(Policies.Api, Policies.CaseWork).WithCaseAccessCheck()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
}
