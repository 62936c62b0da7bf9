using Keukentafel.Accounts;

namespace Keukentafel.Residents;

/// <summary>
/// The resident's consent that someone he trusts (a daughter, a neighbour) sees and acts on his own pages (issue 10).
/// He gives it with a name and how they know each other; a one-time code, which he hands over himself, links that
/// person's sign-in. It counts while it is not withdrawn; he withdraws it himself, at once. Never deleted: the record of
/// who could look along and until when stays, like his other consents.
/// </summary>
public sealed class TrustedPerson
{
    public const int ValidDays = 14;

    private TrustedPerson() { Name = Relation = CodeHash = GivenBy = ""; }

    private TrustedPerson(Guid residentId, string name, string relation, string codeHash, string givenBy, DateTime nowUtc)
    {
        ResidentId = residentId;
        Name = name;
        Relation = relation;
        CodeHash = codeHash;
        CodeExpiresAtUtc = nowUtc.AddDays(ValidDays);
        GivenBy = givenBy;
        GivenAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; private set; }

    /// <summary>The name as the resident gave it.</summary>
    public string Name { get; private set; }

    /// <summary>How they know each other, in the resident's words ("mijn dochter", "buurman").</summary>
    public string Relation { get; private set; }

    public string CodeHash { get; private set; }
    public DateTime CodeExpiresAtUtc { get; private set; }
    public string GivenBy { get; private set; }
    public DateTime GivenAtUtc { get; private set; }

    /// <summary>The sign-in of the trusted person, once the code was used.</summary>
    public Guid? AccountId { get; private set; }
    public DateTime? LinkedAtUtc { get; private set; }
    public DateTime? WithdrawnAtUtc { get; private set; }
    public string? WithdrawnBy { get; private set; }

    public bool IsWithdrawn => WithdrawnAtUtc is not null;

    /// <summary>He looks along now: linked and not withdrawn.</summary>
    public bool IsActive => AccountId is not null && WithdrawnAtUtc is null;

    /// <summary>The resident's consent with the code to hand over (shown once).</summary>
    public static (TrustedPerson Consent, string Code) Give(Guid residentId, string? name, string? relation, bool consent, string givenBy, DateTime nowUtc)
    {
        var who = Text.Required(name, "trusted.name_required", "Schrijf de naam op van wie met u meekijkt.", "Name");
        var how = Text.Required(relation, "trusted.relation_required", "Schrijf op wie dit is voor u. Bijvoorbeeld: mijn dochter.", "Relation");
        if (who.Length > 200 || how.Length > 100)
        {
            throw DomainException.About(who.Length > 200 ? "Name" : "Relation", "trusted.too_long", "Dit is te lang. Schrijf het korter op.");
        }

        if (!consent)
        {
            throw DomainException.About("Consent", "trusted.consent_required", "Zet een vinkje als u dit goed vindt.");
        }

        var code = OneTimeCode.New();
        return (new TrustedPerson(residentId, who, how, OneTimeCode.Hash(code), givenBy, nowUtc), code);
    }

    /// <summary>The trusted person uses the code: refused when it is used, withdrawn or expired.</summary>
    public void Link(Guid accountId, DateTime nowUtc)
    {
        EnsureOpen(nowUtc);
        AccountId = accountId;
        LinkedAtUtc = nowUtc;
    }

    /// <summary>The code still works: not used, not withdrawn, not expired.</summary>
    public void EnsureOpen(DateTime nowUtc)
    {
        if (WithdrawnAtUtc is not null)
        {
            throw DomainException.About("Code", "trusted.withdrawn", "Deze code werkt niet meer. De bewoner heeft de toestemming ingetrokken.");
        }

        if (AccountId is not null)
        {
            throw DomainException.About("Code", "trusted.used", "Deze code is al gebruikt. Vraag de bewoner om een nieuwe code.");
        }

        if (nowUtc >= CodeExpiresAtUtc)
        {
            throw DomainException.About("Code", "trusted.expired", "Deze code is verlopen. Vraag de bewoner om een nieuwe code.");
        }
    }

    /// <summary>The resident stops it: from the next request on, the trusted person sees nothing of his.</summary>
    public void Withdraw(string by, DateTime nowUtc)
    {
        if (WithdrawnAtUtc is not null)
        {
            throw DomainException.Conflict("trusted.already_withdrawn", "Dit was al gestopt.");
        }

        WithdrawnAtUtc = nowUtc;
        WithdrawnBy = by;
    }
}
