using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Effects;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Residents;

/// <summary>
/// The resident's own pages over JSON (issue 19, part 6), for a municipality's resident portal or app: everything his pages
/// let him do, by the same services and so by the same rules. Someone he lets look along names the consent he acts under in
/// <c>for</c> (the pages' <c>voor</c>); without a consent that stands now, he gets 404. The pages: /mijn/tafel, /mijn/toestemming,
/// /mijn/meekijken, /mijn/gegevens, and /uitnodiging (here /api/v1/auth/resident-invitation, open to anyone like the other
/// sign-in steps). Who looked is <c>/api/v1/me/access-log</c> (<see cref="AccessApi"/>).
/// </summary>
public static class ResidentsApi
{
    private const string ForDescription =
        "For someone who looks along: the id of the resident's consent he acts under (the pages' 'voor'). Without it: the caller's own.";

    public static IEndpointRouteBuilder MapResidentsApi(this IEndpointRouteBuilder endpoints)
    {
        // Open to anyone, so with the other sign-in steps under /auth (nothing under /me is open).
        var anyone = endpoints.MapGroup("/api/v1/auth").WithTags("Residents").AllowAnonymous();
        anyone.MapPost("/resident-invitation", Redeem).WithMetadata(new SignInLimitedAttribute())
            .WithSummary("The resident redeems the code from his professional with his date of birth: his own sign-in (or a new password). "
                + "Without an e-mail address a sign-in name is made for him, given once in this answer.");

        var me = endpoints.MapGroup("/api/v1/me").WithTags("Residents").RequireAuthorization(Policies.Api, Policies.Resident)
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapGet("/looking-along", LookingAlong)
            .WithSummary("The residents the caller looks along with, each with the consent to name in 'for'.");
        me.MapGet("/table", Table)
            .WithSummary("His kitchen table: his three questions, the next meeting and who comes, his plan and contribution, the six weeks.");
        me.MapPost("/table/meetings/{meetingId:guid}/participants/{participantId:guid}/agreement", Agree)
            .WithSummary("He says yes or no to a professional proposed for his table; no ends that professional's work on his case.");
        me.MapPost("/table/network", Invite)
            .WithSummary("He invites someone of his own to his table: they join his network and the planned meeting.");
        me.MapPost("/table/answers", Answer)
            .WithSummary("He changes one of his three answers in his own words; the earlier answer stays in the history.");
        me.MapPost("/table/wellbeing", GiveMark)
            .WithSummary("He gives his wellbeing mark (1 to 10) at the moment it is asked of him (see wellbeingAsked on his table).");
        me.MapGet("/consents", Consents)
            .WithSummary("With whom his files are shared, for what and until when, per case.");
        me.MapPost("/cases/{caseId:guid}/consents/{consentId:guid}/withdrawal", WithdrawConsent)
            .WithSummary("He withdraws a consent; it counts from the next request on, whatever the team changed meanwhile.");
        me.MapGet("/trusted-people", TrustedPeopleOf)
            .WithSummary("For the resident himself: the people he lets look along, and those he stopped.");
        me.MapGet("/trusted-people/{trustedPersonId:guid}", TrustedPerson)
            .WithSummary("For the resident himself: one person he lets look along.");
        me.MapPost("/trusted-people", Trust).NotKeptForRepeats()
            .WithSummary("For the resident himself: let someone look along. The code to hand over is given once in this answer.");
        me.MapPost("/trusted-people/{trustedPersonId:guid}/withdrawal", StopTrust)
            .WithSummary("For the resident himself: stop someone looking along, from his very next request on.");
        me.MapGet("/data", Data)
            .WithSummary("Everything Keukentafel holds about him (AVG art. 15 and 20): details, cases with their history, who looks along, who looked.");
        return endpoints;
    }

    public sealed record InvitationRequest(
        [property: Required(ErrorMessage = "Vul de code in die u kreeg."), StringLength(40)] string Code,
        [property: Required(ErrorMessage = "Vul uw geboortedatum in.")] DateOnly? DateOfBirth,
        [property: StringLength(256), EmailAddress(ErrorMessage = "Dit is geen e-mailadres. Kijk of u het goed heeft ingevuld.")] string? Email,
        [property: Required(ErrorMessage = "Kies een wachtwoord."), StringLength(200)] string Password);

    /// <summary>His sign-in: what he signs in with (his e-mail address, or the sign-in name made for him), to keep.</summary>
    public sealed record Redemption(Guid ResidentId, string SignInName, string? Email);

    public sealed record AgreementRequest(int Version, [property: Required(ErrorMessage = "Zeg ja of nee.")] bool? Agreed);

    public sealed record InviteRequest(int Version,
        [property: Required(ErrorMessage = "Schrijf de naam op."), StringLength(200)] string Name,
        [property: Required(ErrorMessage = "Schrijf op wie dit is voor u. Bijvoorbeeld: mijn buurvrouw."), StringLength(100)] string Relation);

    public sealed record AnswerRequest(int Version,
        [property: Required(ErrorMessage = "Kies de vraag: Want, Can of Need.")] Question? Question,
        [property: Required(ErrorMessage = "Schrijf hier uw antwoord."), StringLength(8000)] string Text);

    public sealed record MarkRequest(int Version,
        [property: Required(ErrorMessage = "Kies een cijfer van 1 tot en met 10."),
            Range(1, 10, ErrorMessage = "Kies een cijfer van 1 tot en met 10.")] int? Mark);

    public sealed record TrustRequest(
        [property: Required(ErrorMessage = "Schrijf de naam op van wie met u meekijkt."), StringLength(200)] string Name,
        [property: Required(ErrorMessage = "Schrijf op wie dit is voor u. Bijvoorbeeld: mijn dochter."), StringLength(100)] string Relation,
        bool Consent);

    /// <summary>A change to his case: what changed, and the case's new version for his next change.</summary>
    public sealed record TableChange<T>(Guid CaseId, int Version, T Changed);

    public sealed record WellbeingGiven(MeasurementMoment Moment, int Mark);

    /// <summary>Someone he lets look along, with the code to hand him: given once, here.</summary>
    public sealed record Trusted(TrustedPersonView Person, string Code);

    private static async Task<Ok<Redemption>> Redeem(InvitationRequest request, HttpContext http, ResidentInvitations invitations,
        SignInManager<Account> signIn, CaseAccess access, EmailConfirmations confirmations, CancellationToken ct)
    {
        var redeemed = await invitations.RedeemAsync(request.Code, request.DateOfBirth, request.Email, request.Password, ct);
        http.User = await signIn.CreateUserPrincipalAsync(redeemed.Account); // the audit log names him, as the page's does
        await access.LogAsync(redeemed.CaseId, redeemed.ResidentId, AuditAction.Change, ResidentInvitations.RedeemedPart, ct);
        await confirmations.SendAsync(redeemed.Account, http.Request, ct);
        return TypedResults.Ok(new Redemption(redeemed.ResidentId, redeemed.Account.UserName!, redeemed.Account.Email));
    }

    private static async Task<Ok<Page<LookingAlong>>> LookingAlong(string? cursor, [Range(1, Pages.MaxLimit)] int? limit, ClaimsPrincipal user,
        TrustedPeople trusted,
        CancellationToken ct) =>
        TypedResults.Ok(Pages.Of(await trusted.AlongWithAsync(user, ct), l => l.Grant.ToString(), cursor, limit));

    private static async Task<Ok<MyTable>> Table([Description(ForDescription)] Guid? @for, TrustedPeople trusted, ResidentTable table,
        CancellationToken ct)
    {
        var whose = await WhoseAsync(trusted, @for, ResidentTable.ReadPart, AuditAction.Read, ct);
        var (file, asked) = await table.ReadAsync(whose.ResidentId, ct) ?? throw new NotYoursException();
        return TypedResults.Ok(table.View(file, asked));
    }

    private static async Task<Ok<TableChange<MyParticipant>>> Agree(Guid meetingId, Guid participantId, AgreementRequest request,
        [Description(ForDescription)] Guid? @for, TrustedPeople trusted, ResidentTable table, CancellationToken ct)
    {
        var (whose, caseId) = await TableOfAsync(trusted, table, @for, ResidentTable.AgreementPart, ct);
        var (@case, participant) = await table.AgreeAsync(whose, caseId, request.Version, meetingId, participantId, request.Agreed!.Value, ct);
        return TypedResults.Ok(new TableChange<MyParticipant>(@case.Id, @case.Version, participant));
    }

    private static async Task<Created<TableChange<NetworkView>>> Invite(InviteRequest request, [Description(ForDescription)] Guid? @for,
        TrustedPeople trusted, ResidentTable table, CancellationToken ct)
    {
        var (whose, caseId) = await TableOfAsync(trusted, table, @for, ResidentTable.InvitePart, ct);
        var (@case, member) = await table.InviteAsync(whose, caseId, request.Version, request.Name, request.Relation, ct);
        return TypedResults.Created(@for is { } grant ? $"/api/v1/me/table?for={grant}" : "/api/v1/me/table",
            new TableChange<NetworkView>(@case.Id, @case.Version, new NetworkView(member.Id, member.Name, member.Relation, member.Phone)));
    }

    private static async Task<Ok<TableChange<MyAnswer>>> Answer(AnswerRequest request, [Description(ForDescription)] Guid? @for,
        TrustedPeople trusted, ResidentTable table, CancellationToken ct)
    {
        var (whose, caseId) = await TableOfAsync(trusted, table, @for, ResidentTable.AnswerPart, ct);
        var (@case, answer) = await table.AnswerAsync(whose, caseId, request.Version, request.Question!.Value, request.Text, ct);
        return TypedResults.Ok(new TableChange<MyAnswer>(@case.Id, @case.Version, answer));
    }

    private static async Task<Ok<TableChange<WellbeingGiven>>> GiveMark(MarkRequest request, [Description(ForDescription)] Guid? @for,
        TrustedPeople trusted, ResidentTable table, CancellationToken ct)
    {
        var (whose, caseId) = await TableOfAsync(trusted, table, @for, ResidentTable.WellbeingPart, ct);
        var (@case, moment) = await table.GiveMarkAsync(whose, caseId, request.Version, request.Mark!.Value, ct);
        return TypedResults.Ok(new TableChange<WellbeingGiven>(@case.Id, @case.Version, new WellbeingGiven(moment, request.Mark.Value)));
    }

    private static async Task<Ok<Page<MyCaseConsents>>> Consents([Description(ForDescription)] Guid? @for, string? cursor,
        [Range(1, Pages.MaxLimit)] int? limit,
        TrustedPeople trusted, ResidentConsents consents, CancellationToken ct)
    {
        var whose = await WhoseAsync(trusted, @for, ResidentConsents.Part, AuditAction.Read, ct);
        return TypedResults.Ok(Pages.Of(await consents.OfAsync(whose.ResidentId, ct), c => c.CaseId.ToString(), cursor, limit));
    }

    private static async Task<Ok<TableChange<ConsentView>>> WithdrawConsent(Guid caseId, Guid consentId, [Description(ForDescription)] Guid? @for,
        TrustedPeople trusted, ResidentConsents consents, CancellationToken ct)
    {
        var whose = await WhoseAsync(trusted, @for, ResidentConsents.Part, AuditAction.Change, ct);
        var (@case, consent) = await consents.WithdrawAsync(whose, caseId, consentId, ct);
        return TypedResults.Ok(new TableChange<ConsentView>(@case.Id, @case.Version, consent));
    }

    private static async Task<Ok<Page<TrustedPersonView>>> TrustedPeopleOf(string? cursor, [Range(1, Pages.MaxLimit)] int? limit, ClaimsPrincipal user,
        TrustedPeople trusted, CaseAccess access, CancellationToken ct)
    {
        var people = await trusted.OfAsync(OwnResident(user), ct);
        await access.LogAsync(null, OwnResident(user), AuditAction.Read, TrustedPeople.Part, ct);
        return TypedResults.Ok(Pages.Of(people, t => t.Id.ToString(), cursor, limit));
    }

    private static async Task<Ok<TrustedPersonView>> TrustedPerson(Guid trustedPersonId, ClaimsPrincipal user, TrustedPeople trusted,
        CaseAccess access, CancellationToken ct)
    {
        var person = (await trusted.OfAsync(OwnResident(user), ct)).SingleOrDefault(t => t.Id == trustedPersonId) ?? throw new NotYoursException();
        await access.LogAsync(null, OwnResident(user), AuditAction.Read, TrustedPeople.Part, ct);
        return TypedResults.Ok(person);
    }

    private static async Task<Created<Trusted>> Trust(TrustRequest request, ClaimsPrincipal user, TrustedPeople trusted, CancellationToken ct)
    {
        var resident = OwnResident(user);
        var (consent, code) = await trusted.GiveAsync(resident, request.Name, request.Relation, request.Consent, ct);
        var person = (await trusted.OfAsync(resident, ct)).Single(t => t.Id == consent.Id);
        return TypedResults.Created($"/api/v1/me/trusted-people/{consent.Id}", new Trusted(person, code));
    }

    private static async Task<Ok<TrustedPersonView>> StopTrust(Guid trustedPersonId, ClaimsPrincipal user, TrustedPeople trusted, CancellationToken ct)
    {
        var resident = OwnResident(user);
        if (!await trusted.WithdrawAsync(resident, trustedPersonId, ct))
        {
            throw new NotYoursException();
        }

        return TypedResults.Ok((await trusted.OfAsync(resident, ct)).Single(t => t.Id == trustedPersonId));
    }

    private static async Task<Ok<ResidentExportData>> Data([Description(ForDescription)] Guid? @for, TrustedPeople trusted, ResidentExport export,
        CaseAccess access, CancellationToken ct)
    {
        var whose = await WhoseAsync(trusted, @for, ResidentExport.Part, AuditAction.Read, ct);
        var data = await export.BuildAsync(whose.ResidentId, ct) ?? throw new NotYoursException();
        await access.LogAsync(null, whose.ResidentId, AuditAction.Export, ResidentExport.Part, ct);
        return TypedResults.Ok(data);
    }

    /// <summary>Whose pages: his own, or with <c>for</c> those of the resident whose consent that is, while it stands; else 404 (and logged).</summary>
    private static async Task<PagesOf> WhoseAsync(TrustedPeople trusted, Guid? @for, string part, AuditAction action, CancellationToken ct) =>
        await trusted.WhoseAsync(@for, part, ct, action) ?? throw new NotYoursException();

    /// <summary>Whose table a change is on: his own current case, or that of the resident he looks along with.</summary>
    private static async Task<(PagesOf Whose, Guid CaseId)> TableOfAsync(TrustedPeople trusted, ResidentTable table, Guid? @for, string part,
        CancellationToken ct)
    {
        var whose = await WhoseAsync(trusted, @for, part, AuditAction.Change, ct);
        return (whose, await table.CaseOfAsync(whose.ResidentId, ct) ?? throw new NotYoursException());
    }

    /// <summary>Only the resident himself manages who looks along: someone looking along cannot add others.</summary>
    private static Guid OwnResident(ClaimsPrincipal user) => user.ResidentOf() ?? throw new NotYoursException();
}
