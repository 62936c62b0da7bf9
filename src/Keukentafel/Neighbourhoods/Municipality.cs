namespace Keukentafel.Neighbourhoods;

/// <summary>A Dutch municipality (gemeente) that runs the approach in one or more neighbourhoods.</summary>
public sealed class Municipality
{
    private Municipality() { Name = Code = ""; }

    public Municipality(string name, string code)
    {
        Name = Text.Required(name, "municipality.name_required", "Geef de naam van de gemeente.");
        Code = Text.Required(code, "municipality.code_required", "Geef de CBS-code van de gemeente.");
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Name { get; private set; }

    /// <summary>The CBS municipality code, e.g. GM0828.</summary>
    public string Code { get; private set; }

    public List<Neighbourhood> Neighbourhoods { get; } = [];
}
