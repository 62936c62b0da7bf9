namespace Keukentafel.Cases;

/// <summary>Someone from the resident's own circle (family, neighbour, friend) whom he wants at his table.</summary>
public sealed class NetworkMember
{
    private NetworkMember() { Name = Relation = ""; }

    internal NetworkMember(Guid caseId, string name, string relation, string? phone)
    {
        CaseId = caseId;
        Name = Text.Required(name, "network.name_required", "Geef de naam van deze persoon.", "Name");
        Relation = Text.Required(relation, "network.relation_required", "Geef aan wie dit is voor de bewoner, bijvoorbeeld: dochter of buurman.", "Relation");
        Phone = Text.Optional(phone);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }
    public string Name { get; private set; }
    public string Relation { get; private set; }
    public string? Phone { get; private set; }
}
