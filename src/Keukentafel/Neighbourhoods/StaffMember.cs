namespace Keukentafel.Neighbourhoods;

/// <summary>
/// Someone who works in the approach: a professional, coordinator, manager, director or financier.
/// Residents are not staff: they are <see cref="Resident"/>s and reachable only through their case.
/// </summary>
public sealed class StaffMember
{
    private StaffMember() { Name = null!; Email = ""; }

    public StaffMember(PersonName name, StaffFunction function, Organisation? organisation, string email, string? jobTitle)
    {
        // The coordinator is independent and works for all organisations at once (DOMAIN.md, roles).
        if (organisation is null && function != StaffFunction.Coordinator)
        {
            throw new DomainException("staff.organisation_required", "Geef de organisatie waar deze persoon werkt.");
        }

        Name = name;
        Function = function;
        OrganisationId = organisation?.Id;
        Email = Text.Required(email, "staff.email_required", "Geef het e-mailadres.").ToLowerInvariant();
        JobTitle = Text.Optional(jobTitle);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public PersonName Name { get; private set; }
    public StaffFunction Function { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }
    public string Email { get; private set; }
    public string? Phone { get; private set; }
    public string? JobTitle { get; private set; }

    /// <summary>The neighbourhoods this person works in (werkgebied).</summary>
    public List<StaffNeighbourhood> WorkAreas { get; } = [];

    public bool WorksIn(Guid neighbourhoodId) => WorkAreas.Any(w => w.NeighbourhoodId == neighbourhoodId);

    public void StartWorkingIn(Neighbourhood neighbourhood)
    {
        if (!WorksIn(neighbourhood.Id))
        {
            WorkAreas.Add(new StaffNeighbourhood(Id, neighbourhood.Id));
        }
    }

    public void ChangePhone(string? phone) => Phone = Text.Optional(phone);
}
