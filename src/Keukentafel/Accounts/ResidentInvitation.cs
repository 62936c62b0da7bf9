using Keukentafel.Cases;

namespace Keukentafel.Accounts;

/// <summary>
/// A one-time code that a professional hands to a resident (on paper, read aloud, in a message), so the resident can
/// make his own sign-in for his own pages. Only a hash of the code is stored; a newer invitation replaces an open one;
/// it expires after <see cref="ValidDays"/> days and after <see cref="MaxAttempts"/> wrong birth dates.
/// </summary>
public sealed class ResidentInvitation
{
    public const int ValidDays = 14;
    public const int MaxAttempts = 5;

    private ResidentInvitation() { CodeHash = CreatedByName = ""; }

    private ResidentInvitation(Guid residentId, Guid caseId, string codeHash, DateTime expiresAtUtc, Actor by, DateTime atUtc)
    {
        ResidentId = residentId;
        CaseId = caseId;
        CodeHash = codeHash;
        ExpiresAtUtc = expiresAtUtc;
        CreatedByName = by.Description;
        CreatedAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; private set; }
    public Guid CaseId { get; private set; }
    public string CodeHash { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? UsedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }
    public int FailedAttempts { get; private set; }

    public bool IsOpen(DateTime nowUtc) => UsedAtUtc is null && RevokedAtUtc is null && nowUtc < ExpiresAtUtc;

    /// <summary>A new invitation with its code (12 characters, about 57 bits: shown once, never stored).</summary>
    public static (ResidentInvitation Invitation, string Code) Issue(Guid residentId, Guid caseId, Actor by, DateTime nowUtc)
    {
        var shown = OneTimeCode.New();
        return (new ResidentInvitation(residentId, caseId, OneTimeCode.Hash(shown), nowUtc.AddDays(ValidDays), by, nowUtc), shown);
    }

    internal void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;

    internal void Use(DateTime nowUtc) => UsedAtUtc = nowUtc;

    /// <summary>A wrong birth date: after <see cref="MaxAttempts"/> the code no longer works.</summary>
    internal void Fail(DateTime nowUtc)
    {
        FailedAttempts++;
        if (FailedAttempts >= MaxAttempts)
        {
            Revoke(nowUtc);
        }
    }
}
