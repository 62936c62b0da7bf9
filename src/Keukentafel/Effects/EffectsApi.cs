using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Effects;

/// <summary>Effects over JSON: the resident's wellbeing on a case.</summary>
public static class EffectsApi
{
    public sealed record WellbeingRequest(
        int Version,
        MeasurementMoment Moment,
        [property: Required(ErrorMessage = "Geef het rapportcijfer."), Range(1.0, 10.0, ErrorMessage = "Geef een rapportcijfer van 1 tot en met 10.")] decimal? Mark,
        [property: Required(ErrorMessage = "Geef de datum van de meting.")] DateOnly? MeasuredOn,
        Dictionary<string, int>? Scores,
        [property: StringLength(2000)] string? Note,
        [property: StringLength(2000)] string? CorrectionReason);

    public static IEndpointRouteBuilder MapEffectsApi(this IEndpointRouteBuilder endpoints)
    {
        var one = endpoints.MapGroup("/api/cases/{id:guid}").WithTags("Effects").RequireAuthorization(Policies.Api, Policies.CaseWork).WithCaseAccessCheck();
        one.MapGet("/wellbeing", async (HttpContext http, Wellbeing wellbeing, CancellationToken ct) => TypedResults.Ok(await wellbeing.ForCaseAsync(http.CaseDecision().CaseId, ct)))
            .RequireCaseAccess(CaseAccessLevel.Read, AuditAction.Read, "welbevinden")
            .WithSummary("The resident's wellbeing on this case: every measurement (corrections included), which counts per moment, the instruments of the neighbourhood, the follow-up date.");
        one.MapPost("/wellbeing", RecordWellbeing).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "welbevinden")
            .WithSummary("Record the resident's report mark (1-10, one decimal) at intake, closure or follow-up, with his instrument scores; a second one of a moment is a correction with a reason.");
        endpoints.MapGet("/api/wellbeing/follow-ups", async (HttpContext http, Wellbeing wellbeing, CaseAccess access, CancellationToken ct) =>
            {
                var due = await wellbeing.DueForAsync(http.User.StaffId() ?? Guid.Empty, ct);
                await access.LogListAsync(http, [.. due.Select(f => (f.CaseId, f.ResidentId))], "nameting", "nametingen (0)", ct);
                return TypedResults.Ok(due);
            })
            .WithTags("Effects").RequireAuthorization(Policies.Api, Policies.CaseWork)
            .WithSummary("For the case bringer: his closed cases whose follow-up measurement of wellbeing is due, oldest first.");
        return endpoints;
    }

    private static async Task<Ok<CasesApi.Changed>> RecordWellbeing(WellbeingRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, async (c, by, now) => created = c.RecordWellbeing(
            request.Moment, request.Mark!.Value, request.MeasuredOn!.Value, request.Scores, request.Note, request.CorrectionReason,
            await work.EffectSettingsAsync(c.NeighbourhoodId, ct), by, now).Id, ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version, created));
    }
}
