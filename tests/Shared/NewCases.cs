namespace Keukentafel.Tests;

/// <summary>The body of a new case signalled through the API, for a synthetic resident in a neighbourhood.</summary>
public static class NewCases
{
    public static object Body(Guid neighbourhoodId, string family = "Veldhoven", string source = "Professional") => new
    {
        neighbourhoodId,
        givenName = "Greet",
        familyName = family,
        dateOfBirth = "1951-03-14",
        street = "Rietvinkstraat",
        houseNumber = "12",
        postalCode = "9991 KT",
        town = "Heerdonk",
        description = "Ik krijg brieven over de huur die ik niet begrijp en ik slaap er slecht van.",
        source,
        sourceDetail = "Tijdens het wassen vertelde mevrouw over de brieven.",
    };
}
