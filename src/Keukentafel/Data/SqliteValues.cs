using System.Globalization;

namespace Keukentafel.Data;

/// <summary>
/// What EF Core's SQLite provider writes for a value: times and dates as ISO text, Guids as upper-case text, decimals as
/// text, booleans as 0 and 1. For SQL written by hand against SQLite (bulk writes, the bench's bare queries), so that it
/// reads and writes the values exactly as the application does.
/// </summary>
public static class SqliteValues
{
    public static object Of(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid g => g.ToString().ToUpperInvariant(),
        decimal m => m.ToString("0.0###########################", CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => value,
    };
}
