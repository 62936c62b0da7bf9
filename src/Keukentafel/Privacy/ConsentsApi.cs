using System.ComponentModel.DataAnnotations;
using Keukentafel.Cases;
using Keukentafel.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Privacy;

/// <summary>The resident's say over his file, over JSON: what he consents to share, his withdrawal, and who looked at it.</summary>
public static class ConsentsApi
{
    public static IEndpointRouteBuilder MapConsentsApi(this IEndpointRouteBuilder endpoints)
    {
        var one = endpoints.MapCaseGroup("Cases");
        one.MapPost("/consents", RecordConsent).RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "toestemming")
            .WithSummary(
                "Record what the resident agreed to: sharing his file with an organisation, for a purpose, until a date (or until he withdraws).");
        one.MapPost("/consents/{consentId:guid}/withdrawal", WithdrawConsent).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "toestemming")
            .WithSummary(
                "The resident withdraws a consent: from the next request on, professionals of that organisation at the table cannot open the file.");
        one.MapGet("/access-log", AccessLogOfCase).RequireCaseAccess(CaseAccessLevel.Read, AuditAction.Read, "logboek")
            .WithSummary("Who looked at this case, newest first, with break-the-glass reasons: to show the resident at his request.");
        return endpoints;
    }

    public sealed record ConsentRequest(int Version, Guid OrganisationId,
        [property: Required(ErrorMessage = "Geef het doel."), StringLength(1000)] string Purpose, DateOnly? ValidUntil);

    public sealed record ConsentWithdrawalRequest(int Version, [property: StringLength(2000)] string? Reason);

    private static async Task<Ok<CasesApi.Changed>> RecordConsent(ConsentRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var organisation = await work.OrganisationAsync(request.OrganisationId, ct);
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version,
            (c, by, now) => created = c.RecordConsent(organisation!, request.Purpose, request.ValidUntil, by, now).Id, ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<CasesApi.Changed>> WithdrawConsent(Guid consentId, ConsentWithdrawalRequest request, HttpContext http, CaseWork work,
        CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.WithdrawConsent(consentId, request.Reason, by, now), ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Page<AccessLogEntry>>> AccessLogOfCase(string? cursor, [Range(1, Pages.MaxLimit)] int? limit, HttpContext http, AccessLog log,
        CancellationToken ct) =>
        TypedResults.Ok(Pages.Of(await log.ForCaseAsync(http.CaseDecision(), ct), AccessLogEntry.KeyOf, cursor, limit));
}
