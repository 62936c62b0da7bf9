using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Keukentafel.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Privacy;

/// <summary>The coordinator's recorded reason, over JSON (the page is /inzage/{id}).</summary>
public static class AccessApi
{
    public sealed record ReasonRequest([property: Required(ErrorMessage = "Geef de reden."), StringLength(2000)] string Reason);

    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/access").WithTags("Privacy").RequireAuthorization(Policies.Api, Policies.CaseWork)
            .MapPost("/{caseId:guid}/reason", async Task<Results<NoContent, NotFound>> (Guid caseId, ReasonRequest request, HttpContext http, CaseAccess access, CancellationToken ct) =>
            {
                try
                {
                    await access.BreakGlassAsync(http, caseId, request.Reason, ct);
                }
                catch (DomainException refused) when (refused.Code == "access.not_coordinator")
                {
                    return TypedResults.NotFound();
                }

                return TypedResults.NoContent();
            })
            .WithMetadata(new BreakGlassRouteAttribute())
            .WithSummary("The neighbourhood's coordinator records why he opens a case he does not work on; the file is then open to him for a working day.");

        endpoints.MapGet("/api/me/access-log", async Task<Results<Ok<IReadOnlyList<AccessLogEntry>>, NotFound>> (HttpContext http, AccessLog log, CaseAccess access, CancellationToken ct) =>
            {
                if (http.User.ResidentOf() is not { } resident)
                {
                    return TypedResults.NotFound();
                }

                await access.LogAsync(http, null, resident, AuditAction.Read, "logboek", ct);
                return TypedResults.Ok(await log.ForResidentAsync(resident, http.User.AccountId(), ct));
            })
            .WithTags("Privacy").RequireAuthorization(Policies.Api, Policies.Resident)
            .WithSummary("For the resident: who else looked at his file, newest first, with the reasons given.");
        return endpoints;
    }
}
