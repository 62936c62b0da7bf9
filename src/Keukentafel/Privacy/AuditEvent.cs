using Keukentafel.Data;

namespace Keukentafel.Privacy;

/// <summary>What was done with a resident's data (NEN 7513: the kind of access).</summary>
public enum AuditAction
{
    Read,
    Create,
    Change,
    List,
    Export,
    Print,
}

/// <summary>
/// One access to a resident's data, allowed or refused (NEN 7513): when, who, in which role and organisation,
/// which resident and case, what action on which part of the file, from which address. Append-only: the database
/// refuses changes, and each event carries the hash of the one before it in its chain (one chain per writer, see
/// <see cref="AuditChain"/>), so a changed or removed event is found by <see cref="AuditLog.VerifyAsync"/>.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent() { UserName = Roles = Part = ClientAddress = ""; }

    public AuditEvent(DateTime atUtc, Guid? accountId, string userName, string roles, string? organisation, Guid? residentId, Guid? caseId,
        AuditAction action, string part, bool allowed, string? reason, string clientAddress, IReadOnlyList<ShownCase>? shown = null)
    {
        AtUtc = StoredTime.WholeMicroseconds(atUtc);
        AccountId = accountId;
        UserName = userName;
        Roles = roles;
        Organisation = organisation;
        ResidentId = residentId;
        CaseId = caseId;
        Action = action;
        Part = part;
        Allowed = allowed;
        Reason = reason;
        ClientAddress = clientAddress;
        Shown = shown is null ? null : ShownCase.Write(shown);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateTime AtUtc { get; private set; }
    public Guid? AccountId { get; private set; }
    public string UserName { get; private set; }
    public string Roles { get; private set; }
    public string? Organisation { get; private set; }
    public Guid? ResidentId { get; private set; }
    public Guid? CaseId { get; private set; }
    public AuditAction Action { get; private set; }

    /// <summary>Which part of the file: "dossier", "vragen", "tafel", "plan", "geschiedenis", ...</summary>
    public string Part { get; private set; }

    public bool Allowed { get; private set; }
    public string? Reason { get; private set; }
    public string ClientAddress { get; private set; }

    /// <summary>
    /// A list's event: the cases shown and their residents (<see cref="ShownCase"/>, in a fixed text form), one event
    /// for the whole list. Each resident finds it through <see cref="AuditShown"/>, the per-resident index that
    /// <see cref="AuditIndexer"/> fills in batches. Null for an event about one resident (<see cref="ResidentId"/>).
    /// </summary>
    public string? Shown { get; private set; }

    /// <summary>The writer's chain it belongs to (<see cref="AuditChain.Legacy"/> for the events written before there were several).</summary>
    public Guid ChainId { get; private set; }

    /// <summary>Its place in its chain: 1, 2, 3, ... with no gaps except the oldest ones removed after their retention.</summary>
    public long Sequence { get; private set; }

    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    internal void Chain(Guid chainId, long sequence, string previousHash)
    {
        ChainId = chainId;
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    /// <summary>
    /// SHA-256 over every field and the previous hash, in a fixed text form. The chain is not among the fields: the first
    /// event of a chain links to a start hash made of the chain's id (<see cref="AuditChain.StartHash"/>), and every
    /// other to the one before, so an event moved to another chain breaks both.
    /// </summary>
    internal string ComputeHash()
    {
        var text = string.Join('\u001f',
            Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), AtUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AccountId?.ToString() ?? "", UserName, Roles, Organisation ?? "", ResidentId?.ToString() ?? "", CaseId?.ToString() ?? "",
            Action.ToString(), Part, Allowed ? "1" : "0", Reason ?? "", ClientAddress, PreviousHash);
        if (Shown is not null)
        {
            // Only a list's event has it, so the hashes of the events from before lists had one event stay as they were.
            text += '\u001f' + Shown;
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
