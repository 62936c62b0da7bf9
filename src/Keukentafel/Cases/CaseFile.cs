using Keukentafel.Data;
using Keukentafel.Meetings;
using Keukentafel.Plans;
using Microsoft.EntityFrameworkCore;
using static Keukentafel.Cases.CaseFileParts;

namespace Keukentafel.Cases;

/// <summary>A case file as the team reads it (pages and API alike). Built only after the case access check.</summary>
public sealed record CaseFile(
    Guid Id, string Number, int Version, CaseStatus Status, string StatusText, string NextStep,
    CaseResident Resident, Guid NeighbourhoodId, string Neighbourhood,
    string Description, CaseSource Source, string? SourceDetail, DateTime SignalledAtUtc,
    DateOnly Deadline, int? DaysLeft, bool Overdue, bool? SolvedWithinSixWeeks, string SixWeeksText,
    Guid CaseBringerId, string CaseBringer, LifeDomains LifeDomains, IReadOnlyList<TeamMemberView> Team,
    IReadOnlyList<AnswerView> Answers, IReadOnlyList<NetworkView> Network, IReadOnlyList<MeetingView> Meetings,
    IReadOnlyList<ActionView> Actions, IReadOnlyList<DeviationView> Deviations, IReadOnlyList<BottleneckView> Bottlenecks,
    string? NoContributionReason, string? Evaluation, DateTime? SolutionCarriedOutAtUtc, DateTime? ClosedAtUtc,
    IReadOnlyList<Privacy.ConsentView> Consents)
{
    public MeetingView? PlannedMeeting => Meetings.FirstOrDefault(m => m.Status == MeetingStatus.Planned);

    public bool HasContribution => Actions.Any(a => a.IsContribution && a.Status != ActionStatus.Dropped);

    public bool IsOpenCase => Status != CaseStatus.Closed;
}

/// <summary>The resident as the file shows him; <see cref="Version"/> goes with a rectification, so two corrections at once are noticed.</summary>
public sealed record CaseResident(Guid Id, string Name, DateOnly DateOfBirth, string Address, string? Phone, int Version);

public sealed record AnswerView(Question Question, string QuestionText, string? Text, LifeDomains Domains, bool WithResident, string? WrittenBy,
    DateTime? WrittenAtUtc, int Versions);

/// <summary>A professional who works on the case now: the case bringer, or someone at the table.</summary>
public sealed record TeamMemberView(Guid StaffMemberId, string Name, string? Organisation, CaseRole Role);

public sealed record NetworkView(Guid Id, string Name, string Relation, string? Phone);

public sealed record MeetingView(
    Guid Id, DateTime PlannedAtUtc, bool AtHome, string Place, string? ReasonNotAtHome, MeetingStatus Status,
    DateTime? HeldAtUtc, string? Decisions, bool PlanAgreedByAll, IReadOnlyList<ParticipantView> Participants);

/// <summary>
/// Someone at the table: a professional with his organisation, or the resident or one of his own people with how they
/// relate to him (relation: "bewoner", "dochter"), never as an organisation.
/// </summary>
public sealed record ParticipantView(
    Guid Id, ParticipantKind Kind, string Name, string? Organisation, Guid? StaffMemberId, Agreement Agreement, string AgreementText,
    DateTime? InvitedAtUtc, bool? Attended, Guid? OrganisationId, string? Relation)
{
    /// <summary>A professional proposed for the meeting who waits for the resident's yes or no (core rule 3).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool WaitsForResident => Kind == ParticipantKind.Professional && Agreement == Agreement.Pending;
}

/// <summary>An action of the plan, with who carries it: the name shown, and the staff member, organisation or kind of help.</summary>
public sealed record ActionView(
    Guid Id, string What, Carrier Carrier, string CarrierName, LawDomain LawDomain, decimal? ExpectedCost, DateOnly DueDate,
    ActionStatus Status, string StatusText, string? DropReason, bool IsContribution, string? WorthSharing, Guid? InitiativeId,
    Guid? CarrierStaffMemberId, Guid? CarrierOrganisationId, Neighbourhoods.Services Service);

public sealed record DeviationView(Guid Id, string Rule, Plans.LawDomain LawDomain, string Reason, string Otherwise, decimal? OtherwiseCost, Guid ManagerId,
    string Manager, string RecordedBy, DateTime RecordedAtUtc, DateTime? BackedAtUtc);

public sealed record BottleneckView(Guid Id, BottleneckCategory Category, string CategoryText, Plans.LawDomain LawDomain, string Description, string RecordedBy,
    DateTime RecordedAtUtc);

public sealed record HistoryEntry(int Version, DateTime AtUtc, string Actor, string Kind, string Summary, string? Before, string? After);

/// <summary>Reads case files and their history.</summary>
public sealed class CaseFiles(KeukentafelDbContext db, TimeProvider time)
{
    /// <summary>
    /// The file in two round trips: the case with its resident, neighbourhood and case bringer, then all its parts in
    /// one statement (<see cref="CaseFileParts"/>). The case is read first, so the parts are never older than the
    /// version shown: an edit sent with it is at worst refused as a clash, never written over newer parts.
    /// </summary>
    public async Task<CaseFile?> GetAsync(Guid id, CancellationToken ct)
    {
        var head = await HeadQuery(db, id).SingleOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        var parts = (await ReadAsync(db, id, ct)).ToLookup(p => p.Kind);
        var c = head.Case;
        var today = DutchTime.Today(time);
        var bringer = head.BringerOrganisation is null ? head.Bringer.Display : $"{head.Bringer.Display} ({head.BringerOrganisation})";
        return new CaseFile(
            c.Id, c.Number, c.Version, c.Status, c.Status.Dutch(), c.Status.NextStep(),
            new CaseResident(head.ResidentId, head.ResidentName.Display, head.DateOfBirth, head.Address.ToString(), head.Phone, head.ResidentVersion),
            c.NeighbourhoodId, head.Neighbourhood, c.Description, c.Source, c.SourceDetail, c.SignalledAtUtc,
            c.Deadline, c.DaysLeft(today), c.IsOverdue(today), c.SolvedWithinSixWeeks(today), SixWeeks.Text(c, today),
            c.CaseBringerId, bringer, c.LifeDomains, Team(parts[Kind.Team]), Answers(parts[Kind.Answer]),
            [.. parts[Kind.Network].Select(Network).OrderBy(n => n.Id)], MeetingViews(parts[Kind.Meeting], parts[Kind.Participant]),
            [.. parts[Kind.Action].Select(Action).OrderBy(a => a.IsContribution).ThenBy(a => a.DueDate).ThenBy(a => a.Id)],
            [.. parts[Kind.Deviation].Select(Deviation).OrderBy(d => d.RecordedAtUtc)],
            [.. parts[Kind.Bottleneck].Select(Bottleneck).OrderBy(b => b.RecordedAtUtc)],
            c.NoContributionReason, c.Evaluation, c.SolutionCarriedOutAtUtc, c.ClosedAtUtc,
            [.. parts[Kind.Consent].Select(k => Consent(k, today)).OrderByDescending(k => k.Active).ThenByDescending(k => k.GivenAtUtc)]);
    }

    /// <summary>The first round trip of <see cref="GetAsync"/>: the case with its resident, neighbourhood and case bringer.</summary>
    internal static IQueryable<CaseHead> HeadQuery(KeukentafelDbContext db, Guid id) =>
        from x in db.Cases.AsNoTracking()
        where x.Id == id
        join r in db.Residents on x.ResidentId equals r.Id
        join n in db.Neighbourhoods on x.NeighbourhoodId equals n.Id
        join s in db.StaffMembers on x.CaseBringerId equals s.Id
        select new CaseHead
        {
            Case = x,
            ResidentId = r.Id,
            ResidentName = r.Name,
            DateOfBirth = r.DateOfBirth,
            Address = r.Address,
            Phone = r.Phone,
            ResidentVersion = r.Version,
            Neighbourhood = n.Name,
            Bringer = s.Name,
            BringerOrganisation = s.Organisation == null ? null : s.Organisation.Name,
        };

    internal sealed class CaseHead
    {
        public required Case Case { get; init; }
        public Guid ResidentId { get; init; }
        public required Neighbourhoods.PersonName ResidentName { get; init; }
        public DateOnly DateOfBirth { get; init; }
        public required Neighbourhoods.Address Address { get; init; }
        public string? Phone { get; init; }
        public int ResidentVersion { get; init; }
        public required string Neighbourhood { get; init; }
        public required Neighbourhoods.PersonName Bringer { get; init; }
        public string? BringerOrganisation { get; init; }
    }

    public static Privacy.ConsentView ConsentView(Privacy.Consent k, DateOnly today) => Privacy.ConsentView.Of(
        k.Id, k.OrganisationId, k.OrganisationName, k.Purpose, k.ValidUntil, k.GivenAtUtc, k.RecordedByName, k.WithdrawnAtUtc, k.WithdrawnByName,
        k.WithdrawalReason, today);

    /// <summary>All answers to one question, newest first: the question's history.</summary>
    public Task<string> NumberAsync(Guid caseId, CancellationToken ct) =>
        db.Cases.Where(c => c.Id == caseId).Select(c => c.Number).SingleAsync(ct);

    public async Task<IReadOnlyList<AnswerView>> AnswerHistoryAsync(Guid caseId, Question question, CancellationToken ct)
    {
        var answers = await db.Set<CaseAnswer>().AsNoTracking()
            .Where(a => a.CaseId == caseId && a.Question == question)
            .OrderByDescending(a => a.WrittenAtUtc).ThenByDescending(a => a.Id)
            .ToListAsync(ct);
        return [.. answers.Select(a => new AnswerView(a.Question, a.Question.Dutch(), a.Text, a.Domains, a.WithResident, a.WrittenByName, a.WrittenAtUtc,
            answers.Count))];
    }

    /// <summary>The most a page of history asks for; the export asks for all (<see cref="AllHistory"/>).</summary>
    public const int MaxHistory = 200;

    public const int AllHistory = int.MaxValue;

    /// <summary>The history, newest first, a page at a time (keyset on the version).</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid caseId, int? beforeVersion, int limit, CancellationToken ct)
    {
        var query = db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId);
        if (beforeVersion is { } before)
        {
            query = query.Where(e => e.Version < before);
        }

        return await query.OrderByDescending(e => e.Version).Take(limit == AllHistory ? int.MaxValue : Math.Clamp(limit, 1, MaxHistory))
            .Select(e => new HistoryEntry(e.Version, e.AtUtc, e.ActorName, e.Kind, e.Summary, e.Before, e.After))
            .ToListAsync(ct);
    }
}
