using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Meetings;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keukentafel.Cases;

/// <summary>
/// The case over JSON. Every route with a case id passes the case access check (and the audit log) before its
/// handler runs; every change carries the version the caller saw, and a stale one is refused with what changed.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Api, Policies.CaseWork);
        cases.MapGet("", List).WithSummary("My cases (case bringer or at the table), overdue first; keyset pagination with 'cursor'.");
        cases.MapGet("/neighbourhood", async (string? cursor, int? limit, HttpContext http, CaseLists lists, CaseAccess access, CancellationToken ct) =>
            {
                var page = await lists.InMyNeighbourhoodsAsync(http.User.StaffId() ?? Guid.Empty, cursor, limit ?? CaseLists.PageSize, ct);
                await access.LogAsync(http, null, null, AuditAction.List, $"casussen in de wijk ({page.Items.Count})", ct);
                return TypedResults.Ok(page);
            })
            .RequireAuthorization(Policies.Coordination)
            .WithSummary("For the coordinator: the open cases of his neighbourhoods, late first, without names. Opening one he is not on needs a reason.");
        cases.MapPost("", Signal).WithSummary("Signal a case (casus aanbrengen): the caller becomes the case bringer; the six-week clock starts.");

        var one = cases.MapGroup("/{id:guid}").WithCaseAccessCheck();
        one.MapGet("", Get).RequireCaseAccess(CaseAccessLevel.Read, AuditAction.Read, "dossier")
            .WithSummary("The case file: the three questions, the table, the plan, deviations and bottlenecks, the six-week clock.");
        one.MapGet("/history", History).RequireCaseAccess(CaseAccessLevel.Read, AuditAction.Read, "geschiedenis")
            .WithSummary("Every change, newest first; page with 'before' (a version).");
        one.MapPost("/resident", RectifyResident).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "bewoner")
            .WithSummary("Rectify the resident's details (name, birth date, address, phone, e-mail); the case history keeps what was there before.");
        one.MapPost("/consents", RecordConsent).RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "toestemming")
            .WithSummary("Record what the resident agreed to: sharing his file with an organisation, for a purpose, until a date (or until he withdraws).");
        one.MapPost("/consents/{consentId:guid}/withdrawal", WithdrawConsent).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "toestemming")
            .WithSummary("The resident withdraws a consent: from the next request on, professionals of that organisation at the table cannot open the file.");
        one.MapPost("/resident-invitation", async (HttpContext http, Accounts.ResidentInvitations invitations, CancellationToken ct) =>
                TypedResults.Ok(await invitations.IssueAsync(http, http.CaseDecision(), ct)))
            .RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "uitnodiging")
            .WithSummary("A one-time code (valid 14 days) with which the resident makes his own sign-in at /uitnodiging; a new code ends the old one. Shown once.");
        one.MapGet("/access-log", async (HttpContext http, AccessLog log, CancellationToken ct) => TypedResults.Ok(await log.ForCaseAsync(http.CaseDecision(), ct)))
            .RequireCaseAccess(CaseAccessLevel.Read, AuditAction.Read, "logboek")
            .WithSummary("Who looked at this case, newest first, with break-the-glass reasons: to show the resident at his request.");
        one.MapGet("/answers/{question}", AnswerHistory).RequireCaseAccess(CaseAccessLevel.Read, AuditAction.Read, "vragen")
            .WithSummary("All answers to one question (Want, Can, Need), newest first.");
        one.MapPost("/answers", Answer).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "vragen")
            .WithSummary("Answer or update one of the three questions; the old answer stays in the history.");
        one.MapPost("/network", AddNetworkMember).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "netwerk")
            .WithSummary("Someone from the resident's own circle whom he wants at the table.");
        one.MapPost("/meetings", PlanMeeting).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "tafel")
            .WithSummary("Plan the MDO: at the resident's home, or elsewhere with a reason.");
        one.MapGet("/meetings/suggestions", Suggest).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Read, "tafel")
            .WithSummary("Professionals in this neighbourhood whose organisation helps with the case's life domains.");
        one.MapPost("/meetings/{meetingId:guid}/participants", Propose).RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "tafel")
            .WithSummary("Propose a professional for the table; he comes only if the resident agrees.");
        one.MapPost("/meetings/{meetingId:guid}/participants/{participantId:guid}/agreement", RecordAgreement).RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "tafel")
            .WithSummary("Record the resident's answer: may this professional come to his table?");
        one.MapPost("/meetings/{meetingId:guid}/participants/{participantId:guid}/invitation", Invite).RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "tafel")
            .WithSummary("Invite a professional the resident agreed to.");
        one.MapPost("/members/{staffMemberId:guid}/withdrawal", Withdraw).RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "tafel")
            .WithSummary("The resident no longer wants this professional on his case: from now on he cannot open it.");
        one.MapPost("/meetings/{meetingId:guid}/held", MeetingHeld).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "tafel")
            .WithSummary("The MDO was held: who was there, what was decided, whether the plan is agreed by all.");
        one.MapPost("/actions", AddAction).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "plan")
            .WithSummary("Add an action (or the resident's contribution) to the plan.");
        one.MapPost("/actions/{actionId:guid}/status", ActionStatusChange).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "plan")
            .WithSummary("Planned, in progress, done, or dropped with a reason.");
        one.MapPost("/actions/{actionId:guid}/worth-sharing", WorthSharing).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "plan")
            .WithSummary("Mark a solution as worth sharing at the next learning session, with why; the session's proposed agenda lists it.");
        one.MapPost("/no-contribution", NoContribution).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "plan")
            .WithSummary("Record why the resident makes no contribution.");
        one.MapPost("/deviations", Deviate).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "afwijkingen")
            .WithSummary("Record a deviation from a rule, and the manager asked to back it.");
        one.MapPost("/bottlenecks", Bottleneck).RequireCaseAccess(CaseAccessLevel.Work, AuditAction.Change, "knelpunten")
            .WithSummary("Record a bottleneck the case ran into.");
        one.MapPost("/handover", HandOver).RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "casus")
            .WithSummary("Hand the case over to another professional, who becomes the case bringer.");
        one.MapPost("/transitions", Transition).RequireCaseAccess(CaseAccessLevel.Lead, AuditAction.Change, "casus")
            .WithSummary("Move the case on: SolutionCarriedOut, Evaluated (with text), Closed, Reopened (with reason).");
        return endpoints;
    }

    public sealed record Changed(Guid CaseId, int Version, Guid? CreatedId = null);

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
        LifeDomains[]? Domains, bool WithResident);

    public sealed record NetworkRequest(int Version,
        [property: Required(ErrorMessage = "Geef de naam."), StringLength(200)] string Name,
        [property: Required(ErrorMessage = "Geef aan wie dit is voor de bewoner."), StringLength(100)] string Relation,
        [property: StringLength(40)] string? Phone);

    public sealed record MeetingRequest(int Version, DateTimeOffset PlannedAt, bool AtHome,
        [property: Required(ErrorMessage = "Geef aan waar het MDO is."), StringLength(300)] string Place,
        [property: StringLength(1000)] string? ReasonNotAtHome);

    public sealed record ProposeRequest(int Version, Guid StaffMemberId);

    public sealed record AgreementRequest(int Version, bool Agreed);

    public sealed record VersionRequest(int Version);

    public sealed record HeldRequest(int Version, Guid[]? Attended,
        [property: Required(ErrorMessage = "Schrijf op wat er is besloten."), StringLength(8000)] string Decisions,
        bool PlanAgreedByAll);

    public sealed record ActionRequest(int Version,
        [property: Required(ErrorMessage = "Beschrijf wat er gebeurt."), StringLength(1000)] string What,
        Carrier Carrier, Guid? CarrierStaffMemberId, Guid? CarrierOrganisationId, [property: StringLength(300)] string? CarrierName,
        LawDomain LawDomain, [property: Range(0, 1_000_000, ErrorMessage = "Geef een bedrag tussen 0 en 1.000.000 euro.")] decimal? ExpectedCost,
        [property: Required(ErrorMessage = "Geef de datum waarop de actie klaar moet zijn.")] DateOnly? DueDate, bool IsContribution,
        Neighbourhoods.Services Service = Neighbourhoods.Services.None, Guid? InitiativeId = null);

    public sealed record ActionStatusRequest(int Version, ActionStatus Status, [property: StringLength(1000)] string? DropReason);

    public sealed record WorthSharingRequest(int Version,
        [property: Required(ErrorMessage = "Schrijf op waarom deze oplossing de moeite waard is om te delen."), StringLength(2000)] string Why);

    public sealed record ReasonRequest(int Version, [property: Required(ErrorMessage = "Geef de reden."), StringLength(2000)] string Reason);

    public sealed record DeviationRequest(int Version,
        [property: Required(ErrorMessage = "Geef de regel."), StringLength(500)] string Rule,
        [property: Required(ErrorMessage = "Geef aan waarom."), StringLength(4000)] string Reason,
        [property: Required(ErrorMessage = "Geef aan wat het anders had gekost of veroorzaakt."), StringLength(4000)] string Otherwise,
        [property: Range(0, 10_000_000, ErrorMessage = "Geef een bedrag tussen 0 en 10.000.000 euro.")] decimal? OtherwiseCost,
        Guid ManagerId, LawDomain LawDomain = LawDomain.Other);

    public sealed record BottleneckRequest(int Version, BottleneckCategory Category,
        [property: Required(ErrorMessage = "Beschrijf het knelpunt."), StringLength(4000)] string Description, LawDomain LawDomain = LawDomain.Other);

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

    public sealed record ConsentRequest(int Version, Guid OrganisationId,
        [property: Required(ErrorMessage = "Geef het doel."), StringLength(1000)] string Purpose, DateOnly? ValidUntil);

    public sealed record ConsentWithdrawalRequest(int Version, [property: StringLength(2000)] string? Reason);

    public sealed record WithdrawRequest(int Version, [property: Required(ErrorMessage = "Geef de reden."), StringLength(2000)] string Reason);

    public enum TransitionTarget
    {
        SolutionCarriedOut,
        Evaluated,
        Closed,
        Reopened,
    }

    public sealed record TransitionRequest(int Version, TransitionTarget To, [property: StringLength(4000)] string? Text);

    private static async Task<Ok<CasePage>> List(bool? closed, CaseStatus? status, LifeDomains? domain, string? q, string? cursor, int? limit,
        HttpContext http, CaseLists lists, CaseAccess access, CancellationToken ct)
    {
        var page = await lists.MineAsync(http.User.StaffId() ?? Guid.Empty, new CaseFilter(closed ?? false, status, domain, q), cursor, limit ?? CaseLists.PageSize, ct);
        await access.LogListAsync(http, [.. page.Items.Select(i => (i.Id, i.ResidentId))], "casuslijst", "mijn casussen (0)", ct);
        return TypedResults.Ok(page);
    }

    private static async Task<Created<CaseFile>> Signal(SignalRequest request, HttpContext http, CaseWork work, CaseFiles files, CancellationToken ct)
    {
        var @case = await work.SignalAsync(http, new SignalCase(request.NeighbourhoodId!.Value, request.GivenName, request.FamilyNamePrefix, request.FamilyName,
            request.DateOfBirth!.Value, request.Street, request.HouseNumber, request.PostalCode, request.Town, request.Description, request.Source, request.SourceDetail), ct);
        return TypedResults.Created($"/api/cases/{@case.Id}", await files.GetAsync(@case.Id, ct));
    }

    private static async Task<Ok<CaseFile>> Get(HttpContext http, CaseFiles files, CancellationToken ct) =>
        TypedResults.Ok((await files.GetAsync(http.CaseDecision().CaseId, ct))!);

    private static async Task<Ok<IReadOnlyList<HistoryEntry>>> History(int? before, int? limit, HttpContext http, CaseFiles files, CancellationToken ct) =>
        TypedResults.Ok(await files.HistoryAsync(http.CaseDecision().CaseId, before, limit ?? 50, ct));

    private static async Task<Ok<IReadOnlyList<AnswerView>>> AnswerHistory(Question question, HttpContext http, CaseFiles files, CancellationToken ct) =>
        TypedResults.Ok(await files.AnswerHistoryAsync(http.CaseDecision().CaseId, question, ct));

    private static async Task<Ok<Changed>> Answer(AnswerRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var domains = (request.Domains ?? []).Aggregate(LifeDomains.None, (all, d) => all | d);
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.Answer(request.Question, request.Text, domains, request.WithResident, by, now), ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Changed>> AddNetworkMember(NetworkRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => created = c.AddNetworkMember(request.Name, request.Relation, request.Phone, by, now).Id, ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<Changed>> PlanMeeting(MeetingRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, async (c, by, now) =>
            created = c.PlanMeeting(request.PlannedAt.UtcDateTime, request.AtHome, request.Place, request.ReasonNotAtHome, await work.ResidentNameAsync(c, ct), by, now).Id, ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<IReadOnlyList<SuggestedProfessional>>> Suggest(HttpContext http, Suggestions suggestions, CancellationToken ct) =>
        TypedResults.Ok(await suggestions.ForCaseAsync(http.CaseDecision().CaseId, ct));

    private static async Task<Ok<Changed>> Propose(Guid meetingId, ProposeRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var professional = await work.StaffMemberAsync(request.StaffMemberId, ct);
        var organisation = (await work.OrganisationAsync(professional.OrganisationId, ct))?.Name;
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => created = c.ProposeProfessional(meetingId, professional, organisation, by, now).Id, ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<Changed>> RecordAgreement(Guid meetingId, Guid participantId, AgreementRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.RecordAgreement(meetingId, participantId, request.Agreed, by, now), ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Changed>> Invite(Guid meetingId, Guid participantId, VersionRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.Invite(meetingId, participantId, by, now), ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Changed>> MeetingHeld(Guid meetingId, HeldRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version,
            (c, by, now) => c.RecordMeetingHeld(meetingId, (request.Attended ?? []).ToHashSet(), request.Decisions, request.PlanAgreedByAll, by, now), ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Changed>> AddAction(ActionRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var staff = request.CarrierStaffMemberId is { } staffId ? await work.StaffMemberAsync(staffId, ct) : null;
        var organisation = await work.OrganisationAsync(request.CarrierOrganisationId ?? staff?.OrganisationId, ct);
        var initiative = request.Carrier == Carrier.CollectiveInitiative ? await work.InitiativeAsync(request.InitiativeId, ct) : null;
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, async (c, by, now) => created = c.AddAction(
            request.What, new ActionCarrier(request.Carrier, request.CarrierStaffMemberId, request.CarrierOrganisationId, request.CarrierName, request.Service),
            staff, organisation, request.LawDomain, request.ExpectedCost, request.DueDate!.Value, request.IsContribution, await work.ResidentNameAsync(c, ct), by, now, initiative).Id, ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<Changed>> ActionStatusChange(Guid actionId, ActionStatusRequest request, HttpContext http, CaseWork work, Budget.Financing financing, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.ChangeActionStatus(actionId, request.Status, request.DropReason, by, now), ct);
        if (request.Status == ActionStatus.Dropped)
        {
            // After the case is saved: what the budget reserved for the dropped action goes back to the room.
            await financing.ReleaseDroppedAsync(actionId, http.CaseDecision().Actor, ct);
        }

        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Changed>> WorthSharing(Guid actionId, WorthSharingRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.MarkWorthSharing(actionId, request.Why, by, now), ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Changed>> NoContribution(ReasonRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.RecordNoContributionReason(request.Reason, by, now), ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Changed>> Deviate(DeviationRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var manager = await work.StaffMemberAsync(request.ManagerId, ct);
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version,
            (c, by, now) => created = c.RecordDeviation(request.Rule, request.LawDomain, request.Reason, request.Otherwise, request.OtherwiseCost, manager, by, now).Id, ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<Changed>> Bottleneck(BottleneckRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => created = c.RecordBottleneck(request.Category, request.LawDomain, request.Description, by, now).Id, ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<Changed>> RectifyResident(ResidentRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, async (c, by, now) => c.RectifyResident(
            await work.ResidentAsync(c.ResidentId, ct), request.ResidentVersion, new PersonName(request.GivenName, request.FamilyNamePrefix, request.FamilyName), request.DateOfBirth!.Value,
            new Address(request.Street, request.HouseNumber, request.PostalCode, request.Town), request.Phone, request.Email, by, now), ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Changed>> RecordConsent(ConsentRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var organisation = await work.OrganisationAsync(request.OrganisationId, ct);
        Guid created = default;
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => created = c.RecordConsent(organisation!, request.Purpose, request.ValidUntil, by, now).Id, ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version, created));
    }

    private static async Task<Ok<Changed>> WithdrawConsent(Guid consentId, ConsentWithdrawalRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.WithdrawConsent(consentId, request.Reason, by, now), ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Changed>> HandOver(HandOverRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var next = await work.StaffMemberAsync(request.StaffMemberId, ct);
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.HandOverTo(next, by, now), ct);
        return TypedResults.Ok(new Changed(@case.Id, @case.Version));
    }

    private static async Task<Ok<Changed>> Withdraw(Guid staffMemberId, WithdrawRequest request, HttpContext http, CaseWork work, CancellationToken ct)
    {
        var @case = await work.ChangeAsync(http.CaseDecision(), request.Version, (c, by, now) => c.WithdrawProfessional(staffMemberId, request.Reason, by, now), ct);
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
