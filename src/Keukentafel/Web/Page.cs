using System.Buffers.Text;
using System.Text;

namespace Keukentafel.Web;

/// <summary>
/// One page of a collection of the API, the one shape of every list (NL API Design Rules): the items, and in
/// <see cref="Next"/> the cursor of the following page, or null on the last. The client passes it back as <c>cursor</c>.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// Pages of a list that is read whole (short lists: a neighbourhood's organisations, a manager's requests): after the item
/// the cursor names (keyset, so an item added before it does not shift the page), at most <c>limit</c> items.
/// </summary>
public static class Pages
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>What the API says of a cursor it did not give, or of an item that is no longer there.</summary>
    public static DomainException UnknownCursor() =>
        DomainException.About("cursor", "list.cursor_invalid", "Deze vervolgpagina bestaat niet. Begin opnieuw bij de eerste pagina.");

    public static Page<T> Of<T>(IReadOnlyList<T> ordered, Func<T, string> key, string? cursor, int? limit)
    {
        var size = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        // Two items with one key (two log entries in the same instant) are told apart by their order among equals.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = ordered.Select(item => key(item) is var k && (seen[k] = seen.GetValueOrDefault(k) + 1) is var n && n > 1 ? $"{k}#{n}" : k).ToList();
        var start = 0;
        if (!string.IsNullOrEmpty(cursor))
        {
            var index = keys.IndexOf(Read(cursor));
            start = index >= 0 ? index + 1 : throw UnknownCursor();
        }

        var items = ordered.Skip(start).Take(size).ToList();
        var more = start + items.Count < ordered.Count;
        return new Page<T>(items, more ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes(keys[start + items.Count - 1])) : null);
    }

    private static string Read(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw UnknownCursor();
        }
    }
}
