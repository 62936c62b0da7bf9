namespace Keukentafel.Cases;

public enum CaseRole
{
    /// <summary>The case bringer (casusaanbrenger): responsible until he hands the case over.</summary>
    Bringer,

    /// <summary>A professional at the table, invited with the resident's agreement.</summary>
    Participant,
}

/// <summary>
/// A professional who works on a case. Kept by the case itself; it is what the lists ("my cases") and the
/// access check read, so it carries the deadline, whether the case is open and whether its solution is carried out,
/// for an index made for them.
/// </summary>
public sealed class CaseMember
{
    private CaseMember() { }

    internal CaseMember(Guid caseId, Guid staffMemberId, CaseRole role, DateOnly deadline, bool carriedOut)
    {
        CaseId = caseId;
        StaffMemberId = staffMemberId;
        Role = role;
        Deadline = deadline;
        IsOpen = true;
        CarriedOut = carriedOut;
    }

    public Guid CaseId { get; private set; }
    public Guid StaffMemberId { get; private set; }
    public CaseRole Role { get; internal set; }
    public DateOnly Deadline { get; private set; }
    public bool IsOpen { get; internal set; }

    /// <summary>The case's solution is carried out: what is left is the evaluation, so the case waits below the work still to do.</summary>
    public bool CarriedOut { get; internal set; }
}
