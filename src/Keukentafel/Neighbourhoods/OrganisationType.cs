namespace Keukentafel.Neighbourhoods;

/// <summary>The kinds of organisations that sit at the table in the seeds.</summary>
public enum OrganisationType
{
    Housing,
    HomeCare,
    MentalHealth,
    Welfare,
    Youth,
    PublicHealth,
    Municipality,
    HealthInsurer,
    Sports,
    Other,
}

public static class OrganisationTypeText
{
    /// <summary>What an organisation of this type usually helps with, as a starting point an administrator can change.</summary>
    public static Cases.LifeDomains TypicalDomains(this OrganisationType type) => type switch
    {
        OrganisationType.Housing => Cases.LifeDomains.Housing | Cases.LifeDomains.Safety,
        OrganisationType.HomeCare => Cases.LifeDomains.Health | Cases.LifeDomains.DailyActivities,
        OrganisationType.MentalHealth => Cases.LifeDomains.MentalHealth | Cases.LifeDomains.Addiction,
        OrganisationType.Welfare => Cases.LifeDomains.Relations | Cases.LifeDomains.DailyActivities | Cases.LifeDomains.Finances,
        OrganisationType.Youth => Cases.LifeDomains.Youth | Cases.LifeDomains.Relations,
        OrganisationType.PublicHealth => Cases.LifeDomains.Health | Cases.LifeDomains.Youth | Cases.LifeDomains.Addiction,
        OrganisationType.Municipality => Cases.LifeDomains.Finances | Cases.LifeDomains.Housing | Cases.LifeDomains.DailyActivities | Cases.LifeDomains.Safety,
        OrganisationType.HealthInsurer => Cases.LifeDomains.Health,
        OrganisationType.Sports => Cases.LifeDomains.DailyActivities | Cases.LifeDomains.Health,
        _ => Cases.LifeDomains.Other,
    };

    public static string Dutch(this OrganisationType type) => type switch
    {
        OrganisationType.Housing => "Wonen",
        OrganisationType.HomeCare => "Thuiszorg en wijkverpleging",
        OrganisationType.MentalHealth => "Geestelijke gezondheidszorg",
        OrganisationType.Welfare => "Welzijn",
        OrganisationType.Youth => "Jeugd en gezin",
        OrganisationType.PublicHealth => "Publieke gezondheid (GGD)",
        OrganisationType.Municipality => "Gemeente",
        OrganisationType.HealthInsurer => "Zorgverzekeraar",
        OrganisationType.Sports => "Sport en bewegen",
        _ => "Overig",
    };
}
