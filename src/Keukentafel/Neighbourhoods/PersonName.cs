namespace Keukentafel.Neighbourhoods;

/// <summary>
/// A Dutch personal name: given name, the family-name prefix (tussenvoegsel, e.g. "van der")
/// kept apart so lists sort on the family name itself, and the family name.
/// </summary>
public sealed record PersonName
{
    private PersonName() { Given = Family = ""; }

    public PersonName(string given, string? prefix, string family)
    {
        Given = Text.Required(given, "name.given_required", "Geef de voornaam.", "GivenName");
        Prefix = Text.Optional(prefix);
        Family = Text.Required(family, "name.family_required", "Geef de achternaam.", "FamilyName");
    }

    public string Given { get; private set; }
    public string? Prefix { get; private set; }
    public string Family { get; private set; }

    public string Display => Prefix is null ? $"{Given} {Family}" : $"{Given} {Prefix} {Family}";

    public override string ToString() => Display;
}
