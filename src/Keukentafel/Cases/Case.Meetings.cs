using Keukentafel.Meetings;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;

namespace Keukentafel.Cases;

public sealed partial class Case
{
    /// <summary>The meeting that is planned now (there is at most one).</summary>
    public Guid PlannedMeetingId() =>
        Meetings.SingleOrDefault(m => m.Status == MeetingStatus.Planned)?.Id
        ?? throw DomainException.Conflict("meeting.none_planned", "Er is geen MDO gepland.");

    public Meeting Meeting(Guid meetingId) =>
        Meetings.SingleOrDefault(m => m.Id == meetingId)
        ?? throw new DomainException("meeting.unknown", "Dit MDO hoort niet bij deze casus.");

    /// <summary>
    /// Core rule 2: the case bringer organises the MDO, at the resident's home unless there is a reason not to.
    /// The resident and his own people are at the table from the start (core rule 3).
    /// </summary>
    public Meeting PlanMeeting(DateTime plannedAtUtc, bool atHome, string place, string? reasonNotAtHome, string residentName, StaffMember caseBringer,
        Actor by, DateTime nowUtc)
    {
        if (caseBringer.Id != CaseBringerId)
        {
            throw new InvalidOperationException("The meeting is planned with the case's own case bringer.");
        }

        RequireStatus([CaseStatus.QuestionsAnswered, CaseStatus.MeetingPlanned, CaseStatus.PlanAgreed],
            "Een MDO plannen kan als de drie vragen zijn beantwoord.");
        if (Meetings.Any(m => m.Status == MeetingStatus.Planned))
        {
            throw DomainException.Conflict("meeting.already_planned", "Er staat al een MDO gepland. Houd dat eerst.");
        }

        if (plannedAtUtc < nowUtc.AddDays(-1))
        {
            throw DomainException.About("PlannedAt", "meeting.in_past", "Een MDO plannen kan niet in het verleden.");
        }

        var meeting = new Meeting(Id, plannedAtUtc, atHome, place, reasonNotAtHome);
        meeting.Participants.Add(new MeetingParticipant(meeting.Id, ParticipantKind.Resident, residentName, null, "bewoner", null, by, nowUtc));
        foreach (var member in Network)
        {
            meeting.Participants.Add(new MeetingParticipant(meeting.Id, ParticipantKind.Network, member.Name, null, member.Relation, member.Id, by, nowUtc));
        }

        // The case bringer organises the meeting (core rule 2): he is at the table without being proposed, so the report can
        // say he was there.
        var organiser = new MeetingParticipant(meeting.Id, ParticipantKind.Professional, caseBringer.Name.Display, caseBringer.Id,
            caseBringer.Organisation?.Name, null, by, nowUtc)
        {
            OrganisationId = caseBringer.OrganisationId,
        };
        organiser.RecordAgreement(true, by, nowUtc);
        organiser.Invite(nowUtc);
        meeting.Participants.Add(organiser);

        Meetings.Add(meeting);
        var before = Status;
        if (Status == CaseStatus.QuestionsAnswered)
        {
            Status = CaseStatus.MeetingPlanned;
        }

        var local = DutchTime.Local(plannedAtUtc);
        Record(by, nowUtc, "meeting.planned", $"MDO gepland op {local:d-M-yyyy 'om' HH:mm}, {(atHome ? "bij de bewoner thuis" : meeting.Place)}.",
            new { Status = before.ToString() },
            new { Status = Status.ToString(), meeting.PlannedAtUtc, meeting.Place, meeting.AtHome, meeting.ReasonNotAtHome });
        return meeting;
    }

    /// <summary>
    /// The meeting moves to another day and time, earlier or later, with everyone who was at the table; so its report can
    /// be recorded when it was really held. Not before the case was signalled, nor more than a year ahead.
    /// </summary>
    public void MoveMeeting(Guid meetingId, DateTime plannedAtUtc, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        var meeting = PlannedMeeting(meetingId);
        if (plannedAtUtc < SignalledAtUtc)
        {
            throw DomainException.About("PlannedAt", "meeting.before_signal",
                $"Het MDO kan niet eerder zijn dan de casus werd aangebracht, op {DutchTime.Local(SignalledAtUtc):d-M-yyyy}.");
        }

        if (plannedAtUtc > nowUtc.AddYears(1))
        {
            throw DomainException.About("PlannedAt", "meeting.too_far", "Een MDO plannen kan tot een jaar vooruit.");
        }

        var before = meeting.PlannedAtUtc;
        if (before == plannedAtUtc)
        {
            return;
        }

        meeting.Move(plannedAtUtc);
        Record(by, nowUtc, "meeting.moved", $"MDO verzet naar {DutchTime.Local(plannedAtUtc):d-M-yyyy 'om' HH:mm}.", new { PlannedAtUtc = before },
            new { meeting.PlannedAtUtc });
    }

    /// <summary>The case bringer or the coordinator proposes a professional; he comes only if the resident agrees.</summary>
    public MeetingParticipant ProposeProfessional(Guid meetingId, StaffMember professional, string? organisation, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        var meeting = PlannedMeeting(meetingId);
        if (meeting.Participants.Any(p => p.StaffMemberId == professional.Id))
        {
            throw DomainException.Conflict("meeting.already_proposed", $"{professional.Name.Display} is al voorgesteld voor dit MDO.");
        }

        if (!WorksOnCasesIn(professional, NeighbourhoodId))
        {
            throw DomainException.About("StaffMemberId", "meeting.professional_not_in_neighbourhood", "Stel een professional voor die in deze wijk werkt.");
        }

        var participant = new MeetingParticipant(meeting.Id, ParticipantKind.Professional, professional.Name.Display, professional.Id, organisation, null, by,
            nowUtc)
        {
            OrganisationId = professional.OrganisationId,
        };
        meeting.Participants.Add(participant);
        Record(by, nowUtc, "meeting.professional_proposed",
            $"{participant.Name}{(organisation is null ? "" : $" ({organisation})")} voorgesteld voor het MDO. De bewoner beslist.",
            null, new { participant.Name, participant.StaffMemberId });
        return participant;
    }

    /// <summary>Seed 002: the resident decides who comes to his table. His answer is recorded per professional.</summary>
    public void RecordAgreement(Guid meetingId, Guid participantId, bool agreed, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        var participant = PlannedMeeting(meetingId).Participant(participantId);
        if (participant.Kind != ParticipantKind.Professional)
        {
            throw new DomainException("meeting.agreement_not_needed", "De bewoner en zijn eigen mensen zijn altijd welkom; daar is geen akkoord voor nodig.");
        }

        if (participant.StaffMemberId == CaseBringerId)
        {
            throw new DomainException("meeting.organiser_stays",
                "De casusaanbrenger organiseert het MDO en komt altijd. Wil de bewoner een ander? Draag de casus dan over.");
        }

        var before = participant.Agreement;
        participant.RecordAgreement(agreed, by, nowUtc);
        var removed = !agreed && participant.StaffMemberId is { } staff && RemoveParticipant(staff);
        var consent = agreed ? EnsureConsent(participant.OrganisationId, participant.Organisation, TablePurpose, by, nowUtc) : "";
        Record(by, nowUtc, "meeting.agreement_recorded",
            $"De bewoner {(agreed ? "wil" : "wil niet")} dat {participant.Name} aan tafel komt."
                + $"{(removed ? " Hij werkt niet meer mee aan de casus." : "")}{consent}",
            new { Agreement = before.ToString() }, new { Agreement = participant.Agreement.ToString(), participant.Name, RemovedFromCase = removed });
    }

    /// <summary>Only a professional the resident agreed to is invited; from then on he works on the case.</summary>
    public void Invite(Guid meetingId, Guid participantId, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        var participant = PlannedMeeting(meetingId).Participant(participantId);
        if (participant.Kind != ParticipantKind.Professional)
        {
            throw new DomainException("meeting.invite_not_needed", "De bewoner en zijn eigen mensen hoeven niet te worden uitgenodigd door het systeem.");
        }

        if (participant.Agreement != Agreement.Agreed)
        {
            throw DomainException.Conflict("meeting.resident_not_agreed",
                $"{participant.Name} kan pas worden uitgenodigd als de bewoner daarmee akkoord is. Nu: {participant.Agreement.Dutch().ToLowerInvariant()}.");
        }

        if (participant.InvitedAtUtc is not null)
        {
            throw DomainException.Conflict("meeting.already_invited", $"{participant.Name} is al uitgenodigd.");
        }

        participant.Invite(nowUtc);
        if (participant.StaffMemberId is { } staff && Members.All(m => m.StaffMemberId != staff))
        {
            Members.Add(new CaseMember(Id, staff, CaseRole.Participant, Deadline, SolutionCarriedOutAtUtc is not null));
        }

        Record(by, nowUtc, "meeting.invited", $"{participant.Name} is uitgenodigd voor het MDO.", null, new { participant.Name, participant.StaffMemberId });
    }

    /// <summary>
    /// The MDO was held: who was there, what was decided, and whether everyone, the resident first, agreed to
    /// the plan. A plan agreed by all needs at least one action; then the case moves on to carrying it out.
    /// </summary>
    public void RecordMeetingHeld(Guid meetingId, IReadOnlySet<Guid> attended, string decisions, bool planAgreedByAll, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        var meeting = PlannedMeeting(meetingId);
        if (DutchTime.Date(nowUtc) < DutchTime.Date(meeting.PlannedAtUtc))
        {
            // A report of a meeting that has not been: on its day (also if it started earlier that day), or after.
            throw DomainException.Conflict("meeting.not_yet_held",
                $"Het MDO staat gepland op {DutchTime.Local(meeting.PlannedAtUtc):d-M-yyyy 'om' HH:mm}. Het verslag kan vanaf die dag. "
                    + "Was het eerder? Verzet het MDO dan eerst naar de dag dat het was.");
        }

        var resident = meeting.Participants.Single(p => p.Kind == ParticipantKind.Resident);
        if (!attended.Contains(resident.Id))
        {
            // Core rule 3: the resident is part of every meeting. Without him it was not his table.
            throw new DomainException("meeting.resident_absent", "Het MDO gaat niet zonder de bewoner. Plan het opnieuw als hij er niet bij kon zijn.");
        }

        // Only who could come: the resident, his own people, and professionals he agreed to and who were invited.
        var unknown = attended.Where(id => !meeting.Participants.Any(p => p.Id == id && p.Agreement == Agreement.Agreed
            && (p.Kind != ParticipantKind.Professional || p.InvitedAtUtc is not null))).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException("meeting.attendee_not_invited", "Alleen wie aan tafel mocht komen, kan erbij zijn geweest.");
        }

        var agreedActions = Actions.Count(a => a.Status != ActionStatus.Dropped);
        if (planAgreedByAll && agreedActions == 0)
        {
            throw new DomainException("meeting.plan_empty", "Er is nog geen plan: zet eerst de acties die aan tafel zijn afgesproken in het plan.");
        }

        var text = Text.Required(decisions, "meeting.decisions_required", "Schrijf kort op wat aan tafel is besloten.");
        meeting.Held(attended, text, planAgreedByAll, nowUtc);
        var before = Status;
        if (planAgreedByAll && Status == CaseStatus.MeetingPlanned)
        {
            Status = CaseStatus.PlanAgreed;
        }

        Record(by, nowUtc, "meeting.held",
            planAgreedByAll
                ? $"MDO gehouden; het plan met {agreedActions} acties is door iedereen afgesproken."
                : "MDO gehouden; er is nog geen plan waar iedereen achter staat.",
            new { Status = before.ToString() },
            new { Status = Status.ToString(), Decisions = text, Attended = attended.Count, PlanAgreedByAll = planAgreedByAll });
    }

    /// <summary>
    /// The resident no longer wants a professional on his case (seed 002: he decides who comes to the table).
    /// From now on that professional cannot open the file; the case bringer cannot be sent away this way.
    /// </summary>
    public void WithdrawProfessional(Guid staffMemberId, string reason, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        var why = Text.Required(reason, "meeting.withdraw_reason_required", "Schrijf op waarom de bewoner dit niet meer wil.", "Reason");
        if (staffMemberId == CaseBringerId)
        {
            throw DomainException.Conflict("meeting.withdraw_bringer", "De casusaanbrenger blijft verantwoordelijk. Draag de casus eerst over.");
        }

        if (!RemoveParticipant(staffMemberId))
        {
            throw DomainException.Conflict("meeting.withdraw_not_on_case", "Deze professional werkt niet (meer) mee aan de casus.");
        }

        var name = "";
        foreach (var participant in Meetings.SelectMany(m => m.Participants).Where(p => p.StaffMemberId == staffMemberId))
        {
            name = participant.Name;
            if (Meetings.Single(m => m.Id == participant.MeetingId).Status == MeetingStatus.Planned)
            {
                participant.RecordAgreement(false, by, nowUtc);
            }
        }

        Record(by, nowUtc, "case.professional_withdrawn", $"De bewoner wil niet meer dat {name} meewerkt: {why}", new { StaffMemberId = staffMemberId },
            new { Reason = why });
    }

    private bool RemoveParticipant(Guid staffMemberId)
    {
        var member = Members.SingleOrDefault(m => m.StaffMemberId == staffMemberId && m.Role == CaseRole.Participant);
        return member is not null && Members.Remove(member);
    }

    private Meeting PlannedMeeting(Guid meetingId)
    {
        var meeting = Meeting(meetingId);
        return meeting.Status == MeetingStatus.Planned
            ? meeting
            : throw DomainException.Conflict("meeting.already_held", "Dit MDO is al gehouden.");
    }
}
