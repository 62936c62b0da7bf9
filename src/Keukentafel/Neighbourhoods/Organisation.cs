namespace Keukentafel.Neighbourhoods;

/// <summary>A participating organisation. It works in one or more neighbourhoods and has one ambassador.</summary>
public sealed class Organisation
{
    private Organisation() { Name = ""; }

    public Organisation(string name, OrganisationType type, string? description)
    {
        Name = Text.Required(name, "organisation.name_required", "Geef de naam van de organisatie.");
        Type = type;
        Description = Text.Optional(description);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Name { get; private set; }
    public OrganisationType Type { get; private set; }
    public string? Description { get; private set; }

    /// <summary>The one fixed contact of this organisation for the approach (seed 000: "vast aanspreekpunt").</summary>
    public Guid? AmbassadorId { get; private set; }

    public StaffMember? Ambassador { get; private set; }

    /// <summary>The life domains this organisation can help with; used to suggest who to invite to a table.</summary>
    public Cases.LifeDomains Covers { get; private set; }
    public List<OrganisationNeighbourhood> Neighbourhoods { get; } = [];

    /// <summary>The kinds of professional help this organisation delivers; the budget's allocation looks here.</summary>
    public Services Offers { get; private set; }

    public bool WorksIn(Guid neighbourhoodId) => Neighbourhoods.Any(n => n.NeighbourhoodId == neighbourhoodId);

    public void StartWorkingIn(Neighbourhood neighbourhood)
    {
        if (!WorksIn(neighbourhood.Id))
        {
            Neighbourhoods.Add(new OrganisationNeighbourhood(Id, neighbourhood.Id));
        }
    }

    public void Cover(Cases.LifeDomains domains) => Covers = domains;

    public void Offer(Services services)
    {
        if ((services & ~ServicesText.Each.Aggregate(Services.None, (all, s) => all | s)) != 0)
        {
            throw DomainException.About("Offers", "organisation.services_unknown", "Kies soorten hulp uit de lijst.");
        }

        Offers = services;
    }

    public void AppointAmbassador(StaffMember ambassador)
    {
        if (ambassador.OrganisationId != Id)
        {
            throw new DomainException("organisation.ambassador_elsewhere", "De ambassadeur moet bij deze organisatie werken.");
        }

        AmbassadorId = ambassador.Id;
    }
}
