using Keukentafel.Data;
using Keukentafel.Meetings;
using Keukentafel.Plans;
using Microsoft.EntityFrameworkCore;

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
    DateTime? InvitedAtUtc, bool? Attended, Guid? OrganisationId, string? Relation);

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
    public async Task<CaseFile?> GetAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking()
            .Include(x => x.Answers)
            .Include(x => x.Network)
            .Include(x => x.Meetings).ThenInclude(m => m.Participants)
            .Include(x => x.Actions)
            .Include(x => x.Deviations)
            .Include(x => x.Bottlenecks)
            .Include(x => x.Consents)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == c.ResidentId)
            .Select(r => new { r.Id, r.Name, r.DateOfBirth, r.Address, r.Phone, r.Version }).SingleAsync(ct);
        var neighbourhood = await db.Neighbourhoods.Where(n => n.Id == c.NeighbourhoodId).Select(n => n.Name).SingleAsync(ct);
        var bringer = await db.StaffMembers.Where(s => s.Id == c.CaseBringerId)
            .Select(s => new { s.Name, Organisation = s.Organisation == null ? null : s.Organisation.Name }).SingleAsync(ct);
        var today = DutchTime.Today(time);
        var team = (await db.CaseMembers.AsNoTracking().Where(m => m.CaseId == id)
                .Join(db.StaffMembers, m => m.StaffMemberId, s => s.Id,
                    (m, s) => new { m.Role, s.Id, s.Name, Organisation = s.Organisation == null ? null : s.Organisation.Name })
                .ToListAsync(ct))
            .OrderBy(m => m.Role).ThenBy(m => m.Name.Family)
            .Select(m => new TeamMemberView(m.Id, m.Name.Display, m.Organisation, m.Role))
            .ToList();

        return new CaseFile(
            c.Id, c.Number, c.Version, c.Status, c.Status.Dutch(), c.Status.NextStep(),
            new CaseResident(resident.Id, resident.Name.Display, resident.DateOfBirth, resident.Address.ToString(), resident.Phone, resident.Version),
            c.NeighbourhoodId, neighbourhood, c.Description, c.Source, c.SourceDetail, c.SignalledAtUtc,
            c.Deadline, c.DaysLeft(today), c.IsOverdue(today), c.SolvedWithinSixWeeks(today), SixWeeks.Text(c, today),
            c.CaseBringerId, bringer.Organisation is null ? bringer.Name.Display : $"{bringer.Name.Display} ({bringer.Organisation})", c.LifeDomains, team,
            [.. Enum.GetValues<Question>().Select(q => Answer(c, q))],
            [.. c.Network.Select(n => new NetworkView(n.Id, n.Name, n.Relation, n.Phone))],
            [.. c.Meetings.OrderBy(m => m.PlannedAtUtc).Select(m => new MeetingView(m.Id, m.PlannedAtUtc, m.AtHome, m.Place, m.ReasonNotAtHome, m.Status,
                m.HeldAtUtc, m.Decisions, m.PlanAgreedByAll,
                [.. m.Participants.OrderBy(p => p.Kind).ThenBy(p => p.ProposedAtUtc).Select(p => new ParticipantView(
                    p.Id, p.Kind, p.Name, p.Kind == ParticipantKind.Professional ? p.Organisation : null, p.StaffMemberId, p.Agreement,
                    p.Agreement.Dutch(), p.InvitedAtUtc, p.Attended, p.OrganisationId, p.Kind == ParticipantKind.Professional ? null : p.Organisation))]))],
            [.. c.Actions.OrderBy(a => a.IsContribution).ThenBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => new ActionView(
                a.Id, a.What, a.Carrier, a.CarrierName, a.LawDomain, a.ExpectedCost, a.DueDate, a.Status, a.Status.Dutch(), a.DropReason, a.IsContribution,
                a.WorthSharing, a.InitiativeId, a.CarrierStaffMemberId, a.CarrierOrganisationId, a.Service))],
            [.. c.Deviations.OrderBy(d => d.RecordedAtUtc).Select(d => new DeviationView(
                d.Id, d.Rule, d.LawDomain, d.Reason, d.Otherwise, d.OtherwiseCost, d.ManagerId, d.ManagerName, d.RecordedByName, d.RecordedAtUtc,
                d.BackedAtUtc))],
            [.. c.Bottlenecks.OrderBy(b => b.RecordedAtUtc).Select(b => new BottleneckView(
                b.Id, b.Category, b.Category.Dutch(), b.LawDomain, b.Description, b.RecordedByName, b.RecordedAtUtc))],
            c.NoContributionReason, c.Evaluation, c.SolutionCarriedOutAtUtc, c.ClosedAtUtc,
            [.. c.Consents.OrderByDescending(k => k.IsActive(today)).ThenByDescending(k => k.GivenAtUtc).Select(k => ConsentView(k, today))]);
    }

    public static Privacy.ConsentView ConsentView(Privacy.Consent k, DateOnly today) => new(
        k.Id, k.OrganisationId, k.OrganisationName, k.Purpose, k.ValidUntil, k.GivenAtUtc, k.RecordedByName, k.WithdrawnAtUtc, k.WithdrawnByName,
        k.WithdrawalReason, k.IsActive(today),
        k.WithdrawnAtUtc is { } withdrawn ? $"Ingetrokken op {DutchTime.Date(withdrawn):d-M-yyyy}"
        : k.ValidUntil is { } last && last < today ? $"Verlopen op {last:d-M-yyyy}"
        : k.ValidUntil is { } until ? $"Geldig tot en met {until:d-M-yyyy}"
        : "Geldig tot de bewoner die intrekt");

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

    private static AnswerView Answer(Case c, Question question)
    {
        var current = c.CurrentAnswer(question);
        return new AnswerView(question, question.Dutch(), current?.Text, current?.Domains ?? LifeDomains.None, current?.WithResident ?? false,
            current?.WrittenByName, current?.WrittenAtUtc, c.Answers.Count(a => a.Question == question));
    }
}
