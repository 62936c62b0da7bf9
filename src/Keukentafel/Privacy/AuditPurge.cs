namespace Keukentafel.Privacy;

/// <summary>
/// A removal of audit events older than their retention period, itself on record. The database lets an audit
/// event be deleted only when a purge row covers it (see the migration's triggers); nothing else can delete one.
/// </summary>
public sealed class AuditPurge
{
    private AuditPurge() { ByName = ""; }

    public AuditPurge(DateTime beforeUtc, DateTime atUtc, string byName)
    {
        BeforeUtc = beforeUtc;
        AtUtc = atUtc;
        ByName = byName;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Events before this moment may go.</summary>
    public DateTime BeforeUtc { get; private set; }

    public DateTime AtUtc { get; private set; }
    public string ByName { get; private set; }
    public int Removed { get; private set; }

    internal void Done(int removed) => Removed = removed;
}
