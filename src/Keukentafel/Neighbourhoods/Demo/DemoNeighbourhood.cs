using System.Globalization;
using System.Text;

namespace Keukentafel.Neighbourhoods.Demo;

/// <summary>
/// The synthetic demo: one municipality, two neighbourhoods, the thirteen kinds of organisations
/// that sat at the table in the seeds (with made-up names), their staff, two coordinators and a few
/// hundred residents. Every name is invented; none is taken from the seed articles. The same
/// seed number always gives the same data, so seeding can be repeated without change.
/// </summary>
public static class DemoNeighbourhood
{
    public const string Password = "Keukentafel-demo-2026!";
    public const string MunicipalityCode = "GM9901";
    public const string AdministratorEmail = "beheerder@keukentafel.example";
    public const string ResidentEmail = "bewoner@keukentafel.example";

    /// <summary>The accounts printed at start-up and listed in the README: one per role.</summary>
    public static IReadOnlyList<(string Role, string Email)> HighlightedAccounts { get; } =
    [
        ("professional", "sanne.verhoeven@welzijnsamen.example"),
        ("wijkcoördinator", "ilse.dekkers@keukentafel.example"),
        ("manager", "marco.peeters@welzijnsamen.example"),
        ("bestuurder", "hanneke.claassen@welzijnsamen.example"),
        ("financier", "joost.verschuren@heerdonk.example"),
        ("aanjager", "noor.vanbeurden@heerdonk.example"),
        ("beheerder", AdministratorEmail),
        ("bewoner", ResidentEmail),
    ];

    public static DemoData Build()
    {
        var random = new Random(2016);
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var staff = new List<DemoStaff>();

        DemoStaff Person(string organisationKey, string domain, StaffFunction function, string? jobTitle, string[] neighbourhoods,
            (string Given, string? Prefix, string Family)? fixedName = null, bool ambassador = false)
        {
            var name = fixedName ?? NewName(random, usedNames);
            usedNames.Add($"{name.Given} {name.Family}");
            var email = $"{Slug(name.Given)}.{Slug((name.Prefix is null ? "" : name.Prefix + " ") + name.Family)}@{domain}";
            var person = new DemoStaff(name.Given, name.Prefix, name.Family, function, jobTitle, organisationKey, email, neighbourhoods, ambassador);
            staff.Add(person);
            return person;
        }

        foreach (var o in Organisations)
        {
            (string, string?, string)? ambassadorName = o.Key == "welzijn" ? ("Sanne", null, "Verhoeven") : null;
            var professionals = o.Type switch
            {
                OrganisationType.HealthInsurer => 1,
                OrganisationType.HomeCare or OrganisationType.MentalHealth or OrganisationType.Welfare or OrganisationType.Youth => 3,
                _ => 2,
            };
            for (var i = 0; i < professionals; i++)
            {
                // Each professional works in one of his organisation's neighbourhoods, the first in all of them.
                var areas = i == 0 ? o.Neighbourhoods : [o.Neighbourhoods[i % o.Neighbourhoods.Length]];
                // The first professional of each organisation is its ambassador (seed 000).
                Person(o.Key, o.Domain, StaffFunction.Professional, o.ProfessionalTitle, areas, i == 0 ? ambassadorName : null, ambassador: i == 0);
            }

            Person(o.Key, o.Domain, StaffFunction.Manager, "Teammanager", o.Neighbourhoods, o.Key == "welzijn" ? ("Marco", null, "Peeters") : null);
            var top = o.Type is OrganisationType.Municipality or OrganisationType.HealthInsurer ? StaffFunction.Financier : StaffFunction.Director;
            (string, string?, string)? topName = o.Key switch
            {
                "welzijn" => ("Hanneke", null, "Claassen"),
                "gemeente" => ("Joost", null, "Verschuren"),
                _ => null,
            };
            Person(o.Key, o.Domain, top, top == StaffFunction.Financier ? "Contractmanager sociaal domein" : "Bestuurder", o.Neighbourhoods, topName);
        }

        Person("", "keukentafel.example", StaffFunction.Coordinator, "Wijkcoördinator", ["WK990101"], ("Ilse", null, "Dekkers"));
        Person("", "keukentafel.example", StaffFunction.Coordinator, "Wijkcoördinator", ["WK990102"]);
        // The aanjager of the municipality helps start the approach in more neighbourhoods.
        Person("gemeente", "heerdonk.example", StaffFunction.Aanjager, "Aanjager wijkaanpak", ["WK990101", "WK990102"], ("Noor", "van", "Beurden"));

        var residents = new List<DemoResident>();
        var residentKeys = new HashSet<string>(StringComparer.Ordinal);
        while (residents.Count < 320)
        {
            var inFirst = random.NextDouble() < 0.6;
            var (given, prefix, family) = NewName(random, usedNames);
            var born = new DateOnly(1936, 1, 1).AddDays(random.Next(0, 72 * 365));
            var key = $"{given}|{prefix}|{family}|{born:O}";
            if (!residentKeys.Add(key))
            {
                continue;
            }

            var streets = inFirst ? RietveldenStreets : KloosterkampStreets;
            var postcodeNumber = inFirst ? 9991 : 9992;
            var letters = $"{(char)('A' + random.Next(0, 10))}{(char)('A' + random.Next(0, 26))}";
            residents.Add(new DemoResident(given, prefix, family, born, inFirst ? "WK990101" : "WK990102",
                streets[random.Next(streets.Length)], (random.Next(1, 180)).ToString(CultureInfo.InvariantCulture), $"{postcodeNumber} {letters}"));
        }

        return new DemoData(Organisations, staff, residents);
    }

    private static (string Given, string? Prefix, string Family) NewName(Random random, HashSet<string> used)
    {
        while (true)
        {
            var given = GivenNames[random.Next(GivenNames.Length)];
            var family = FamilyNames[random.Next(FamilyNames.Length)];
            var prefix = family.Prefix;
            if (!used.Contains($"{given} {family.Name}"))
            {
                return (given, prefix, family.Name);
            }
        }
    }

    private static string Slug(string text)
    {
        var plain = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        return plain.ToString();
    }

    private static readonly DemoOrganisation[] Organisations =
    [
        new("woongoed", "WoonGoed Heerdonk", OrganisationType.Housing, "woongoed.example", "Wijkconsulent",
            "Woningcorporatie met ruim 9.000 huurwoningen in Heerdonk.", ["WK990101", "WK990102"]),
        new("delinde", "ThuisZorg De Linde", OrganisationType.HomeCare, "delinde.example", "Wijkverpleegkundige",
            "Ouderenzorg en zorg thuis.", ["WK990101", "WK990102"]),
        new("gemeente", "Gemeente Heerdonk, wijkteam", OrganisationType.Municipality, "heerdonk.example", "Consulent Wmo",
            "De gemeente: Wmo, Participatiewet, schuldhulp en jeugd.", ["WK990101", "WK990102"]),
        new("ggd", "GGD Regio Heerdonk", OrganisationType.PublicHealth, "ggdregio.example", "Jeugdverpleegkundige",
            "Publieke gezondheid en preventie.", ["WK990101", "WK990102"]),
        new("lindeoord", "GGZ Lindeoord", OrganisationType.MentalHealth, "lindeoord.example", "Sociaal psychiatrisch verpleegkundige",
            "Geestelijke gezondheidszorg, ook in de wijk.", ["WK990101", "WK990102"]),
        new("zorgzaam", "Wijkverpleging Zorgzaam", OrganisationType.HomeCare, "zorgzaam.example", "Wijkverpleegkundige",
            "Verpleging en verzorging thuis.", ["WK990101"]),
        new("kompas", "Jeugdcoaching Kompas", OrganisationType.Youth, "kompas.example", "Jeugd- en gezinscoach",
            "Advies en coaching voor jongeren en gezinnen.", ["WK990101", "WK990102"]),
        new("welzijn", "Stichting Welzijn Samen", OrganisationType.Welfare, "welzijnsamen.example", "Opbouwwerker",
            "Welzijnswerk, vrijwilligers en het buurthuis.", ["WK990101", "WK990102"]),
        new("eikenrode", "Zorggroep Eikenrode", OrganisationType.HomeCare, "eikenrode.example", "Wijkverpleegkundige",
            "Zorg thuis en in het verpleeghuis.", ["WK990102"]),
        new("beweging", "Sportcentrum De Beweging", OrganisationType.Sports, "debeweging.example", "Buurtsportcoach",
            "Sport en bewegen voor alle leeftijden.", ["WK990101"]),
        new("startpunt", "Jongerenwerk Startpunt", OrganisationType.Youth, "startpunt.example", "Jongerenwerker",
            "Jongerenwerk en ondersteuning van jonge gezinnen.", ["WK990101"]),
        new("zekerzorg", "Zorgverzekeraar Zekerzorg", OrganisationType.HealthInsurer, "zekerzorg.example", "Zorginkoper wijkzorg",
            null, ["WK990101", "WK990102"]),
        new("gezondwijs", "Zorgverzekeraar Gezondwijs", OrganisationType.HealthInsurer, "gezondwijs.example", "Zorginkoper wijkzorg",
            null, ["WK990101", "WK990102"]),
    ];

    public static IReadOnlyList<(string Code, string Name, int Inhabitants)> Neighbourhoods { get; } =
    [
        ("WK990101", "Rietvelden", 13_100),
        ("WK990102", "Kloosterkamp", 9_400),
    ];

    private static readonly string[] RietveldenStreets = ["Rietvinkstraat", "Lisdoddelaan", "Kroosweg", "Waterhoenpad", "Biezenhof", "Oeverzwaluwstraat"];
    private static readonly string[] KloosterkampStreets = ["Abdijlaan", "Kloostertuin", "Pater Damiaanstraat", "Kapelweg", "Gastenhof", "Poortstraat"];

    private static readonly string[] GivenNames =
    [
        "Anouk", "Bram", "Carla", "Daan", "Eline", "Fatima", "Gerrit", "Hatice", "Iris", "Jan", "Karin", "Leon", "Mila",
        "Nadia", "Otto", "Petra", "Quinten", "Rachida", "Stijn", "Tessa", "Umut", "Vera", "Wim", "Yara", "Zeynep",
        "Ahmed", "Bo", "Cor", "Dewi", "Emre", "Femke", "Gijs", "Hennie", "Ivo", "Joke", "Kees", "Lotte", "Mohamed",
        "Noor", "Olga", "Piet", "Rik", "Samira", "Tom", "Ursula", "Vincent", "Wendy", "Youssef", "Agnieszka", "Marek",
        "Rinus", "Truus", "Guus", "Mieke", "Sven", "Esra", "Jesse", "Demi", "Kevin", "Priya",
    ];

    private static readonly (string? Prefix, string Name)[] FamilyNames =
    [
        (null, "Arts"), (null, "Bosch"), ("van den", "Broek"), (null, "Coenen"), ("van", "Dijk"), (null, "Ermers"),
        (null, "Franssen"), (null, "Gerrits"), ("van", "Hout"), (null, "Jacobs"), (null, "Kuijpers"), ("de", "Laat"),
        (null, "Maas"), (null, "Nooijen"), (null, "Oerlemans"), (null, "Pennings"), (null, "Raaijmakers"), (null, "Schoenmakers"),
        ("van", "Tilburg"), (null, "Vos"), (null, "Willems"), (null, "Yilmaz"), (null, "Zeegers"), (null, "Aydin"),
        (null, "El Amrani"), ("van der", "Heijden"), (null, "Lammers"), (null, "Bouzid"), (null, "Kowalski"), (null, "Sanders"),
        (null, "Timmermans"), ("van", "Lith"), (null, "Hendriks"), (null, "Martens"), (null, "Verstegen"), (null, "Donkers"),
        ("de", "Graaf"), (null, "Kramer"), (null, "Ramdin"), (null, "Mertens"), (null, "Ploegmakers"), (null, "Swinkels"),
    ];
}

public sealed record DemoOrganisation(
    string Key, string Name, OrganisationType Type, string Domain, string ProfessionalTitle, string? Description, string[] Neighbourhoods);

public sealed record DemoStaff(
    string Given, string? Prefix, string Family, StaffFunction Function, string? JobTitle, string OrganisationKey, string Email, string[] Neighbourhoods,
    bool IsAmbassador);

public sealed record DemoResident(
    string Given, string? Prefix, string Family, DateOnly DateOfBirth, string NeighbourhoodCode, string Street, string HouseNumber, string PostalCode);

public sealed record DemoData(IReadOnlyList<DemoOrganisation> Organisations, IReadOnlyList<DemoStaff> Staff, IReadOnlyList<DemoResident> Residents);
