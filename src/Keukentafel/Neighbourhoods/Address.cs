using System.Text.RegularExpressions;

namespace Keukentafel.Neighbourhoods;

/// <summary>A Dutch address: street, house number (with addition) and postcode (1234 AB).</summary>
public sealed partial record Address
{
    private Address() { Street = HouseNumber = PostalCode = Town = ""; }

    public Address(string street, string houseNumber, string postalCode, string town)
    {
        Street = Text.Required(street, "address.street_required", "Geef de straat.", "Street");
        HouseNumber = Text.Required(houseNumber, "address.number_required", "Geef het huisnummer.", "HouseNumber");
        var postcode = Text.Required(postalCode, "address.postcode_required", "Geef de postcode.", "PostalCode").ToUpperInvariant()
            .Replace(" ", "", StringComparison.Ordinal);
        if (!DutchPostcode().IsMatch(postcode))
        {
            throw DomainException.About("PostalCode", "address.postcode_invalid", "Een postcode is vier cijfers en twee letters, bijvoorbeeld 5341 AB.");
        }

        PostalCode = $"{postcode[..4]} {postcode[4..]}";
        Town = Text.Required(town, "address.town_required", "Geef de woonplaats.", "Town");
    }

    /// <summary>What is left of an address after anonymisation: the postcode area (four digits) and the town.</summary>
    public Address Anonymised() => new() { Street = "-", HouseNumber = "-", PostalCode = PostalCode[..4], Town = Town };

    public string Street { get; private set; }
    public string HouseNumber { get; private set; }
    public string PostalCode { get; private set; }
    public string Town { get; private set; }

    public override string ToString() => $"{Street} {HouseNumber}, {PostalCode} {Town}";

    [GeneratedRegex("^[1-9][0-9]{3}[A-Z]{2}$")]
    private static partial Regex DutchPostcode();
}
