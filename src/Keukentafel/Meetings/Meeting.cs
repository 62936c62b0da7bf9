using Keukentafel.Cases;

namespace Keukentafel.Meetings;

/// <summary>
/// The multidisciplinary meeting (MDO) at the resident's kitchen table (core rule 2), or elsewhere with a reason.
/// </summary>
public sealed class Meeting
{
    private Meeting() { Place = ""; }

    internal Meeting(Guid caseId, DateTime plannedAtUtc, bool atHome, string place, string? reasonNotAtHome)
    {
        CaseId = caseId;
        PlannedAtUtc = plannedAtUtc;
        AtHome = atHome;
        Place = Text.Required(place, "meeting.place_required", "Geef aan waar het MDO is.", "Place");
        ReasonNotAtHome = atHome
            ? null
            : Text.Required(reasonNotAtHome, "meeting.reason_required", "Het MDO is bij de bewoner thuis. Geef de reden als het ergens anders is.",
                "ReasonNotAtHome");
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }
    public DateTime PlannedAtUtc { get; private set; }

    internal void Move(DateTime plannedAtUtc) => PlannedAtUtc = plannedAtUtc;
    public bool AtHome { get; private set; }
    public string Place { get; private set; }
    public string? ReasonNotAtHome { get; private set; }
    public MeetingStatus Status { get; private set; }
    public DateTime? HeldAtUtc { get; private set; }
    public string? Decisions { get; private set; }
    public bool PlanAgreedByAll { get; private set; }
    public List<MeetingParticipant> Participants { get; } = [];

    internal MeetingParticipant Participant(Guid participantId) =>
        Participants.SingleOrDefault(p => p.Id == participantId)
        ?? throw new DomainException("meeting.participant_unknown", "Deze deelnemer hoort niet bij dit MDO.");

    internal void Held(IReadOnlySet<Guid> attended, string decisions, bool planAgreedByAll, DateTime atUtc)
    {
        foreach (var participant in Participants.Where(p => p.Agreement == Agreement.Agreed))
        {
            participant.RecordAttendance(attended.Contains(participant.Id));
        }

        Status = MeetingStatus.Held;
        HeldAtUtc = atUtc;
        Decisions = decisions;
        PlanAgreedByAll = planAgreedByAll;
    }
}
