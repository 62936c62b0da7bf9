using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Cases;

/// <summary>
/// The case over JSON. Every route with a case id passes the case access check (and the audit log) before its
/// handler runs; every change carries the version the caller saw, and a stale one is refused with what changed.
/// The case's meetings, plan, consents and resident invitation are mapped on the same group (<see cref="CaseRoutes.MapCaseGroup"/>),
/// each in its own feature's file: MeetingsApi, PlansApi, ConsentsApi, ResidentInvitationsApi.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(Policies.Api, Policies.CaseWork);
        cases.MapGet("", List)
            .WithSummary("My cases (case bringer or at the table): the work still to do first, overdue on top, then the cases carried out; "
                + "keyset pagination with 'cursor'.");
        cases.MapGet("/neighbourhood", InMyNeighbourhoods).RequireAuthorization(Policies.Coordination)
            .WithSummary(
                "For the coordinator: the open cases of his neighbourhoods, the work still to do first (late on top), without names. "
                + "Opening one he is not on needs a reason.");
        cases.MapPost("", Signal)
            .WithSummary("Signal a case (casus aanbrengen): the caller becomes the case bringer; the six-week clock starts.");

        var one = endpoints.MapCaseGroup("Cases");
        one.MapGet("", Get).RequireCaseAccess(CaseAccessLevel.Read, AuditAction.Read, "dossier")
            .WithSummary("The case file: the three questions, the table, the plan, deviations and bottlenecks, the six-week clock.");
        one.MapGet("/history", History).RequireCaseAccess(CaseAccessLevel.Read, AuditAction.Read, "geschiedenis")
            .WithSummary("Every change, newest first; page with 'before' (a version).");
        one.MapPost("/resident", RectifyResident).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "bewoner")
            .WithSummary(
                "Rectify the resident's details (name, birth date, address, phone, e-mail); the case history keeps what was there before.");
        one.MapGet("/answers/{question}", AnswerHistory).RequireCaseAccess(CaseAccessLevel.Read, AuditAction.Read, "vragen")
            .WithSummary("All answers to one question (Want, Can, Need), newest first.");
        one.MapPost("/answers", Answer).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "vragen")
            .WithSummary("Answer or update one of the three questions; the old answer stays in the history.");
        one.MapPost("/network", AddNetworkMember).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "netwerk")
            .WithSummary("Someone from the resident's own circle whom he wants at the table.");
        one.MapPost("/handover", HandOver).RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "casus")
            .WithSummary("Hand the case over to another professional, who becomes the case bringer.");
        one.MapPost("/transitions", Transition).RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "casus")
            .WithSummary("Move the case on: SolutionCarriedOut, Evaluated (with text), Closed, Reopened (with reason).");
        return endpoints;
    }

    /// <summary>
    /// What a change to a case answers: its new version, the id of what the change created (if anything), and the case as
    /// it is now (<see cref="CaseRoutes.MapCaseGroup"/> adds it), so the client need not read the file again.
    /// </summary>
    public sealed record Changed(Guid CaseId, int Version, Guid? CreatedId = null, CaseFile? Case = null);

    public sealed record SignalRequest(
        [property: Required(ErrorMessage = "Kies de wijk.")] Guid? NeighbourhoodId,
        [property: Required(ErrorMessage = "Geef de voornaam van de bewoner."), StringLength(100)] string GivenName,
        [property: StringLength(20)] string? FamilyNamePrefix,
        [property: Required(ErrorMessage = "Geef de achternaam van de bewoner."), StringLength(100)] string FamilyName,
        [property: Required(ErrorMessage = "Geef de geboortedatum van de bewoner.")] DateOnly? DateOfBirth,
        [property: Required(ErrorMessage = "Geef de straat."), StringLength(200)] string Street,
        [property: Required(ErrorMessage = "Geef het huisnummer."), StringLength(20)] string HouseNumber,
        [property: Required(ErrorMessage = "Geef de postcode."), StringLength(7)] string PostalCode,
        [property: Required(ErrorMessage = "Geef de woonplaats."), StringLength(100)] string Town,
        [property: Required(ErrorMessage = "Beschrijf de vraag, in de woorden van de bewoner."), StringLength(4000)] string Description,
        CaseSource Source,
        [property: StringLength(500)] string? SourceDetail);

    public sealed record AnswerRequest(int Version, Question Question,
        [property: Required(ErrorMessage = "Schrijf het antwoord op."), StringLength(8000)] string Text,
        bool WithResident, LifeDomains Domains = LifeDomains.None);

    public sealed record NetworkRequest(int Version,
        [property: Required(ErrorMessage = "Geef de naam."), StringLength(200)] string Name,
        [property: Required(ErrorMessage = "Geef aan wie dit is voor de bewoner."), StringLength(100)] string Relation,
        [property: StringLength(40)] string? Phone);

    public sealed record HandOverRequest(int Version, Guid StaffMemberId);

    public sealed record ResidentRequest(int Version,
        [property: Required(ErrorMessage = "Geef de voornaam van de bewoner."), StringLength(100)] string GivenName,
        [property: StringLength(20)] string? FamilyNamePrefix,
        [property: Required(ErrorMessage = "Geef de achternaam van de bewoner."), StringLength(100)] string FamilyName,
        [property: Required(ErrorMessage = "Geef de geboortedatum van de bewoner.")] DateOnly? DateOfBirth,
        [property: Required(ErrorMessage = "Geef de straat."), StringLength(200)] string Street,
        [property: Required(ErrorMessage = "Geef het huisnummer."), StringLength(20)] string HouseNumber,
        [property: Required(ErrorMessage = "Geef de postcode."), StringLength(7)] string PostalCode,
        [property: Required(ErrorMessage = "Geef de woonplaats."), StringLength(100)] string Town,
        [property: StringLength(40)] string? Phone,
        [property: StringLength(256), EmailAddress(ErrorMessage = "Dit is geen e-mailadres.")] string? Email,
        int? ResidentVersion = null);

    public enum TransitionTarget
    {
        SolutionCarriedOut,
        Evaluated,
        Closed,
        Reopened,
    }

    public sealed record TransitionRequest(int Version, TransitionTarget To, [property: StringLength(4000)] string? Text);

    private static async Task<Ok<Page<CaseListItem>>> List(bool? closed, CaseStatus? status, LifeDomains? domain, string? q, string? cursor,
        [Range(1, CaseLists.MaxPageSize)] int? limit, HttpContext http, CaseLists lists, CaseAccess access, CancellationToken ct)
    {
        var filter = new CaseFilter(closed ?? false, status, domain, q);
        var page = await lists.MineAsync(http.User.StaffId() ?? Guid.Empty, filter, cursor, limit ?? CaseLists.PageSize, ct);
        await access.LogListAsync([.. page.Items.Select(i => (i.Id, i.ResidentId))], "casuslijst", "mijn casussen (0)", ct);
        return TypedResults.Ok(page);
    }

    private static async Task<Ok<Page<NeighbourhoodCaseItem>>> InMyNeighbourhoods(string? cursor, [Range(1, CaseLists.MaxPageSize)] int? limit,
        HttpContext http, CaseLists lists, CaseAccess access, CancellationToken ct)
    {
        var page = await lists.InMyNeighbourhoodsAsync(http.User.StaffId() ?? Guid.Empty, cursor, limit ?? CaseLists.PageSize, ct);
        await access.LogAsync(null, null, AuditAction.List, $"casussen in de wijk ({page.Items.Count})", ct);
        return TypedResults.Ok(page);
    }

    private static async Task<Created<CaseFile>> Signal(SignalRequest request, CaseWork work, CaseFiles files, CancellationToken ct)
    {
        var @case = await work.SignalAsync(new SignalCase(request.NeighbourhoodId!.Value, request.GivenName, request.FamilyNamePrefix, request.FamilyName,
            request.DateOfBirth!.Value, request.Street, request.HouseNumber, request.PostalCode, request.Town, request.Description, request.Source,
            request.SourceDetail), ct);
        return TypedResults.Created($"/api/v1/cases/{@case.Id}", await files.GetAsync(@case.Id, ct));
    }

    private static async Task<Ok<CaseFile>> Get(HttpContext http, CaseFiles files, CancellationToken ct) =>
        TypedResults.Ok((await files.GetAsync(http.CaseDecision().CaseId, ct))!);

    /// <summary>Newest first; a page's <c>next</c> is the version its last entry had, the next page goes on below it.</summary>
    private static async Task<Ok<Page<HistoryEntry>>> History(string? cursor, [Range(1, Pages.MaxLimit)] int? limit, HttpContext http, CaseFiles files,
        CancellationToken ct)
    {
        int? before = cursor is null ? null : int.TryParse(cursor, out var version) && version > 0 ? version : throw Pages.UnknownCursor();
        var size = limit ?? Pages.DefaultLimit;
        var entries = await files.HistoryAsync(http.CaseDecision().CaseId, before, size, ct);
        return TypedResults.Ok(new Page<HistoryEntry>(entries, entries.Count == size && entries[^1].Version > 1 ? $"{entries[^1].Version}" : null));
    }

    private static async Task<Ok<Page<AnswerView>>> AnswerHistory(Question question, string? cursor, [Range(1, Pages.MaxLimit)] int? limit, HttpContext http,
        CaseFiles files, CancellationToken ct) =>
        TypedResults.Ok(Pages.Of(await files.AnswerHistoryAsync(http.CaseDecision().CaseId, question, ct), a => $"{a.WrittenAtUtc:O}", cursor, limit));

    private static async Task<Ok<Changed>> Answer(AnswerRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version,
            (c, by, now) => c.Answer(request.Question, request.Text, request.Domains, request.WithResident, by, now), ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Changed>> AddNetworkMember(NetworkRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version,
            (c, by, now) => created = c.AddNetworkMember(request.Name, request.Relation, request.Phone, by, now).Id, ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<Changed>> RectifyResident(ResidentRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, async (c, by, now) => c.RectifyResident(
            await work.ResidentAsync(c.ResidentId, ct), request.ResidentVersion,
            new PersonName(request.GivenName, request.FamilyNamePrefix, request.FamilyName), request.DateOfBirth!.Value,
            new Address(request.Street, request.HouseNumber, request.PostalCode, request.Town), request.Phone, request.Email, by, now), ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Changed>> HandOver(HandOverRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var next = await work.StaffMemberAsync(request.StaffMemberId, ct);
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.HandOverTo(next, by, now), ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Changed>> Transition(TransitionRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, async (c, by, now) =>
        {
            switch (request.To)
            {
                case TransitionTarget.SolutionCarriedOut: c.MarkSolutionCarriedOut(by, now); break;
                case TransitionTarget.Evaluated: c.Evaluate(request.Text ?? "", by, now); break;
                case TransitionTarget.Closed: c.Close(by, now, (await work.EffectSettingsAsync(c.NeighbourhoodId, ct)).FollowUpMonths); break;
                case TransitionTarget.Reopened: c.Reopen(request.Text ?? "", by, now); break;
                default: throw DomainException.Conflict("case.transition_not_allowed", "Deze stap bestaat niet.");
            }
        }, ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }
}
