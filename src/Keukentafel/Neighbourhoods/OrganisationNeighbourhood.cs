namespace Keukentafel.Neighbourhoods;

/// <summary>An organisation works in a neighbourhood, with its ambassador there (seed 000: one fixed contact).</summary>
public sealed class OrganisationNeighbourhood(Guid organisationId, Guid neighbourhoodId)
{
    public Guid OrganisationId { get; private set; } = organisationId;
    public Guid NeighbourhoodId { get; private set; } = neighbourhoodId;
    public Neighbourhood? Neighbourhood { get; private set; }

    /// <summary>The organisation's ambassador in this neighbourhood; when none, its ambassador in general.</summary>
    public Guid? AmbassadorId { get; private set; }

    /// <summary>A staff member of the organisation becomes its ambassador here, and so starts working here.</summary>
    public void AppointAmbassador(StaffMember ambassador, Neighbourhood neighbourhood)
    {
        if (ambassador.OrganisationId != OrganisationId)
        {
            throw DomainException.About("StaffMemberId", "organisation.ambassador_elsewhere", "De ambassadeur moet bij deze organisatie werken.");
        }

        ambassador.StartWorkingIn(neighbourhood);
        AmbassadorId = ambassador.Id;
    }
}
