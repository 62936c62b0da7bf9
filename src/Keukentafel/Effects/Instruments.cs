namespace Keukentafel.Effects;

/// <summary>A wellbeing instrument besides the report mark, with the dimensions it scores and their range.</summary>
public sealed record Instrument(string Code, string Name, int Min, int Max, IReadOnlyList<InstrumentDimension> Dimensions)
{
    /// <summary>Positive Health (Positieve Gezondheid): six dimensions, each 0-10, as the resident scores them himself.</summary>
    public static Instrument PositiveHealth { get; } = new("positieve-gezondheid", "Positieve Gezondheid", 0, 10,
    [
        new("ph-lichaam", "Lichaamsfuncties"),
        new("ph-mentaal", "Mentaal welbevinden"),
        new("ph-zingeving", "Zingeving"),
        new("ph-kwaliteit", "Kwaliteit van leven"),
        new("ph-meedoen", "Meedoen"),
        new("ph-dagelijks", "Dagelijks functioneren"),
    ]);

    /// <summary>The Self-Sufficiency Matrix (Zelfredzaamheid-Matrix, ZRM): eleven domains, each 1 (acute problems) to 5 (fully self-sufficient).</summary>
    public static Instrument Zrm { get; } = new("zrm", "Zelfredzaamheid-Matrix (ZRM)", 1, 5,
    [
        new("zrm-financien", "Financiën"),
        new("zrm-dagbesteding", "Dagbesteding"),
        new("zrm-huisvesting", "Huisvesting"),
        new("zrm-huiselijke-relaties", "Huiselijke relaties"),
        new("zrm-geestelijke-gezondheid", "Geestelijke gezondheid"),
        new("zrm-lichamelijke-gezondheid", "Lichamelijke gezondheid"),
        new("zrm-verslaving", "Verslaving"),
        new("zrm-adl", "Activiteiten van het dagelijks leven (ADL)"),
        new("zrm-sociaal-netwerk", "Sociaal netwerk"),
        new("zrm-maatschappelijke-participatie", "Maatschappelijke participatie"),
        new("zrm-justitie", "Justitie"),
    ]);

    public static IReadOnlyList<Instrument> All { get; } = [PositiveHealth, Zrm];

    public static Instrument? Of(string dimensionCode) => All.FirstOrDefault(i => i.Dimensions.Any(d => d.Code == dimensionCode));
}

public sealed record InstrumentDimension(string Code, string Name);
