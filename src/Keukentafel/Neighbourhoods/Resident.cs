namespace Keukentafel.Neighbourhoods;

/// <summary>
/// A resident (wijkbewoner): the owner of his case. His data is special-category personal data;
/// it is read only through the case access rules, never through the staff directory.
/// No citizen service number (BSN) is kept: the approach does not need it.
/// </summary>
public sealed class Resident
{
    private Resident() { Name = null!; Address = null!; }

    public Resident(PersonName name, DateOnly dateOfBirth, Neighbourhood neighbourhood, Address address, DateTime registeredAtUtc)
    {
        if (registeredAtUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Times are UTC.", nameof(registeredAtUtc));
        }

        if (dateOfBirth > DateOnly.FromDateTime(registeredAtUtc))
        {
            throw DomainException.About("DateOfBirth", "resident.born_in_future", "De geboortedatum ligt in de toekomst.");
        }

        Name = name;
        SearchKey = NameSearch.KeyOf(name);
        DateOfBirth = dateOfBirth;
        NeighbourhoodId = neighbourhood.Id;
        Address = address;
        RegisteredAtUtc = registeredAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public PersonName Name { get; private set; }

    /// <summary>The name folded for searching (<see cref="NameSearch"/>): the same on every database, whatever its letters.</summary>
    public string SearchKey { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public Guid NeighbourhoodId { get; private set; }
    public Neighbourhood? Neighbourhood { get; private set; }
    public Address Address { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public DateTime RegisteredAtUtc { get; private set; }

    /// <summary>Goes up with every rectification: two people correcting the same resident at once are noticed.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Rectification (AVG art. 16): the corrected details replace the old ones; what changed, before and after, is
    /// returned for the history of the case it was done through. Only the fields that differ are listed.
    /// </summary>
    public (Dictionary<string, string?> Before, Dictionary<string, string?> After) Rectify(
        PersonName name, DateOnly dateOfBirth, Address address, string? phone, string? email, DateTime nowUtc)
    {
        if (AnonymisedAtUtc is not null)
        {
            throw DomainException.Conflict("resident.anonymised", "Deze bewoner is geanonimiseerd na de bewaartermijn. Zijn gegevens komen niet terug.");
        }

        if (dateOfBirth > DateOnly.FromDateTime(nowUtc))
        {
            throw DomainException.About("DateOfBirth", "resident.born_in_future", "De geboortedatum ligt in de toekomst.");
        }

        var before = new Dictionary<string, string?>();
        var after = new Dictionary<string, string?>();
        void Compare(string field, string? old, string? now)
        {
            if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                before[field] = old;
                after[field] = now;
            }
        }

        var newPhone = Text.Optional(phone);
        var newEmail = Text.Optional(email)?.ToLowerInvariant();
        Compare("naam", Name.Display, name.Display);
        Compare("geboortedatum", DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            dateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Compare("adres", Address.ToString(), address.ToString());
        Compare("telefoon", Phone, newPhone);
        Compare("e-mail", Email, newEmail);
        if (before.Count > 0)
        {
            (Name, DateOfBirth, Address, Phone, Email) = (name, dateOfBirth, address, newPhone, newEmail);
            SearchKey = NameSearch.KeyOf(name);
            Version++;
        }

        return (before, after);
    }

    /// <summary>Set when the retention term ran out and his identity was removed.</summary>
    public DateTime? AnonymisedAtUtc { get; private set; }

    /// <summary>
    /// After the retention term: the identity goes; what figures need stays (the birth year for age groups, the
    /// neighbourhood, the four digits of the postcode and the town).
    /// </summary>
    public void Anonymise(DateTime nowUtc)
    {
        Name = new PersonName("Geanonimiseerde", null, "bewoner");
        SearchKey = NameSearch.KeyOf(Name);
        DateOfBirth = new DateOnly(DateOfBirth.Year, 1, 1);
        Address = Address.Anonymised();
        Phone = Email = null;
        AnonymisedAtUtc = nowUtc;
        Version++;
    }

    public void ChangeContact(string? phone, string? email)
    {
        Phone = Text.Optional(phone);
        Email = Text.Optional(email)?.ToLowerInvariant();
    }
}
