using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Effects;
using Keukentafel.Plans;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Budget;

/// <summary>The budget over JSON: white-label allocation of a case's plan action, and the managers' decisions.</summary>
public static class BudgetApi
{
    public static IEndpointRouteBuilder MapBudgetApi(this IEndpointRouteBuilder endpoints)
    {
        var one = endpoints.MapCaseGroup("Budget");
        one.MapGet("/actions/{actionId:guid}/allocation", ViewAllocation).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Read, "budget")
            .WithSummary("The organisations that can deliver a plan action in the neighbourhood, with their room left in the year, "
                + "the one proposed (most room), and any request to the managers.");
        one.MapPost("/actions/{actionId:guid}/financing", Finance).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "budget")
            .WithSummary("Finance a plan action from the neighbourhood budget: from the chosen organisation's room (none chosen: the one with the most room). "
                + "Refused with the room left when it does not fit; when only one organisation can deliver, the request goes to its managers (202).");
        one.MapPost("/actions/{actionId:guid}/realisation", Realise).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "budget")
            .WithSummary(
                "Delivered: the actual cost is spent from the budget and the reservation released; more than what was reserved only from room that is left.");
        one.MapPost("/actions/{actionId:guid}/correction", Correct).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "budget")
            .WithSummary("Correct what was spent on an action (negative: credited), with the reason; "
                + "never below nothing nor below what came back, never beyond the room.");

        var managers = endpoints.MapGroup("/api/v1/budget/requests").WithTags("Budget").RequireAuthorization(Policies.Api, Policies.Management);
        managers.MapGet("/mine", RequestsToDecide)
            .WithSummary("The financing requests for my organisation as manager, open ones first, with the organisations I may take room from.");
        managers.MapPost("/{requestId:guid}/decision", Decide).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Decide a request as manager of its organisation: BeyondRoom (finance beyond the room), "
                + "RoomShifted (ask another organisation for the shortfall: the request awaits its answer, status AwaitingRoom) or Refused; "
                + "with the reason.");
        managers.MapPost("/{requestId:guid}/room-answer", AnswerRoom).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("As manager of the organisation asked for room: agree (the room moves and the action is financed) or refuse, with the "
                + "reason (the request is open again for its own managers).");

        var budgets = endpoints.MapGroup("/api/v1/budgets").WithTags("Budget").RequireAuthorization(Policies.Api, Policies.Effects);
        budgets.MapGet("/", Visible)
            .WithSummary("The budgets of the neighbourhoods I work in.");
        budgets.MapGet("/{budgetId:guid}/dashboard", Dashboard)
            .WithSummary("The monthly dashboard of a budget year (default: the current one): per month, organisation and law domain, "
                + "against the straight-line plan, pre-financing and the forecast. Sums of the ledger; the financed actions 50 per page ('page').");

        var keep = endpoints.MapGroup("/api/v1/budgets").WithTags("Budget").RequireAuthorization(Policies.Api, Policies.Coordination);
        keep.MapPost("/", Start)
            .WithSummary("Start a budget for a neighbourhood I work in, for a period of 1 to 10 years that does not overlap another.");
        keep.MapGet("/{budgetId:guid}", Detail).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A budget with its contributions and every organisation's room per year.");
        keep.MapPost("/{budgetId:guid}/contributions", Contribute).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record a partner's contribution (also one promised for a later year of the period, dated then).");
        keep.MapPut("/{budgetId:guid}/rooms", SetRoom).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary(
                "Set an organisation's room for a year: the rooms together stay within the contributions, and a room never falls below what is used.");
        return endpoints;
    }

    /// <summary>Financed; <paramref name="Version"/> is the case's new version (the allocation is recorded in its history).</summary>
    public sealed record Financed(Guid EntryId, Guid OrganisationId, string Organisation, int Year, decimal Amount, int Version);

    /// <summary>Which organisation (none: the one proposed), and, when the budget pays first, who should pay in the end.</summary>
    public sealed record FinancingRequestBody(Guid? OrganisationId, Payer? PreFinancedFor);

    public sealed record RealisationBody([property: Range(0, 10_000_000, ErrorMessage = "Geef een bedrag van 0 tot 10.000.000 euro.")] decimal? ActualCost);

    public sealed record Realised(Guid EntryId, decimal ActualCost);

    public sealed record CorrectionBody(
        [property: Range(-10_000_000, 10_000_000, ErrorMessage = "Geef een bedrag van -10.000.000 tot 10.000.000 euro.")] decimal Amount,
        [property: StringLength(2000)] string? Reason);

    public sealed record DecisionBody(RequestStatus Decision, Guid? FromOrganisationId, [property: StringLength(2000)] string? Reason);

    public sealed record Decided(Guid Id, RequestStatus Status, string? DecidedBy, DateTime? DecidedAtUtc);

    /// <summary>Whether the organisation asked for room gives it; a refusal needs its reason.</summary>
    public sealed record RoomAnswerBody([property: Required(ErrorMessage = "Kies: akkoord of niet akkoord.")] bool? Agree,
        [property: StringLength(2000)] string? Reason);

    public sealed record BudgetItem(Guid Id, string Name);

    public sealed record NewBudget(Guid NeighbourhoodId, [property: Required(ErrorMessage = "Geef het budget een naam."), StringLength(200)] string Name,
        [property: Range(2000, 2100, ErrorMessage = "Geef een jaar, bijvoorbeeld 2026.")] int FirstYear,
        [property: Range(2000, 2100, ErrorMessage = "Geef een jaar, bijvoorbeeld 2030.")] int LastYear);

    public sealed record NewContribution([property: Required(ErrorMessage = "Geef wie bijdraagt."), StringLength(300)] string Contributor, Guid? OrganisationId,
        [property: Range(-100_000_000, 100_000_000, ErrorMessage = "Geef een bedrag van -100.000.000 tot 100.000.000 euro.")] decimal Amount,
        [property: Required(ErrorMessage = "Geef de datum van de bijdrage.")] DateOnly? Date, LawDomain LawDomain);

    public sealed record RoomBody(Guid OrganisationId,
        [property: Range(2000, 2100, ErrorMessage = "Geef een jaar, bijvoorbeeld 2026.")] int Year,
        [property: Range(-100_000_000, 100_000_000, ErrorMessage = "Geef een bedrag van -100.000.000 tot 100.000.000 euro.")] decimal Amount);

    public sealed record RoomSet(Guid EntryId, Guid OrganisationId, int Year, decimal Room);

    /// <summary>
    /// The dashboard, and (for a coordinator: all; for a manager: his organisation's; else null) one page of the financed
    /// actions: <c>page</c> of <c>pages</c>, <c>total</c> in all.
    /// </summary>
    public sealed record DashboardResponse(BudgetDashboard Dashboard, IReadOnlyList<FinancedAction>? FinancedActions, string? FinancedActionsScope,
        int? Page, int? Pages, int? Total);

    private static async Task<Ok<AllocationView>> ViewAllocation(Guid actionId, HttpContext http, Allocation allocation, CancellationToken ct) =>
        TypedResults.Ok(await allocation.ViewAsync(http.CaseDecision().CaseId, actionId, ct));

    private static async Task<Results<Ok<Financed>, Accepted<RequestView>>> Finance(Guid actionId, FinancingRequestBody? body, HttpContext http,
        Allocation allocation, CancellationToken ct)
    {
        var decision = http.CaseDecision();
        var outcome = await allocation.AllocateAsync(decision.CaseId, actionId, body?.OrganisationId, body?.PreFinancedFor, decision.Actor, ct);
        if (outcome.Commitment is { } entry)
        {
            return TypedResults.Ok(new Financed(entry.Id, entry.OrganisationId, outcome.Organisation, entry.Year, entry.Amount, outcome.CaseVersion ?? 0));
        }

        var r = outcome.Request!;
        return TypedResults.Accepted($"/api/v1/cases/{decision.CaseId}/actions/{actionId}/allocation", new RequestView(r.Id, r.Status, r.OrganisationId,
            outcome.Organisation, r.Amount, r.RoomLeft, r.RequestedByName, r.RequestedAtUtc, null, null, null));
    }

    private static async Task<Ok<Realised>> Realise(Guid actionId, RealisationBody body, HttpContext http, Financing financing, CancellationToken ct)
    {
        var decision = http.CaseDecision();
        await financing.RequireOfCaseAsync(decision.CaseId, actionId, ct);
        var cost = body.ActualCost ?? throw DomainException.About("ActualCost", "budget.amount_required", "Geef de werkelijke kosten.");
        var entries = await financing.RealiseAsync(await financing.BudgetOfAsync(actionId, ct), actionId, cost, decision.Actor, ct);
        return TypedResults.Ok(new Realised(entries[^1].Id, cost));
    }

    private static async Task<Ok<Realised>> Correct(Guid actionId, CorrectionBody body, HttpContext http, Financing financing, CancellationToken ct)
    {
        var decision = http.CaseDecision();
        await financing.RequireOfCaseAsync(decision.CaseId, actionId, ct);
        var entry = (await financing.CorrectActionAsync(actionId, body.Amount, body.Reason, decision.Actor, ct)).Single();
        return TypedResults.Ok(new Realised(entry.Id, entry.Amount));
    }

    private static async Task<Ok<Page<RequestToDecide>>> RequestsToDecide(string? cursor, [Range(1, Pages.MaxLimit)] int? limit, Decisions decisions,
        CancellationToken ct) =>
        TypedResults.Ok(Pages.Of(await decisions.MineAsync(ct), r => r.Id.ToString(), cursor, limit));

    private static async Task<Ok<Decided>> AnswerRoom(Guid requestId, RoomAnswerBody body, Decisions decisions, CancellationToken ct)
    {
        var r = await decisions.AnswerRoomAsync(requestId, body.Agree!.Value, body.Reason, ct);
        return TypedResults.Ok(new Decided(r.Id, r.Status, r.DecidedByName, r.DecidedAtUtc));
    }

    private static async Task<Ok<Decided>> Decide(Guid requestId, DecisionBody body, Decisions decisions, CancellationToken ct)
    {
        var r = await decisions.DecideAsync(requestId, body.Decision, body.FromOrganisationId, body.Reason, ct);
        return TypedResults.Ok(new Decided(r.Id, r.Status, r.DecidedByName, r.DecidedAtUtc));
    }

    private static async Task<Ok<Page<BudgetItem>>> Visible(string? cursor, [Range(1, Pages.MaxLimit)] int? limit, HttpContext http, Dashboards dashboards,
        CancellationToken ct) =>
        TypedResults.Ok(Pages.Of((await dashboards.VisibleAsync(http.User.StaffId(), ct)).Select(b => new BudgetItem(b.Id, b.Name)).ToList(),
            b => b.Id.ToString(), cursor, limit));

    private static async Task<Results<Ok<DashboardResponse>, NotFound>> Dashboard(Guid budgetId, int? year, int? page,
        Dashboards dashboards, CancellationToken ct) =>
        await dashboards.ForAsync(budgetId, year, ct, page) is { } view
            ? TypedResults.Ok(new DashboardResponse(view.Dashboard, view.Detail?.Items, view.DetailScope,
                view.Detail?.Page, view.Detail?.Pages, view.Detail?.Total))
            : TypedResults.NotFound();

    private static async Task<Created<BudgetItem>> Start(NewBudget body, BudgetAdministration admin, CancellationToken ct)
    {
        var budget = await admin.CreateAsync(body.NeighbourhoodId, body.Name, body.FirstYear, body.LastYear, ct);
        return TypedResults.Created($"/api/v1/budgets/{budget.Id}", new BudgetItem(budget.Id, budget.Name));
    }

    private static async Task<Ok<BudgetDetail>> Detail(Guid budgetId, BudgetAdministration admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.DetailAsync(budgetId, ct));

    private static async Task<Ok<ContributionView>> Contribute(Guid budgetId, NewContribution body, BudgetAdministration admin,
        CancellationToken ct)
    {
        var c = await admin.ContributeAsync(budgetId, body.Contributor, body.OrganisationId, body.Amount, body.Date!.Value, body.LawDomain, ct);
        return TypedResults.Ok(new ContributionView(c.Id, c.Contributor, c.OrganisationId, c.Amount, c.Date, c.LawDomain, c.RecordedByName, c.RecordedAtUtc));
    }

    private static async Task<Ok<RoomSet>> SetRoom(Guid budgetId, RoomBody body, BudgetAdministration admin, CancellationToken ct)
    {
        var entry = await admin.SetRoomAsync(budgetId, body.OrganisationId, body.Year, body.Amount, ct);
        return TypedResults.Ok(new RoomSet(entry.Id, body.OrganisationId, body.Year, body.Amount));
    }
}
