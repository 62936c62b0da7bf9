using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Effects;

/// <summary>
/// How a neighbourhood measures effects: the report mark always; Positive Health and the ZRM when its team works with
/// them; the follow-up this many months after closing (six by default: "in the longer term" in the seeds).
/// </summary>
public sealed record EffectSettings(bool UsesPositiveHealth = false, bool UsesZrm = false, int FollowUpMonths = EffectSettings.DefaultFollowUpMonths)
{
    public const int DefaultFollowUpMonths = 6;

    public IEnumerable<Instrument> Instruments
    {
        get
        {
            if (UsesPositiveHealth)
            {
                yield return Instrument.PositiveHealth;
            }

            if (UsesZrm)
            {
                yield return Instrument.Zrm;
            }
        }
    }

    public static EffectSettings Validated(bool usesPositiveHealth, bool usesZrm, int followUpMonths) =>
        followUpMonths is < 1 or > 36
            ? throw DomainException.About("FollowUpMonths", "effects.follow_up_months", "Kies een nameting tussen 1 en 36 maanden na het afsluiten.")
            : new(usesPositiveHealth, usesZrm, followUpMonths);
}

public static class EffectSettingsQueries
{
    /// <summary>How a neighbourhood measures effects, read in one query.</summary>
    public static Task<EffectSettings> EffectSettingsAsync(this KeukentafelDbContext db, Guid neighbourhoodId, CancellationToken ct) =>
        db.Neighbourhoods.AsNoTracking().Where(n => n.Id == neighbourhoodId)
            .Select(n => new EffectSettings(n.UsesPositiveHealth, n.UsesZrm, n.FollowUpMonths)).SingleAsync(ct);
}
