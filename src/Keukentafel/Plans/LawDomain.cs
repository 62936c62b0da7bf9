namespace Keukentafel.Plans;

/// <summary>The law (and so the payer) an action falls under; the budget and the cost analysis build on it.</summary>
public enum LawDomain
{
    Wmo,
    Zvw,
    Wlz,
    Jeugdwet,
    Participatiewet,
    Welzijn,
    Wonen,
    Schuldhulp,
    Veiligheid,
    Other,
}

public static class LawDomainText
{
    public static string Dutch(this LawDomain domain) => domain switch
    {
        LawDomain.Wmo => "Wmo",
        LawDomain.Zvw => "Zvw (zorgverzekering)",
        LawDomain.Wlz => "Wlz (langdurige zorg)",
        LawDomain.Jeugdwet => "Jeugdwet",
        LawDomain.Participatiewet => "Participatiewet",
        LawDomain.Welzijn => "Welzijn",
        LawDomain.Wonen => "Wonen",
        LawDomain.Schuldhulp => "Schuldhulp",
        LawDomain.Veiligheid => "Veiligheid",
        _ => "Anders",
    };
}
