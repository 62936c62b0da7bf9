namespace Keukentafel.Cases;

/// <summary>
/// Dates as people in the Netherlands see them. Times are stored in UTC; a deadline is a date on the Dutch
/// calendar, so a signal at 00:30 on a Tuesday in Oss counts from that Tuesday, not from Monday in UTC.
/// </summary>
public static class DutchTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Date(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Utc(utc), Zone));

    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(Utc(utc), Zone);

    /// <summary>A date and time as typed on a Dutch form (local time) in UTC.</summary>
    public static DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public static DateOnly Today(TimeProvider time) => Date(time.GetUtcNow().UtcDateTime);

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc
        ? value
        : throw new ArgumentException("Times are UTC.", nameof(value));
}
