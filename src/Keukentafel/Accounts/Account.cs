using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Accounts;

/// <summary>
/// A sign-in account. It belongs to a staff member or to a resident (or to neither, for an
/// IT administrator); what it may do follows from its roles.
/// </summary>
public sealed class Account : IdentityUser<Guid>
{
    private Account() { DisplayName = ""; }

    public Account(string email, string displayName, DateTime createdAtUtc)
        : this(displayName, createdAtUtc)
    {
        Email = UserName = Text.Required(email, "account.email_required", "Geef het e-mailadres.").ToLowerInvariant();
    }

    private Account(string displayName, DateTime createdAtUtc)
    {
        Id = Guid.CreateVersion7();
        DisplayName = Text.Required(displayName, "account.name_required", "Geef de naam.");
        CreatedAtUtc = createdAtUtc;
        SecurityStamp = Guid.NewGuid().ToString("N");
        LockoutEnabled = true;
    }

    /// <summary>
    /// A resident's account without an e-mail address: he signs in with a sign-in name made for him
    /// (<see cref="SignInNames"/>), which is never an e-mail address, so the two never meet.
    /// </summary>
    public static Account ForResidentWithoutEmail(Guid residentId, string signInName, string displayName, DateTime createdAtUtc)
    {
        if (signInName.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("A sign-in name is not an e-mail address.", nameof(signInName));
        }

        var account = new Account(displayName, createdAtUtc) { UserName = signInName };
        account.LinkToResident(residentId);
        return account;
    }

    public string DisplayName { get; private set; }
    public Guid? StaffMemberId { get; private set; }
    public Guid? ResidentId { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The account of a resident: it may do without an e-mail address and has the resident's password rule.</summary>
    public bool BelongsToResident => ResidentId is not null;

    public void LinkToStaffMember(Guid staffMemberId)
    {
        if (ResidentId is not null)
        {
            throw new DomainException("account.already_resident", "Dit account hoort al bij een bewoner.");
        }

        StaffMemberId = staffMemberId;
    }

    /// <summary>The resident's account after his retention term: no name, no e-mail address, no way to sign in.</summary>
    public void Anonymise()
    {
        DisplayName = "Geanonimiseerde bewoner";
        Email = UserName = $"geanonimiseerd-{Id:N}@keukentafel.invalid";
        NormalizedEmail = NormalizedUserName = Email.ToUpperInvariant();
        PasswordHash = null;
        PhoneNumber = null;
        TwoFactorEnabled = false;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public void LinkToResident(Guid residentId)
    {
        if (StaffMemberId is not null)
        {
            throw new DomainException("account.already_staff", "Dit account hoort al bij een medewerker.");
        }

        ResidentId = residentId;
    }
}
