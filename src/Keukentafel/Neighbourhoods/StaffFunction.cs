namespace Keukentafel.Neighbourhoods;

/// <summary>What a staff member does in the approach (DOMAIN.md, roles).</summary>
public enum StaffFunction
{
    Professional,
    Coordinator,
    Manager,
    Director,
    Financier,

    /// <summary>Helps start the approach in more neighbourhoods (Oss, from 2018).</summary>
    Aanjager,
}

public static class StaffFunctionText
{
    public static string Dutch(this StaffFunction function) => function switch
    {
        StaffFunction.Professional => "Professional",
        StaffFunction.Coordinator => "Wijkcoördinator",
        StaffFunction.Manager => "Manager",
        StaffFunction.Director => "Bestuurder",
        StaffFunction.Financier => "Financier",
        _ => "Aanjager",
    };
}
