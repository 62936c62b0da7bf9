using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Keukentafel.Privacy;

/// <summary>
/// NEN 7513 logs refused access too. Someone refused by a policy before the case access check runs (signed out, a
/// resident, a manager on a professional's route) still tried to reach a case: this writes that audit event, then
/// answers as ASP.NET Core would (401, 403, or the sign-in page).
/// </summary>
public sealed class RefusalAudit : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler answer = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Succeeded && CaseRoute(context) is var (caseId, action, part))
        {
            var access = context.RequestServices.GetRequiredService<CaseAccess>();
            await access.LogRefusalAsync(caseId, action, part, context.RequestAborted);
        }

        await answer.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>
    /// The case a refused request was about, if it was about one: API routes with a case access requirement, case pages,
    /// the break-the-glass routes.
    /// </summary>
    private static (Guid CaseId, AuditAction Action, string Part)? CaseRoute(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var reading = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var routeId = context.Request.RouteValues["id"] ?? context.Request.RouteValues["caseId"];
        if (endpoint is null || !Guid.TryParse(routeId?.ToString(), out var caseId))
        {
            return null;
        }

        if (endpoint.Metadata.GetMetadata<CaseAccessRequirement>() is { } requirement)
        {
            return (caseId, requirement.Action, requirement.Part);
        }

        if (endpoint.Metadata.GetMetadata<CasePageAttribute>() is { } page)
        {
            return (caseId, reading ? AuditAction.Read : AuditAction.Change, page.Part);
        }

        return endpoint.Metadata.GetMetadata<BreakGlassRouteAttribute>() is not null ? (caseId, AuditAction.Read, "reden voor inzage") : null;
    }
}

/// <summary>Marks the routes where a coordinator records why he opens a file: a refusal there is logged as well.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BreakGlassRouteAttribute : Attribute;
