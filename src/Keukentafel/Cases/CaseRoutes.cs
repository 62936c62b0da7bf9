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
    /// A change answers with the case as it is after it (a write returns the new state), after the save: the version in it
    /// is the one to send with the next change. It is a read of the file like any other: checked again (a handover or a
    /// withdrawn consent may just have ended the caller's access) and logged. A client that does not need it sends
    /// <c>Prefer: return=minimal</c> (RFC 7240) and gets only the ids and the version.
    /// </summary>
    private static async ValueTask<object?> WithTheCaseAsItIsNow(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (result is not Microsoft.AspNetCore.Http.HttpResults.Ok<CasesApi.Changed> { Value: { Case: null } changed }
            || http.Request.Headers["Prefer"].Any(p => p?.Contains("return=minimal", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return result;
        }

        var read = await http.RequestServices.GetRequiredService<CaseAccess>()
            .CheckAsync(changed.CaseId, CaseAccessLevel.Read, AuditAction.Read, "dossier", http.RequestAborted);
        return read.Allowed
            ? TypedResults.Ok(changed with { Case = await http.RequestServices.GetRequiredService<CaseFiles>().GetAsync(changed.CaseId, http.RequestAborted) })
            : result;
    }
}
