using Keukentafel.Cases;

namespace Keukentafel.Privacy;

/// <summary>
/// What the resident agreed to (AVG art. 6 and 9: explicit consent for special-category data): his file may be
/// shared with this organisation, for this purpose, until this date (or until he withdraws it). Kept for good:
/// a withdrawal ends it, it never disappears.
/// </summary>
public sealed class Consent
{
    private Consent() { OrganisationName = Purpose = RecordedByName = ""; }

    internal Consent(Guid caseId, Guid organisationId, string organisationName, string purpose, DateOnly? validUntil, Actor by, DateTime atUtc)
    {
        CaseId = caseId;
        OrganisationId = organisationId;
        OrganisationName = organisationName;
        Purpose = purpose;
        ValidUntil = validUntil;
        GivenAtUtc = atUtc;
        RecordedByName = by.Description;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>The organisation's name as it was when the resident agreed.</summary>
    public string OrganisationName { get; private set; }

    public string Purpose { get; private set; }

    /// <summary>The last day it holds; none: until the resident withdraws it.</summary>
    public DateOnly? ValidUntil { get; private set; }

    public DateTime GivenAtUtc { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTime? WithdrawnAtUtc { get; private set; }
    public string? WithdrawnByName { get; private set; }
    public string? WithdrawalReason { get; private set; }

    /// <summary>Holds today: not withdrawn, and not past its end date. <see cref="ActiveOn"/> is the same rule for a query.</summary>
    public bool IsActive(DateOnly today) => Holds(WithdrawnAtUtc, ValidUntil, today);

    public static bool Holds(DateTime? withdrawnAtUtc, DateOnly? validUntil, DateOnly today) =>
        withdrawnAtUtc is null && (validUntil is null || today <= validUntil);

    /// <summary><see cref="IsActive"/> as a query the database runs: the case access check and the case lists use it.</summary>
    public static System.Linq.Expressions.Expression<Func<Consent, bool>> ActiveOn(DateOnly today) =>
        k => k.WithdrawnAtUtc == null && (k.ValidUntil == null || k.ValidUntil >= today);

    internal void Withdraw(string? reason, Actor by, DateTime atUtc)
    {
        WithdrawnAtUtc = atUtc;
        WithdrawnByName = by.Description;
        WithdrawalReason = reason;
    }
}

/// <summary>A consent as pages and the API show it.</summary>
public sealed record ConsentView(
    Guid Id, Guid OrganisationId, string Organisation, string Purpose, DateOnly? ValidUntil, DateTime GivenAtUtc, string RecordedBy,
    DateTime? WithdrawnAtUtc, string? WithdrawnBy, string? WithdrawalReason, bool Active, string StatusText)
{
    /// <summary>A consent as the file shows it: whether it holds today, and in words until when or since when not.</summary>
    public static ConsentView Of(
        Guid id, Guid organisationId, string organisation, string purpose, DateOnly? validUntil, DateTime givenAtUtc, string recordedBy,
        DateTime? withdrawnAtUtc, string? withdrawnBy, string? withdrawalReason, DateOnly today) => new(
        id, organisationId, organisation, purpose, validUntil, givenAtUtc, recordedBy, withdrawnAtUtc, withdrawnBy, withdrawalReason,
        Consent.Holds(withdrawnAtUtc, validUntil, today),
        withdrawnAtUtc is { } withdrawn ? $"Ingetrokken op {DutchTime.Date(withdrawn):d-M-yyyy}"
        : validUntil is { } last && last < today ? $"Verlopen op {last:d-M-yyyy}"
        : validUntil is { } until ? $"Geldig tot en met {until:d-M-yyyy}"
        : "Geldig tot de bewoner die intrekt");
}
