using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Keukentafel.Privacy;

/// <summary>What an API endpoint on a case needs: the level, and what the audit log calls the access.</summary>
public sealed record CaseAccessRequirement(CaseAccessLevel Level, AuditAction Action, string Part);

/// <summary>Marks the API routes about one case (<c>{id}</c>): the case access check runs for each of them.</summary>
public sealed class CaseRoute;

/// <summary>
/// A page about one case (route <c>{id}</c>). GET reads the named part of the file; POST changes it and needs
/// <see cref="WriteLevel"/>, or <see cref="CaseAccessLevel.Lead"/> for the handlers named in <see cref="LeadHandlers"/>.
/// The page filter below does the check: a page cannot forget it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CasePageAttribute(string part) : Attribute
{
    public string Part { get; } = part;

    public CaseAccessLevel WriteLevel { get; init; } = CaseAccessLevel.Work;

    /// <summary>Page handlers (e.g. "Invite") that only the case bringer or the coordinator may use.</summary>
    public string[] LeadHandlers { get; init; } = [];

    /// <summary>GET handlers (e.g. "Csv") that hand out a copy: logged as an export, not a read.</summary>
    public string[] ExportHandlers { get; init; } = [];

    /// <summary>The part an export hands out when it is not the page's own (the plan page's FHIR bundle): what the resident's log names.</summary>
    public string? ExportPart { get; init; }
}

public static class CaseAccessFilters
{
    public const string NotFoundTitle = "Casus niet gevonden";
    public const string NotFoundDetail = "Deze casus bestaat niet, of u hebt er geen toegang toe.";
    public const string ReasonTitle = "Reden nodig";
    public const string LeadOnlyCode = "case.lead_only";
    public const string LeadOnlyTitle = "Deze stap zet de casusaanbrenger of de wijkcoördinator. U zit aan tafel en kunt het dossier lezen.";
    public const string ReasonDetail =
        "U bent de wijkcoördinator, maar u werkt niet aan deze casus. Leg eerst vast waarom u het dossier opent; de bewoner ziet die reden.";

    public static TBuilder RequireCaseAccess<TBuilder>(this TBuilder builder, CaseAccessLevel level, AuditAction action, string part)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CaseAccessRequirement(level, action, part));

    /// <summary>
    /// Every endpoint of the group gets the case access check for its <c>{id}</c> (see <see cref="UseCaseAccessCheck"/>);
    /// one without a declared requirement fails (closed), and a test checks that none lacks it.
    /// </summary>
    public static RouteGroupBuilder WithCaseAccessCheck(this RouteGroupBuilder group) => group.WithMetadata(new CaseRoute());

    /// <summary>
    /// The check itself, as middleware right after authorization: it runs before anything of the endpoint (its
    /// request validation included), so someone without access learns nothing, not even whether his body was valid.
    /// Refused or unknown: 404, and nothing of the case is shown; the coordinator without a reason: 403 with where to give one;
    /// someone at the table who may read the file but asks a step of the case bringer: 403 case.lead_only.
    /// </summary>
    public static IApplicationBuilder UseCaseAccessCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<CaseRoute>() is null)
        {
            await next(http);
            return;
        }

        var requirement = endpoint.Metadata.GetMetadata<CaseAccessRequirement>()
            ?? throw new InvalidOperationException($"{endpoint.DisplayName} touches a case but declares no case access requirement.");
        if (!Guid.TryParse(http.Request.RouteValues["id"]?.ToString(), out var caseId))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: NotFoundTitle, detail: NotFoundDetail).ExecuteAsync(http);
            return;
        }

        var decision = await http.RequestServices.GetRequiredService<CaseAccess>()
            .CheckAsync(caseId, requirement.Level, requirement.Action, requirement.Part, http.RequestAborted);
        if (decision.NeedsReason)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: ReasonTitle, detail: ReasonDetail,
                extensions: new Dictionary<string, object?> { ["code"] = "access.reason_required", ["reasonUrl"] = $"/api/v1/access/{caseId}/reason" })
                .ExecuteAsync(http);
            return;
        }

        if (decision.LeadOnly)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: LeadOnlyTitle, type: Web.ApiProblems.TypeOf(LeadOnlyCode),
                extensions: new Dictionary<string, object?> { ["code"] = LeadOnlyCode }).ExecuteAsync(http);
            return;
        }

        if (!decision.Allowed)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: NotFoundTitle, detail: NotFoundDetail).ExecuteAsync(http);
            return;
        }

        http.Features.Set(decision);
        await next(http);
    });

    /// <summary>The decision the filter made for this request.</summary>
    public static CaseAccessDecision CaseDecision(this HttpContext http) =>
        http.Features.Get<CaseAccessDecision>() ?? throw new InvalidOperationException("No case access check ran for this request.");
}

/// <summary>The same check for pages: every page with a case id in its route must say what it reads, or it fails.</summary>
public sealed class CasePageAccessFilter(CaseAccess access) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.EndpointMetadata.OfType<CasePageAttribute>().FirstOrDefault();
        var hasCaseId = context.ActionDescriptor.AttributeRouteInfo?.Template?.StartsWith("casussen/{id", StringComparison.Ordinal) == true;
        if (page is null)
        {
            if (hasCaseId)
            {
                throw new InvalidOperationException($"{context.ActionDescriptor.ViewEnginePath} shows a case but has no [CasePage].");
            }

            await next();
            return;
        }

        var http = context.HttpContext;
        var reading = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        var level = reading ? CaseAccessLevel.Read
            : page.LeadHandlers.Contains(context.HandlerMethod?.Name) ? CaseAccessLevel.Lead
            : page.WriteLevel;
        var action = Action(page, reading, context.HandlerMethod?.Name);
        var part = action == AuditAction.Export ? page.ExportPart ?? page.Part : page.Part;
        var decision = Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var caseId)
            ? await access.CheckAsync(caseId, level, action, part, http.RequestAborted)
            : null;
        if (decision is { NeedsReason: true })
        {
            context.Result = new RedirectToPageResult("/Privacy/BreakGlassPage", new { id = caseId, returnUrl = http.Request.Path.Value });
            return;
        }

        if (decision is { LeadOnly: true })
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        if (decision is not { Allowed: true })
        {
            context.Result = new NotFoundResult();
            return;
        }

        http.Features.Set(decision);
        await next();
    }

    private static AuditAction Action(CasePageAttribute page, bool reading, string? handler) =>
        !reading ? AuditAction.Change
        : handler is not null && page.ExportHandlers.Contains(handler) ? AuditAction.Export
        : AuditAction.Read;
}
