namespace Keukentafel.Cases;

/// <summary>Who does something to a case, as the history records it.</summary>
public sealed record Actor(Guid AccountId, Guid? StaffMemberId, string Name, string? Organisation)
{
    public string Description => Organisation is null ? Name : $"{Name} ({Organisation})";
}
