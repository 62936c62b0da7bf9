using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Keukentafel.Accounts;
using Keukentafel.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Privacy;

/// <summary>The coordinator's recorded reason, over JSON (the page is /inzage/{id}); and the resident's own access log.</summary>
public static class AccessApi
{
    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder endpoints)
    {
        var access = endpoints.MapGroup("/api/v1/access").WithTags("Privacy").RequireAuthorization(Policies.Api, Policies.CaseWork);
        access.MapPost("/{caseId:guid}/reason", BreakGlass).WithMetadata(new BreakGlassRouteAttribute()).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary(
                "The neighbourhood's coordinator records why he opens a case he does not work on; the file is then open to him for a working day.");

        var resident = endpoints.MapGroup("/api/v1/me").WithTags("Privacy").RequireAuthorization(Policies.Api, Policies.Resident);
        resident.MapGet("/access-log", MyAccessLog)
            .WithSummary("For the resident (or, with 'for', someone he lets look along): who else looked at his file, newest first, with the reasons given.");
        return endpoints;
    }

    public sealed record BreakGlassRequest([property: Required(ErrorMessage = "Geef de reden."), StringLength(2000)] string Reason);

    private static async Task<NoContent> BreakGlass(Guid caseId, BreakGlassRequest request, CaseAccess access, CancellationToken ct)
    {
        await access.BreakGlassAsync(caseId, request.Reason, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Page<AccessLogEntry>>, NotFound>> MyAccessLog(
        [Description("For someone who looks along: the id of the resident's consent he acts under (the pages' 'voor').")] Guid? @for,
        string? cursor, [Range(1, Pages.MaxLimit)] int? limit, HttpContext http, AccessLog log, CaseAccess access, Residents.TrustedPeople trusted,
        CancellationToken ct)
    {
        if (await trusted.WhoseAsync(@for, "logboek", ct) is not { } whose)
        {
            return TypedResults.NotFound();
        }

        await access.LogAsync(null, whose.ResidentId, AuditAction.Read, "logboek", ct);
        return TypedResults.Ok(Pages.Of(await log.AsHeReadsItAsync(whose, http.User.AccountId(), ct), AccessLogEntry.KeyOf, cursor, limit));
    }
}
