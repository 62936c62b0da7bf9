namespace Keukentafel.Neighbourhoods;

/// <summary>A staff member works in a neighbourhood.</summary>
public sealed class StaffNeighbourhood(Guid staffMemberId, Guid neighbourhoodId)
{
    public Guid StaffMemberId { get; private set; } = staffMemberId;
    public Guid NeighbourhoodId { get; private set; } = neighbourhoodId;
    public Neighbourhood? Neighbourhood { get; private set; }
}
