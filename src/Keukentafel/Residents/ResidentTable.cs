using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Effects;
using Keukentafel.Meetings;
using Keukentafel.Plans;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Residents;

/// <summary>
/// His kitchen table as the resident reads it (issue 10): his three questions, the next meeting and who is invited, his
/// own people, his plan and his contribution, the six weeks in words, and the wellbeing mark asked of him now.
/// </summary>
public sealed record MyTable(Guid CaseId, string Number, int Version, CaseStatus Status, bool Open, DateOnly Deadline, string SixWeeks,
    MeasurementMoment? WellbeingAsked, IReadOnlyList<MyAnswer> Questions, MyMeeting? NextMeeting, IReadOnlyList<NetworkView> OwnPeople,
    IReadOnlyList<MyAction> Mine, IReadOnlyList<MyAction> Others, IReadOnlyList<MyAction> Contribution, string? NoContributionReason);

/// <summary>One of his three questions, in his words.</summary>
public sealed record MyAnswer(Question Question, string QuestionText, string? Text);

/// <summary>The planned meeting at his table, and who comes (everyone but himself).</summary>
public sealed record MyMeeting(Guid Id, DateTime PlannedAtUtc, bool AtHome, string Place, IReadOnlyList<MyParticipant> Participants);

/// <summary>Someone at his table; <see cref="AwaitsMyAnswer"/>: a proposed professional he has not yet said yes or no to.</summary>
public sealed record MyParticipant(Guid Id, ParticipantKind Kind, string Name, string? Organisation, Agreement Agreement, string AgreementText,
    bool AwaitsMyAnswer);

/// <summary>One action of his plan.</summary>
public sealed record MyAction(Guid Id, string What, Carrier Carrier, string CarrierName, DateOnly DueDate, ActionStatus Status);

/// <summary>
/// What the resident (or someone he lets look along) does at his own table, shared by his page (<see cref="MyTablePage"/>)
/// and the API (<see cref="ResidentsApi"/>), so both follow the same rules: only his own case, taken from whose pages these
/// are (never from the request), each change as himself on the version he read, and every look and change logged as his.
/// </summary>
public sealed class ResidentTable(KeukentafelDbContext db, CaseFiles files, CaseWork work, CaseAccess access, IStringLocalizer<MyTablePage> texts,
    TimeProvider time)
{
    /// <summary>What the audit log calls a look at his table, and each kind of change to it.</summary>
    public const string ReadPart = "keukentafel";

    public const string AgreementPart = "tafel";
    public const string InvitePart = "netwerk";
    public const string AnswerPart = "vragen";
    public const string WellbeingPart = "welbevinden";

    /// <summary>What the audit log calls a download of "Mijn plan".</summary>
    public const string PlanPart = "mijn plan";

    /// <summary>His case file for "Mijn plan", logged as a download of his plan; null when he has no case.</summary>
    public async Task<CaseFile?> PlanAsync(Guid resident, CancellationToken ct)
    {
        if (await CaseOfAsync(resident, ct) is not { } id)
        {
            return null;
        }

        await access.LogAsync(id, resident, AuditAction.Export, PlanPart, ct);
        return await files.GetAsync(id, ct);
    }

    /// <summary>His open case first, else the newest one.</summary>
    public Task<Guid?> CaseOfAsync(Guid resident, CancellationToken ct) =>
        db.Cases.AsNoTracking().Where(c => c.ResidentId == resident)
            .OrderBy(c => c.Status == CaseStatus.Closed).ThenByDescending(c => c.SignalledAtUtc)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

    /// <summary>His case file and the mark asked of him now, logged as a look at his file; null when he has no case.</summary>
    public async Task<(CaseFile File, MeasurementMoment? Asked)?> ReadAsync(Guid resident, CancellationToken ct)
    {
        if (await CaseOfAsync(resident, ct) is not { } id)
        {
            return null;
        }

        var file = (await files.GetAsync(id, ct))!;
        var measured = await db.WellbeingMeasurements.AsNoTracking().Where(m => m.CaseId == id).Select(m => m.Moment).Distinct().ToListAsync(ct);
        var followUpDue = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.FollowUpDue).SingleAsync(ct);
        var asked = Case.AskedOfResident(measured, file.Status, followUpDue, DutchTime.Today(time));
        await access.LogAsync(id, resident, AuditAction.Read, ReadPart, ct);
        return (file, asked);
    }

    /// <summary>The table as his page shows it: only what is his to read, in plain words.</summary>
    public MyTable View(CaseFile c, MeasurementMoment? asked)
    {
        var open = c.Actions.Where(a => a.Status != ActionStatus.Dropped).ToList();
        List<MyAction> Of(Func<ActionView, bool> which) =>
            [.. open.Where(which).Select(a => new MyAction(a.Id, a.What, a.Carrier, a.CarrierName, a.DueDate, a.Status))];
        return new MyTable(c.Id, c.Number, c.Version, c.Status, c.IsOpenCase, c.Deadline, SixWeeks(c, DutchTime.Today(time)), asked,
            [.. c.Answers.Select(a => new MyAnswer(a.Question, texts[$"Question.{a.Question}"], a.Text))],
            c.PlannedMeeting is { } m ? new MyMeeting(m.Id, m.PlannedAtUtc, m.AtHome, m.Place, [.. m.Participants
                .Where(p => p.Kind != ParticipantKind.Resident)
                .Select(p => Participant(p.Id, p.Kind, p.Name, p.Organisation ?? p.Relation, p.Agreement))]) : null,
            c.Network,
            Of(a => a.Carrier == Carrier.Resident && !a.IsContribution), Of(a => a.Carrier != Carrier.Resident), Of(a => a.IsContribution),
            c.NoContributionReason);
    }

    /// <summary>Someone at his table, and whether he comes, as his page says it.</summary>
    private MyParticipant Participant(Guid id, ParticipantKind kind, string name, string? organisation, Agreement agreement) =>
        new(id, kind, name, organisation, agreement, agreement switch
        {
            Agreement.Agreed => texts["Agreed"],
            Agreement.Refused => texts["Refused"],
            _ => kind == ParticipantKind.Professional ? texts["Pending"] : texts["Invited"],
        }, kind == ParticipantKind.Professional && agreement == Agreement.Pending);

    /// <summary>The six weeks in plain words: how many days are left, or how it went.</summary>
    public string SixWeeks(CaseFile c, DateOnly today)
    {
        if (c.SolvedWithinSixWeeks is { } solved)
        {
            return solved ? texts["InTime"] : texts["Late"];
        }

        var days = c.Deadline.DayNumber - today.DayNumber;
        var date = c.Deadline.ToString(texts["DayMonth"], Web.Language.OfTexts);
        return days switch
        {
            > 1 => texts["DaysLeft", days, date],
            1 => texts["DayLeft", date],
            0 => texts["DueToday"],
            _ => texts["Over", date],
        };
    }

    /// <summary>
    /// The resident says himself whether a proposed professional may come to his table (core rule 3): the same agreement
    /// his professional records for him, with the same consequences.
    /// </summary>
    public async Task<(Case Case, MyParticipant Participant)> AgreeAsync(PagesOf whose, Guid caseId, int version, Guid meetingId, Guid participantId,
        bool agreed, CancellationToken ct)
    {
        var @case = await ChangeAsync(whose, caseId, version, AgreementPart, (c, by, now) =>
        {
            c.RecordAgreement(meetingId, participantId, agreed, by, now);
            return Task.CompletedTask;
        }, ct);
        var p = @case.Meetings.Single(m => m.Id == meetingId).Participants.Single(x => x.Id == participantId);
        return (@case, Participant(p.Id, p.Kind, p.Name, p.Organisation, p.Agreement));
    }

    /// <summary>
    /// The resident invites someone of his own to his table (core rule 3: his own people are part of the solution): they
    /// join his network and the planned meeting, no agreement needed.
    /// </summary>
    public async Task<(Case Case, NetworkMember Member)> InviteAsync(PagesOf whose, Guid caseId, int version, string name, string relation,
        CancellationToken ct)
    {
        NetworkMember? member = null;
        var @case = await ChangeAsync(whose, caseId, version, InvitePart, (c, by, now) =>
        {
            member = c.AddNetworkMember(name.Trim(), relation.Trim(), null, by, now);
            return Task.CompletedTask;
        }, ct);
        return (@case, member!);
    }

    /// <summary>The resident changes one of his three answers in his own words; the earlier answer stays in the history.</summary>
    public async Task<(Case Case, MyAnswer Answer)> AnswerAsync(PagesOf whose, Guid caseId, int version, Question question, string text,
        CancellationToken ct)
    {
        var @case = await ChangeAsync(whose, caseId, version, AnswerPart, (c, by, now) =>
        {
            c.Answer(question, text, c.CurrentAnswer(question)?.Domains ?? LifeDomains.None, withResident: true, by, now);
            return Task.CompletedTask;
        }, ct);
        return (@case, new MyAnswer(question, texts[$"Question.{question}"], @case.CurrentAnswer(question)?.Text));
    }

    /// <summary>The resident gives his wellbeing mark himself, at the moment it is asked (never a moment he picks).</summary>
    public async Task<(Case Case, MeasurementMoment Moment)> GiveMarkAsync(PagesOf whose, Guid caseId, int version, int mark, CancellationToken ct)
    {
        MeasurementMoment? moment = null;
        var @case = await ChangeAsync(whose, caseId, version, WellbeingPart, async (c, by, now) =>
        {
            moment = Case.AskedOfResident([.. c.Measurements.Select(m => m.Moment)], c.Status, c.FollowUpDue, DutchTime.Date(now))
                ?? throw DomainException.About("mark", "wellbeing.not_asked", texts["MarkNotAsked"]);
            c.RecordWellbeing(moment.Value, mark, DutchTime.Date(now), null, null, null, await work.EffectSettingsAsync(c.NeighbourhoodId, ct), by, now);
        }, ct);
        return (@case, moment!.Value);
    }

    /// <summary>
    /// One change to his own case as himself (someone looking along is named so in the history), saved with the version
    /// he read, and logged.
    /// </summary>
    private async Task<Case> ChangeAsync(PagesOf whose, Guid caseId, int version, string part, Func<Case, Actor, DateTime, Task> change,
        CancellationToken ct)
    {
        var actor = await access.ActorAsync(ct);
        var @case = await work.ChangeAsync(new CaseAccessDecision(true, caseId, whose.ResidentId,
                whose.ByTrustedPerson ? actor with { Organisation = MyTablePage.TrustedPersonLabel } : actor, null, false),
            version, change, ct);
        await access.LogAsync(caseId, whose.ResidentId, AuditAction.Change, part, ct);
        return @case;
    }
}
