using Keukentafel.Data;
using Keukentafel.Meetings;
using Keukentafel.Plans;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Cases;

/// <summary>
/// Every part of a case file (answers, network, meetings and who sits at them, actions, deviations, bottlenecks,
/// consents, the team) read in one statement: a UNION ALL of one wide row, so opening a file costs the database one
/// round trip here instead of one per part. Each part fills the slots its projection names and leaves the others empty;
/// the readers at the end of this class take the same slots back for <see cref="CaseFiles.GetAsync"/>.
/// </summary>
internal static class CaseFileParts
{
    public enum Kind { Answer, Network, Meeting, Participant, Action, Deviation, Bottleneck, Consent, Team }

    /// <summary>
    /// One row of a part. A set operation needs the same members on every side, so each projection assigns all of them.
    /// An empty slot is a NULL that takes its type from the first part (the meetings, which fill both times, so SQLite
    /// reads every time as UTC). Enums stored as text travel as that text (the codes) and are parsed back: the database
    /// unions like with like, and a NULL typed as the enum would be read as a number.
    /// </summary>
    public sealed class Row
    {
        public Kind Kind { get; init; }
        public Guid Id { get; init; }
        public Guid? Ref1 { get; init; }
        public Guid? Ref2 { get; init; }
        public Guid? Ref3 { get; init; }
        public string? Text1 { get; init; }
        public string? Text2 { get; init; }
        public string? Text3 { get; init; }
        public string? Text4 { get; init; }
        public string? Text5 { get; init; }
        public string? Code1 { get; init; }
        public string? Code2 { get; init; }
        public string? Code3 { get; init; }
        public DateTime? Time1 { get; init; }
        public DateTime? Time2 { get; init; }
        public DateOnly? Day { get; init; }
        public decimal? Money { get; init; }
        public bool? Flag1 { get; init; }
        public bool? Flag2 { get; init; }
        public LifeDomains? Domains { get; init; }
        public Neighbourhoods.Services? Service { get; init; }
    }

    /// <summary>An enum stored as text, back from the text the parts query read (<see cref="Row.Code1"/>, <see cref="Row.Code2"/>).</summary>
    private static TEnum Parse<TEnum>(string? code)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(code!);

    public static Task<List<Row>> ReadAsync(KeukentafelDbContext db, Guid caseId, CancellationToken ct) => Query(db, caseId).ToListAsync(ct);

    public static IQueryable<Row> Query(KeukentafelDbContext db, Guid caseId) =>
        db.Meetings.Where(m => m.CaseId == caseId).Select(m => new Row
        {
            Kind = Kind.Meeting, Id = m.Id, Ref1 = null, Ref2 = null, Ref3 = null,
            Text1 = m.Place, Text2 = m.ReasonNotAtHome, Text3 = m.Decisions, Text4 = null, Text5 = null,
            Code1 = (string)(object)m.Status, Code2 = null, Code3 = null,
            Time1 = m.PlannedAtUtc, Time2 = m.HeldAtUtc, Day = null, Money = null, Flag1 = m.AtHome, Flag2 = m.PlanAgreedByAll, Domains = null, Service = null,
        })
        .Concat(db.Meetings.Where(m => m.CaseId == caseId).SelectMany(m => m.Participants).Select(p => new Row
        {
            Kind = Kind.Participant, Id = p.Id, Ref1 = p.MeetingId, Ref2 = p.StaffMemberId, Ref3 = p.OrganisationId,
            Text1 = p.Name, Text2 = p.Organisation, Text3 = null, Text4 = null, Text5 = null,
            Code1 = (string)(object)p.Kind, Code2 = (string)(object)p.Agreement, Code3 = null,
            Time1 = p.ProposedAtUtc, Time2 = p.InvitedAtUtc, Day = null, Money = null, Flag1 = p.Attended, Flag2 = null, Domains = null, Service = null,
        }))
        .Concat(db.Set<CaseAnswer>().Where(a => a.CaseId == caseId).Select(a => new Row
        {
            Kind = Kind.Answer, Id = a.Id, Ref1 = null, Ref2 = null, Ref3 = null,
            Text1 = a.Text, Text2 = a.WrittenByName, Text3 = null, Text4 = null, Text5 = null,
            Code1 = (string)(object)a.Question, Code2 = null, Code3 = null,
            Time1 = a.WrittenAtUtc, Time2 = null, Day = null, Money = null, Flag1 = a.WithResident, Flag2 = null, Domains = a.Domains, Service = null,
        }))
        .Concat(db.Set<NetworkMember>().Where(n => n.CaseId == caseId).Select(n => new Row
        {
            Kind = Kind.Network, Id = n.Id, Ref1 = null, Ref2 = null, Ref3 = null,
            Text1 = n.Name, Text2 = n.Relation, Text3 = n.Phone, Text4 = null, Text5 = null,
            Code1 = null, Code2 = null, Code3 = null,
            Time1 = null, Time2 = null, Day = null, Money = null, Flag1 = null, Flag2 = null, Domains = null, Service = null,
        }))
        .Concat(db.PlanActions.Where(a => a.CaseId == caseId).Select(a => new Row
        {
            Kind = Kind.Action, Id = a.Id, Ref1 = a.InitiativeId, Ref2 = a.CarrierStaffMemberId, Ref3 = a.CarrierOrganisationId,
            Text1 = a.What, Text2 = a.CarrierName, Text3 = a.DropReason, Text4 = a.WorthSharing, Text5 = null,
            Code1 = (string)(object)a.Carrier, Code2 = (string)(object)a.LawDomain, Code3 = (string)(object)a.Status,
            Time1 = null, Time2 = null, Day = a.DueDate, Money = a.ExpectedCost, Flag1 = a.IsContribution, Flag2 = null, Domains = null, Service = a.Service,
        }))
        .Concat(db.RuleDeviations.Where(d => d.CaseId == caseId).Select(d => new Row
        {
            Kind = Kind.Deviation, Id = d.Id, Ref1 = d.ManagerId, Ref2 = null, Ref3 = null,
            Text1 = d.Rule, Text2 = d.Reason, Text3 = d.Otherwise, Text4 = d.ManagerName, Text5 = d.RecordedByName,
            Code1 = null, Code2 = (string)(object)d.LawDomain, Code3 = null,
            Time1 = d.RecordedAtUtc, Time2 = d.BackedAtUtc, Day = null, Money = d.OtherwiseCost, Flag1 = null, Flag2 = null, Domains = null, Service = null,
        }))
        .Concat(db.Bottlenecks.Where(b => b.CaseId == caseId).Select(b => new Row
        {
            Kind = Kind.Bottleneck, Id = b.Id, Ref1 = null, Ref2 = null, Ref3 = null,
            Text1 = b.Description, Text2 = b.RecordedByName, Text3 = null, Text4 = null, Text5 = null,
            Code1 = (string)(object)b.Category, Code2 = (string)(object)b.LawDomain, Code3 = null,
            Time1 = b.RecordedAtUtc, Time2 = null, Day = null, Money = null, Flag1 = null, Flag2 = null, Domains = null, Service = null,
        }))
        .Concat(db.Consents.Where(k => k.CaseId == caseId).Select(k => new Row
        {
            Kind = Kind.Consent, Id = k.Id, Ref1 = k.OrganisationId, Ref2 = null, Ref3 = null,
            Text1 = k.OrganisationName, Text2 = k.Purpose, Text3 = k.RecordedByName, Text4 = k.WithdrawnByName, Text5 = k.WithdrawalReason,
            Code1 = null, Code2 = null, Code3 = null,
            Time1 = k.GivenAtUtc, Time2 = k.WithdrawnAtUtc, Day = k.ValidUntil, Money = null, Flag1 = null, Flag2 = null, Domains = null, Service = null,
        }))
        .Concat(db.CaseMembers.Where(m => m.CaseId == caseId).Join(db.StaffMembers, m => m.StaffMemberId, s => s.Id, (m, s) => new Row
        {
            Kind = Kind.Team, Id = s.Id, Ref1 = null, Ref2 = null, Ref3 = null,
            Text1 = s.Name.Given, Text2 = s.Name.Prefix, Text3 = s.Name.Family, Text4 = s.Organisation == null ? null : s.Organisation.Name, Text5 = null,
            Code1 = (string)(object)m.Role, Code2 = null, Code3 = null,
            Time1 = null, Time2 = null, Day = null, Money = null, Flag1 = null, Flag2 = null, Domains = null, Service = null,
        }))
        .AsNoTracking();

    // What each part's slots mean, read back: the same slots its projection above fills.

    public static List<TeamMemberView> Team(IEnumerable<Row> rows) =>
        [.. rows.Select(m => new { m.Id, Role = Parse<CaseRole>(m.Code1), Name = new Neighbourhoods.PersonName(m.Text1!, m.Text2, m.Text3!), m.Text4 })
            .OrderBy(m => m.Role).ThenBy(m => m.Name.Family).Select(m => new TeamMemberView(m.Id, m.Name.Display, m.Text4, m.Role))];

    /// <summary>The current answer to each question (the newest; history is kept) and how many versions it has.</summary>
    public static List<AnswerView> Answers(IEnumerable<Row> rows)
    {
        var byQuestion = rows.ToLookup(a => Parse<Question>(a.Code1));
        return [.. Enum.GetValues<Question>().Select(q =>
        {
            var current = byQuestion[q].OrderByDescending(a => a.Time1).ThenByDescending(a => a.Id).FirstOrDefault();
            return new AnswerView(q, q.Dutch(), current?.Text1, current?.Domains ?? LifeDomains.None, current?.Flag1 ?? false, current?.Text2,
                current?.Time1, byQuestion[q].Count());
        })];
    }

    public static NetworkView Network(Row n) => new(n.Id, n.Text1!, n.Text2!, n.Text3);

    public static List<MeetingView> MeetingViews(IEnumerable<Row> meetings, IEnumerable<Row> participants)
    {
        var byMeeting = participants.ToLookup(p => p.Ref1!.Value);
        return [.. meetings.OrderBy(m => m.Time1).Select(m => new MeetingView(
            m.Id, m.Time1!.Value, m.Flag1!.Value, m.Text1!, m.Text2, Parse<MeetingStatus>(m.Code1), m.Time2, m.Text3, m.Flag2!.Value,
            [.. byMeeting[m.Id].Select(Participant).OrderBy(p => p.View.Kind).ThenBy(p => p.ProposedAtUtc).Select(p => p.View)]))];
    }

    private static (ParticipantView View, DateTime ProposedAtUtc) Participant(Row p)
    {
        var kind = Parse<ParticipantKind>(p.Code1);
        var agreement = Parse<Agreement>(p.Code2);
        var professional = kind == ParticipantKind.Professional;
        return (new ParticipantView(p.Id, kind, p.Text1!, professional ? p.Text2 : null, p.Ref2, agreement, agreement.Dutch(), p.Time2, p.Flag1, p.Ref3,
            professional ? null : p.Text2), p.Time1!.Value);
    }

    public static ActionView Action(Row a)
    {
        var status = Parse<ActionStatus>(a.Code3);
        return new ActionView(a.Id, a.Text1!, Parse<Carrier>(a.Code1), a.Text2!, Parse<LawDomain>(a.Code2), a.Money, a.Day!.Value, status, status.Dutch(),
            a.Text3, a.Flag1!.Value, a.Text4, a.Ref1, a.Ref2, a.Ref3, a.Service!.Value);
    }

    public static DeviationView Deviation(Row d) =>
        new(d.Id, d.Text1!, Parse<LawDomain>(d.Code2), d.Text2!, d.Text3!, d.Money, d.Ref1!.Value, d.Text4!, d.Text5!, d.Time1!.Value, d.Time2);

    public static BottleneckView Bottleneck(Row b)
    {
        var category = Parse<BottleneckCategory>(b.Code1);
        return new BottleneckView(b.Id, category, category.Dutch(), Parse<LawDomain>(b.Code2), b.Text1!, b.Text2!, b.Time1!.Value);
    }

    public static Privacy.ConsentView Consent(Row k, DateOnly today) =>
        Privacy.ConsentView.Of(k.Id, k.Ref1!.Value, k.Text1!, k.Text2!, k.Day, k.Time1!.Value, k.Text3!, k.Time2, k.Text4, k.Text5, today);
}
