using System.Globalization;

namespace Keukentafel.Web;

/// <summary>The parts of a date typed in three fields.</summary>
[Flags]
public enum DatePart
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

/// <summary>
/// A date typed as day, month and year in three fields (the date input of GOV.UK and the NL Design System), so nobody
/// has to guess whether the browser wants the month first. What was typed, read into a date or into what is wrong with it.
/// </summary>
public readonly record struct DateParts(string? Day, string? Month, string? Year)
{
    public static DateParts Of(DateOnly date) => new(Number(date.Day), Number(date.Month), Number(date.Year));

    public bool IsEmpty => Missing == DatePart.All;

    /// <summary>
    /// The date; or, when it is not one, the key of the message in <see cref="DateInputTexts"/> and the parts that are
    /// wrong. All three empty is neither: whether the date may be left out is up to the form.
    /// </summary>
    public (DateOnly? Date, string? Problem, DatePart Wrong) Read()
    {
        var missing = Missing;
        if (missing == DatePart.All)
        {
            return (null, null, DatePart.None);
        }

        if (missing != DatePart.None)
        {
            // "DayMissing", "DayAndYearMissing", ...
            return (null, string.Join("And", Enum.GetValues<DatePart>().Where(p => p is DatePart.Day or DatePart.Month or DatePart.Year
                && missing.HasFlag(p))) + "Missing", missing);
        }

        var (day, month, year) = (Parse(Day, 31), Parse(Month, 12), Year!.Trim().Length == 4 ? Parse(Year, 9999) : null);
        var wrong = (day is null ? DatePart.Day : 0) | (month is null ? DatePart.Month : 0) | (year is null or < 1000 ? DatePart.Year : 0);
        return wrong switch
        {
            DatePart.None when DateOnly.TryParseExact($"{year:0000}-{month:00}-{day:00}", "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var date) => (date, null, DatePart.None),
            DatePart.None => (null, "DoesNotExist", DatePart.All),
            DatePart.Day or DatePart.Month or DatePart.Year => (null, $"{wrong}Wrong", wrong),
            _ => (null, "NotADate", wrong),
        };
    }

    private DatePart Missing =>
        (string.IsNullOrWhiteSpace(Day) ? DatePart.Day : 0) | (string.IsNullOrWhiteSpace(Month) ? DatePart.Month : 0)
        | (string.IsNullOrWhiteSpace(Year) ? DatePart.Year : 0);

    /// <summary>A whole number from 1 to <paramref name="highest"/>, in digits only (a leading 0 is fine: 03).</summary>
    private static int? Parse(string? text, int highest) =>
        text!.Trim() is { Length: > 0 and <= 4 } digits && digits.All(char.IsAsciiDigit) && int.Parse(digits, CultureInfo.InvariantCulture) is var n
            && n >= 1 && n <= highest ? n : null;

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
