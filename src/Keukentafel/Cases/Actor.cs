namespace Keukentafel.Cases;

/// <summary>Who does something to a case, as the history records it; his organisation's id for the figures that count per organisation.</summary>
public sealed record Actor(Guid AccountId, Guid? StaffMemberId, string Name, string? Organisation, Guid? OrganisationId = null)
{
    public string Description => Organisation is null ? Name : $"{Name} ({Organisation})";
}
