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
        DateOfBirth = dateOfBirth;
        NeighbourhoodId = neighbourhood.Id;
        Address = address;
        RegisteredAtUtc = registeredAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public PersonName Name { get; private set; }
    public DateOnly DateOfBirth { get; private set; }
    public Guid NeighbourhoodId { get; private set; }
    public Neighbourhood? Neighbourhood { get; private set; }
    public Address Address { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public DateTime RegisteredAtUtc { get; private set; }

    public void ChangeContact(string? phone, string? email)
    {
        Phone = Text.Optional(phone);
        Email = Text.Optional(email)?.ToLowerInvariant();
    }
}
