namespace Keukentafel.Neighbourhoods;

/// <summary>
/// The kinds of professional help an organisation delivers. White label (seeds: "it does not matter which organisation
/// delivers"): a plan action names the kind of help, and the budget's allocation looks for the organisations that offer it.
/// </summary>
[Flags]
public enum Services
{
    None = 0,
    HouseholdHelp = 1,
    Support = 2,
    DayActivities = 4,
    DistrictNursing = 8,
    DebtHelp = 16,
    SocialWork = 32,
    HomeAdaptation = 64,
    FamilyCoaching = 128,
    MentalHealthCare = 256,
    CarerSupport = 512,
    Exercise = 1024,
}

public static class ServicesText
{
    public static IReadOnlyList<Services> Each { get; } = [.. Enum.GetValues<Services>().Where(s => s != Services.None)];

    public static string Dutch(this Services service) => service switch
    {
        Services.None => "Geen",
        Services.HouseholdHelp => "Huishoudelijke hulp",
        Services.Support => "Begeleiding",
        Services.DayActivities => "Dagbesteding",
        Services.DistrictNursing => "Wijkverpleging",
        Services.DebtHelp => "Schuldhulp",
        Services.SocialWork => "Maatschappelijk werk",
        Services.HomeAdaptation => "Woningaanpassing",
        Services.FamilyCoaching => "Gezinscoaching",
        Services.MentalHealthCare => "Ggz-hulp in de wijk",
        Services.CarerSupport => "Steun voor mantelzorgers",
        Services.Exercise => "Beweegprogramma",
        _ => string.Join(", ", Each.Where(s => service.HasFlag(s)).Select(s => s.Dutch())),
    };

    /// <summary>Is this one kind of help (not none, not several)?</summary>
    public static bool IsOne(this Services service) => service != Services.None && (service & (service - 1)) == 0 && Each.Contains(service);

    /// <summary>What an organisation of this type usually delivers, as a starting point an administrator can change.</summary>
    public static Services TypicalServices(this OrganisationType type) => type switch
    {
        OrganisationType.Housing => Services.HomeAdaptation,
        OrganisationType.HomeCare => Services.HouseholdHelp | Services.DistrictNursing | Services.DayActivities,
        OrganisationType.MentalHealth => Services.MentalHealthCare | Services.Support,
        OrganisationType.Welfare => Services.SocialWork | Services.Support | Services.CarerSupport | Services.DebtHelp | Services.DayActivities,
        OrganisationType.Youth => Services.FamilyCoaching | Services.Support,
        OrganisationType.Municipality => Services.DebtHelp | Services.HomeAdaptation,
        OrganisationType.Sports => Services.Exercise,
        _ => Services.None,
    };
}
