namespace Keukentafel.Neighbourhoods;

/// <summary>An organisation works in a neighbourhood.</summary>
public sealed class OrganisationNeighbourhood(Guid organisationId, Guid neighbourhoodId)
{
    public Guid OrganisationId { get; private set; } = organisationId;
    public Guid NeighbourhoodId { get; private set; } = neighbourhoodId;
    public Neighbourhood? Neighbourhood { get; private set; }
}
