using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Keukentafel.Data;

/// <summary>
/// Stores times as UTC and gives them back marked as UTC. A time that is not UTC is refused, on SQLite as on
/// PostgreSQL: guessing its zone would store a wrong time without anyone noticing.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => RequireUtc(value),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc))
{
    private static DateTime RequireUtc(DateTime value) => value.Kind == DateTimeKind.Utc
        ? value
        : throw new ArgumentException($"Times are stored as UTC; got a {value.Kind} time.", nameof(value));
}
