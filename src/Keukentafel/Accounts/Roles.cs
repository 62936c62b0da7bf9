namespace Keukentafel.Accounts;

/// <summary>The roles of Keukentafel. What a role may do is decided by the policies in <see cref="Policies"/>.</summary>
public static class Roles
{
    public const string Resident = "resident";
    public const string Professional = "professional";
    public const string Coordinator = "coordinator";
    public const string Manager = "manager";

    /// <summary>Directors and financiers: they read outcomes, costs and bottlenecks, never a resident's file.</summary>
    public const string Director = "director";

    public const string Administrator = "administrator";

    /// <summary>Starts the approach in another neighbourhood: its organisations, coordinator, ambassadors and start-up checklist.</summary>
    public const string Aanjager = "aanjager";

    /// <summary>
    /// Someone a resident trusts (a daughter, a neighbour) whom he lets see and act on his own pages: only while the
    /// resident's consent stands, checked on every request (<see cref="Residents.TrustedPeople"/>).
    /// </summary>
    public const string TrustedPerson = "meekijker";

    public static IReadOnlyList<string> All { get; } = [Resident, Professional, Coordinator, Manager, Director, Administrator, Aanjager, TrustedPerson];

    /// <summary>The roles of people who work with Keukentafel (the <see cref="Policies.Staff"/> policy), as opposed to residents.</summary>
    public static IReadOnlyList<string> Staff { get; } = [Professional, Coordinator, Manager, Director, Administrator, Aanjager];

    public static string Dutch(string role) => role switch
    {
        Resident => "Bewoner",
        Professional => "Professional",
        Coordinator => "Wijkcoördinator",
        Manager => "Manager",
        Director => "Bestuurder of financier",
        Administrator => "Beheerder",
        Aanjager => "Aanjager",
        TrustedPerson => "Kijkt mee met een bewoner",
        _ => role,
    };
}
