using Keukentafel.Cases;

namespace Keukentafel.Meetings;

/// <summary>
/// Someone at the table. The resident and the people he names are always there; a professional is proposed,
/// the resident's agreement is recorded, and only then is he invited.
/// </summary>
public sealed class MeetingParticipant
{
    private MeetingParticipant() { Name = ProposedByName = ""; }

    internal MeetingParticipant(Guid meetingId, ParticipantKind kind, string name, Guid? staffMemberId, string? organisation, Guid? networkMemberId, Actor by,
        DateTime atUtc)
    {
        MeetingId = meetingId;
        Kind = kind;
        Name = name;
        StaffMemberId = staffMemberId;
        Organisation = organisation;
        NetworkMemberId = networkMemberId;
        ProposedByName = by.Description;
        ProposedAtUtc = atUtc;
        // The resident and his own people need nobody's agreement to sit at his table.
        Agreement = kind == ParticipantKind.Professional ? Agreement.Pending : Agreement.Agreed;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; private set; }
    public ParticipantKind Kind { get; private set; }
    public string Name { get; private set; }
    public Guid? StaffMemberId { get; private set; }
    public string? Organisation { get; private set; }

    /// <summary>A professional's organisation: the one the resident's consent goes to when he agrees.</summary>
    public Guid? OrganisationId { get; init; }
    public Guid? NetworkMemberId { get; private set; }
    public string ProposedByName { get; private set; }
    public DateTime ProposedAtUtc { get; private set; }
    public Agreement Agreement { get; private set; }
    public string? AgreementRecordedByName { get; private set; }
    public DateTime? AgreementRecordedAtUtc { get; private set; }
    public DateTime? InvitedAtUtc { get; private set; }
    public bool? Attended { get; private set; }

    internal void RecordAgreement(bool agreed, Actor by, DateTime atUtc)
    {
        Agreement = agreed ? Agreement.Agreed : Agreement.Refused;
        AgreementRecordedByName = by.Description;
        AgreementRecordedAtUtc = atUtc;
        if (!agreed)
        {
            InvitedAtUtc = null; // agreeing again later means inviting again
        }
    }

    internal void Invite(DateTime atUtc) => InvitedAtUtc = atUtc;

    internal void RecordAttendance(bool attended) => Attended = attended;
}
