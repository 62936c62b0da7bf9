using Keukentafel.Cases;
using Keukentafel.Neighbourhoods;
using Case = Keukentafel.Cases.Case;

namespace Keukentafel.Tests.Cases;

/// <summary>A case on the domain types alone, for rule tests without a database.</summary>
public static class DomainCases
{
    public static Case Signalled(DateTime signalledUtc, Actor by)
    {
        var town = new Municipality("Gemeente Proefdorp", "GM9998");
        var north = new Neighbourhood(town, "Noord", "WK999801", null);
        var organisation = new Organisation("Welzijn Proef", OrganisationType.Welfare, null);
        var bringer = new StaffMember(new PersonName("Test", null, "Professional"), StaffFunction.Professional, organisation, "test@proef.example", null);
        bringer.StartWorkingIn(north);
        var resident = new Resident(new PersonName("Bep", null, "Bewoner"), new DateOnly(1950, 1, 1), north,
            new Address("Dorpsstraat", "1", "9999 ZZ", "Proefdorp"), signalledUtc);
        return Case.Signal("2026-00001", resident, bringer, "Een vraag.", CaseSource.Resident, null, by, signalledUtc);
    }
}
