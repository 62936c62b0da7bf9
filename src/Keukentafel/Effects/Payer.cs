namespace Keukentafel.Effects;

/// <summary>Who pays a cost: the pockets of the "wrong pocket" question (who pays for the approach, who saves by it).</summary>
public enum Payer
{
    Municipality,
    HealthInsurer,
    CareOffice,
    HousingCorporation,
    Police,
    State,
    Other,
}

public static class PayerText
{
    public static string Dutch(this Payer payer) => payer switch
    {
        Payer.Municipality => "Gemeente",
        Payer.HealthInsurer => "Zorgverzekeraar",
        Payer.CareOffice => "Zorgkantoor (Wlz)",
        Payer.HousingCorporation => "Woningcorporatie",
        Payer.Police => "Politie",
        Payer.State => "Rijk",
        _ => "Anders",
    };

    /// <summary>Who usually pays under a law domain: for plan actions, which name a law domain but no payer.</summary>
    public static Payer DefaultFor(Plans.LawDomain domain) => domain switch
    {
        Plans.LawDomain.Zvw => Payer.HealthInsurer,
        Plans.LawDomain.Wlz => Payer.CareOffice,
        Plans.LawDomain.Wonen => Payer.HousingCorporation,
        Plans.LawDomain.Veiligheid => Payer.Police,
        Plans.LawDomain.Other => Payer.Other,
        _ => Payer.Municipality, // Wmo, Jeugdwet, Participatiewet, welfare and debt counselling are the municipality's
    };
}
