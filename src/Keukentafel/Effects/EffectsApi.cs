using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Effects;

/// <summary>Effects over JSON: the resident's wellbeing on a case.</summary>
public static class EffectsApi
{
    public static IEndpointRouteBuilder MapEffectsApi(this IEndpointRouteBuilder endpoints)
    {
        var one = endpoints.MapCaseGroup("Effects");
        one.MapGet("/wellbeing", WellbeingOfCase).RequireCaseAccess(CaseAccessLevel.Read, AuditAction.Read, "welbevinden")
            .WithSummary("The resident's wellbeing on this case: every measurement (corrections included), which counts per moment, "
                + "the instruments of the neighbourhood, the follow-up date.");
        one.MapPost("/wellbeing", RecordWellbeing).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "welbevinden")
            .WithSummary("Record the resident's report mark (1-10, one decimal) at intake, closure or follow-up, with his instrument scores; "
                + "a second one of a moment is a correction with a reason.");
        one.MapGet("/analysis", AnalysisOfCase).RequireCaseAccess(CaseAccessLevel.Read, AuditAction.Read, "kostenanalyse")
            .WithSummary(
                "The case's micro-analysis: terms, lines, and costs per scenario, law domain and payer; 'terms' is null while none is started.");
        one.MapPost("/analysis", StartAnalysis).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "kostenanalyse")
            .WithSummary("Start the micro-analysis: horizon (default 12 months), price year, whether the resident already had care, the assumptions.");
        one.MapPost("/analysis/terms", ChangeTerms).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "kostenanalyse")
            .WithSummary("Change the terms of a draft analysis.");
        one.MapPost("/analysis/lines", AddCostLine).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "kostenanalyse")
            .WithSummary(
                "Add an expected cost to a scenario: a catalogue item, a quantity, a probability in percent, the months of the horizon it falls in.");
        one.MapPost("/analysis/lines/{lineId:guid}/removal", RemoveCostLine).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "kostenanalyse")
            .WithSummary("Take a line out of a draft analysis; it stays in the history.");
        one.MapPost("/analysis/lock", Lock).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "kostenanalyse")
            .WithSummary("A colleague who did not write it reviews and locks the analysis: prices and plan costs are frozen in it.");
        one.MapPost("/analysis/new-version", NewVersion).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "kostenanalyse")
            .WithSummary("Start a new version of a locked analysis, with the reason: a draft with the same terms and lines that another colleague "
                + "reviews and locks again. The locked one is kept as replaced ('replaced' in the analysis).");

        var reports = endpoints.MapGroup("/api/v1/effects").WithTags("Effects").RequireAuthorization(Policies.Api, Policies.Effects);
        reports.MapGet("/report", Report).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The effect report of a neighbourhood the caller works in: wellbeing, six weeks, costs with and without the approach; "
                + "whole quarters; groups under 5 residents are null. The same selection draws the same sample.");

        var followUps = endpoints.MapGroup("/api/v1/wellbeing").WithTags("Effects").RequireAuthorization(Policies.Api, Policies.CaseWork);
        followUps.MapGet("/follow-ups", FollowUps)
            .WithSummary("For the case bringer: his closed cases whose follow-up measurement of wellbeing is due, oldest first.");
        return endpoints;
    }

    public sealed record WellbeingRequest(
        int Version,
        MeasurementMoment Moment,
        [property: Required(ErrorMessage = "Geef het rapportcijfer."), Range(1.0, 10.0, ErrorMessage = "Geef een rapportcijfer van 1 tot en met 10.")]
        decimal? Mark,
        [property: Required(ErrorMessage = "Geef de datum van de meting.")] DateOnly? MeasuredOn,
        Dictionary<string, int>? Scores,
        [property: StringLength(2000)] string? Note,
        [property: StringLength(2000)] string? CorrectionReason);

    public sealed record AnalysisTermsRequest(
        int Version,
        [property: Range(1, MicroAnalysis.MaxHorizonMonths, ErrorMessage = "Kies een horizon van 1 tot en met 60 maanden.")]
        int HorizonMonths = Analyses.DefaultHorizonMonths,
        int? PriceYear = null, // the analysis knows which years it has prices for (analysis.price_year)
        bool ExistingCare = false,
        [property: StringLength(8000)] string? Assumptions = null);

    public sealed record CostLineRequest(
        int Version,
        Scenario Scenario,
        [property: Required(ErrorMessage = "Kies een onderdeel uit de kostencatalogus."), StringLength(60)] string ItemCode,
        [property: Range(0.01, 100000, ErrorMessage = "Geef een aantal groter dan nul.")] decimal Quantity,
        [property: Range(0.01, 100, ErrorMessage = "Geef een kans groter dan 0 en hooguit 100 procent.")] decimal ProbabilityPercent = 100,
        [property: Range(1, MicroAnalysis.MaxHorizonMonths, ErrorMessage = "Kies een maand van 1 tot en met 60.")] int FromMonth = 1,
        [property: Range(1, MicroAnalysis.MaxHorizonMonths, ErrorMessage = "Kies een maand van 1 tot en met 60.")] int? ToMonth = null,
        [property: StringLength(2000)] string? Note = null);

    public sealed record VersionRequest(int Version);

    public sealed record NewVersionRequest(int Version,
        [property: Required(ErrorMessage = "Schrijf op waarom er een nieuwe versie van de analyse komt."), StringLength(2000)] string? Reason);

    private static async Task<Ok<WellbeingFile>> WellbeingOfCase(HttpContext http, Wellbeing wellbeing, CancellationToken ct) =>
        TypedResults.Ok(await wellbeing.ForCaseAsync(http.CaseDecision().CaseId, ct));

    private static async Task<Ok<CasesApi.Changed>> RecordWellbeing(WellbeingRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, async (c, by, now) => created = c.RecordWellbeing(
            request.Moment, request.Mark!.Value, request.MeasuredOn!.Value, request.Scores, request.Note, request.CorrectionReason,
            await work.EffectSettingsAsync(c.NeighbourhoodId, ct), by, now).Id, ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<AnalysisFile>> AnalysisOfCase(HttpContext http, Analyses analyses, CancellationToken ct) =>
        TypedResults.Ok(await analyses.ForCaseAsync(http.CaseDecision().CaseId, ct));

    private static async Task<Ok<CasesApi.Changed>> StartAnalysis(AnalysisTermsRequest request, HttpContext http, CaseWork work, CostCatalogues catalogues,
        Analyses analyses, CancellationToken ct) =>
        await ChangedAsync(http, work, request.Version, (c, by, now) => c.StartAnalysis(
            request.HorizonMonths, request.PriceYear ?? analyses.DefaultPriceYear, catalogues.Current, request.ExistingCare, request.Assumptions,
            by, now).Id, ct);

    private static async Task<Ok<CasesApi.Changed>> ChangeTerms(AnalysisTermsRequest request, HttpContext http, CaseWork work, CostCatalogues catalogues,
        Analyses analyses, CancellationToken ct) =>
        await ChangedAsync(http, work, request.Version, (c, by, now) => c.ChangeAnalysisTerms(
            request.HorizonMonths, request.PriceYear ?? analyses.DefaultPriceYear, catalogues.Current, request.ExistingCare, request.Assumptions, by, now), ct);

    private static async Task<Ok<CasesApi.Changed>> AddCostLine(CostLineRequest request, HttpContext http, CaseWork work, Prices prices,
        CancellationToken ct) =>
        await ChangedAsync(http, work, request.Version, async (c, by, now) =>
        {
            var price = await prices.ForCaseAsync(c, request.ItemCode, ct);
            return c.AddCostLine(request.Scenario, price, request.Quantity, request.ProbabilityPercent / 100m, request.FromMonth,
                request.ToMonth ?? c.Analysis?.HorizonMonths ?? 1, request.Note, by, now).Id;
        }, ct);

    private static async Task<Ok<CasesApi.Changed>> RemoveCostLine(Guid lineId, VersionRequest request, HttpContext http, CaseWork work,
        CancellationToken ct) =>
        await ChangedAsync(http, work, request.Version, (c, by, now) => c.RemoveCostLine(lineId, by, now), ct);

    private static async Task<Ok<CasesApi.Changed>> Lock(VersionRequest request, HttpContext http, CaseWork work, Prices prices, CancellationToken ct) =>
        await ChangedAsync(http, work, request.Version, (c, by, now) => prices.LockAnalysisAsync(c, by, now, ct), ct);

    private static async Task<Ok<CasesApi.Changed>> NewVersion(NewVersionRequest request, HttpContext http, CaseWork work, CostCatalogues catalogues,
        CancellationToken ct) =>
        await ChangedAsync(http, work, request.Version, (c, by, now) => c.NewAnalysisVersion(request.Reason, catalogues.Current, by, now).Id, ct);

    private static async Task<Ok<EffectReport>> Report(Guid neighbourhoodId, DateOnly? from, DateOnly? to, int? sample, int? priceYear,
        [Description("What the period counts by: the date a case was signalled (default) or closed.")] ReportPeriod? period, WorkAreas workAreas,
        EffectReports reports, CaseAccess access, TimeProvider time, CancellationToken ct)
    {
        await workAreas.ChooseAsync(neighbourhoodId, AuditAction.Read, "effectrapportage", ct);
        // Over the API the report holds no case numbers, for anyone: aggregates only.
        var report = await reports.BuildAsync(Selection(neighbourhoodId, from, to, sample, priceYear, period ?? ReportPeriod.Signalled, DutchTime.Today(time)),
            false, ct);
        await access.LogAsync(null, null, AuditAction.Read, $"effectrapportage ({report!.Cases} casussen)", ct);
        return TypedResults.Ok(report);
    }

    /// <summary>What the report is about: by default the last eight whole quarters, as on the page.</summary>
    private static ReportSelection Selection(Guid neighbourhoodId, DateOnly? from, DateOnly? to, int? sample, int? priceYear, ReportPeriod period,
        DateOnly today)
    {
        var (defaultFrom, defaultTo) = EffectReport.DefaultPeriod(today);
        var (first, last) = (from ?? defaultFrom, to ?? defaultTo);
        EffectReport.CheckPeriod(first, last);
        if (sample is < 1)
        {
            throw DomainException.About("Sample", "report.selection", "Kies een steekproef van minstens 1 casus.");
        }

        return new ReportSelection(neighbourhoodId, first, last, sample, null, priceYear, period);
    }

    private static async Task<Ok<Page<FollowUpDue>>> FollowUps(string? cursor, [Range(1, Pages.MaxLimit)] int? limit, HttpContext http, Wellbeing wellbeing,
        CaseAccess access, CancellationToken ct)
    {
        var due = await wellbeing.DueForAsync(http.User.StaffId() ?? Guid.Empty, ct);
        await access.LogListAsync([.. due.Select(f => (f.CaseId, f.ResidentId))], "nameting", "nametingen (0)", ct);
        return TypedResults.Ok(Pages.Of(due, f => f.CaseId.ToString(), cursor, limit));
    }

    private static async Task<Ok<CasesApi.Changed>> ChangedAsync(HttpContext http, CaseWork work, int version, Func<Case, Actor, DateTime, Task<Guid?>> change,
        CancellationToken ct)
    {
        Guid? created = null;
        var @case = await work.ChangeAsync(http.CaseDecision(), version, async (c, by, now) => created = await change(c, by, now), ct);
        return TypedResults.Ok(new CasesApi.Changed(@case.Id, @case.Version, created));
    }

    private static Task<Ok<CasesApi.Changed>> ChangedAsync(HttpContext http, CaseWork work, int version, Func<Case, Actor, DateTime, Guid?> change,
        CancellationToken ct) =>
        ChangedAsync(http, work, version, (c, by, now) => Task.FromResult(change(c, by, now)), ct);

    private static Task<Ok<CasesApi.Changed>> ChangedAsync(HttpContext http, CaseWork work, int version, Action<Case, Actor, DateTime> change,
        CancellationToken ct) =>
        ChangedAsync(http, work, version, (c, by, now) =>
        {
            change(c, by, now);
            return Task.FromResult<Guid?>(null);
        }, ct);

    private static Task<Ok<CasesApi.Changed>> ChangedAsync(HttpContext http, CaseWork work, int version, Func<Case, Actor, DateTime, Task> change,
        CancellationToken ct) =>
        ChangedAsync(http, work, version, async (c, by, now) =>
        {
            await change(c, by, now);
            return (Guid?)null;
        }, ct);
}
