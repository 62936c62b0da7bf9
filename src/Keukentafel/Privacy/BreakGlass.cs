namespace Keukentafel.Privacy;

/// <summary>
/// The coordinator's recorded reason to open a file he does not work on ("break the glass", DOMAIN.md: "except the
/// coordinator under a recorded reason"). It opens the file for a working day; every look in that time is logged
/// with this reason, and the resident sees it.
/// </summary>
public sealed class BreakGlass
{
    private BreakGlass() { Reason = ""; }

    public BreakGlass(Guid caseId, Guid staffMemberId, string reason, DateTime atUtc, TimeSpan validFor)
    {
        CaseId = caseId;
        StaffMemberId = staffMemberId;
        Reason = Text.Required(reason, "access.reason_required", "Schrijf op waarom u dit dossier opent. De bewoner ziet deze reden.", "Reason");
        if (Reason.Length < 10)
        {
            throw DomainException.About("Reason", "access.reason_too_short", "Schrijf een echte reden op, in een paar woorden. De bewoner ziet deze reden.");
        }

        AtUtc = atUtc;
        ValidUntilUtc = atUtc + validFor;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }
    public Guid StaffMemberId { get; private set; }
    public string Reason { get; private set; }
    public DateTime AtUtc { get; private set; }
    public DateTime ValidUntilUtc { get; private set; }

    /// <summary>The reasons this staff member recorded that still hold now: the case access check and the agenda use it.</summary>
    public static System.Linq.Expressions.Expression<Func<BreakGlass, bool>> HeldBy(Guid? staffId, DateTime nowUtc) =>
        b => b.StaffMemberId == staffId && b.ValidUntilUtc > nowUtc;
}
