namespace Keukentafel.Cases;

/// <summary>Where a case came in (core rule 1: it is picked up wherever it comes in).</summary>
public enum CaseSource
{
    Resident,
    Network,
    Professional,
    GeneralPractitioner,
    Police,
    School,
    Other,
}

public static class CaseSourceText
{
    public static string Dutch(this CaseSource source) => source switch
    {
        CaseSource.Resident => "De bewoner zelf",
        CaseSource.Network => "Familie, buren of vrienden",
        CaseSource.Professional => "Een professional",
        CaseSource.GeneralPractitioner => "De huisarts",
        CaseSource.Police => "De politie",
        CaseSource.School => "School of kinderopvang",
        _ => "Anders",
    };
}
