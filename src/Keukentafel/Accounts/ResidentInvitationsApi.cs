using Keukentafel.Cases;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Accounts;

/// <summary>The code with which the resident of a case makes his own sign-in, over JSON (he redeems it at /uitnodiging).</summary>
public static class ResidentInvitationsApi
{
    public static IEndpointRouteBuilder MapResidentInvitationsApi(this IEndpointRouteBuilder endpoints)
    {
        var one = endpoints.MapCaseGroup("Cases");
        one.MapPost("/resident-invitation", Issue).RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "uitnodiging")
            .NotKeptForRepeats()
            .WithSummary(
                "A one-time code (valid 14 days) with which the resident makes his own sign-in at /uitnodiging; a new code ends the old one. Shown once.");
        return endpoints;
    }

    private static async Task<Ok<IssuedInvitation>> Issue(HttpContext http, ResidentInvitations invitations, CancellationToken ct) =>
        TypedResults.Ok(await invitations.IssueAsync(http.CaseDecision(), ct));
}
