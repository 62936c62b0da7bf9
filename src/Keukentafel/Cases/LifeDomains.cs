namespace Keukentafel.Cases;

/// <summary>The life domains a resident's questions touch. A set: a question about debts and housing is both.</summary>
[Flags]
public enum LifeDomains
{
    None = 0,
    Housing = 1,
    Finances = 2,
    Health = 4,
    MentalHealth = 8,
    Relations = 16,
    DailyActivities = 32,
    Safety = 64,
    Youth = 128,
    Addiction = 256,
    Other = 512,
}

public static class LifeDomainText
{
    public static IReadOnlyList<LifeDomains> Each { get; } =
        [.. Enum.GetValues<LifeDomains>().Where(d => d != LifeDomains.None)];

    public static string Dutch(this LifeDomains domain) => domain switch
    {
        LifeDomains.Housing => "Wonen",
        LifeDomains.Finances => "Geld en schulden",
        LifeDomains.Health => "Gezondheid",
        LifeDomains.MentalHealth => "Psychische gezondheid",
        LifeDomains.Relations => "Relaties en netwerk",
        LifeDomains.DailyActivities => "Dagbesteding en werk",
        LifeDomains.Safety => "Veiligheid",
        LifeDomains.Youth => "Jeugd en opvoeding",
        LifeDomains.Addiction => "Verslaving",
        LifeDomains.Other => "Overig",
        _ => string.Join(", ", Each.Where(d => domain.HasFlag(d)).Select(d => d.Dutch())),
    };

    public static IEnumerable<LifeDomains> Split(this LifeDomains domains) => Each.Where(d => domains.HasFlag(d));
}
