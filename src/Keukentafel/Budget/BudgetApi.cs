using Keukentafel.Accounts;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Budget;

/// <summary>The budget over JSON, for now: financing a plan action of a case from the neighbourhood budget.</summary>
public static class BudgetApi
{
    public sealed record Financed(Guid EntryId, Guid OrganisationId, int Year, decimal Amount);

    public static IEndpointRouteBuilder MapBudgetApi(this IEndpointRouteBuilder endpoints)
    {
        var one = endpoints.MapGroup("/api/cases/{id:guid}").WithTags("Budget").RequireAuthorization(Policies.Api, Policies.CaseWork).WithCaseAccessCheck();
        one.MapPost("/actions/{actionId:guid}/financing", async Task<Ok<Financed>> (Guid actionId, HttpContext http, Financing financing, CancellationToken ct) =>
            {
                var decision = http.CaseDecision();
                var entry = await financing.FinanceActionAsync(decision.CaseId, actionId, decision.Actor, ct);
                return TypedResults.Ok(new Financed(entry.Id, entry.OrganisationId, entry.Year, entry.Amount));
            })
            .RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "budget")
            .WithSummary("Finance a plan action from the neighbourhood budget: its expected cost, from the room of the organisation that delivers it; refused with the room left when it does not fit.");
        return endpoints;
    }
}
