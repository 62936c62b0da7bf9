namespace Keukentafel.Data;

/// <summary>Moments as every supported database keeps them.</summary>
public static class StoredTime
{
    /// <summary>
    /// The moment in whole microseconds, as UTC: PostgreSQL keeps no finer, so what is hashed or signed now is what is
    /// read back later.
    /// </summary>
    public static DateTime WholeMicroseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
}
