using System.Globalization;
using System.Text.RegularExpressions;

namespace Keukentafel.Web;

/// <summary>
/// A number as a Dutch user types it: a comma for decimals and dots between thousands ("7,5", "1.250", "1.250,50"),
/// and also a plain decimal point from a number field or a foreign keyboard ("7.5"). A dot followed by exactly three
/// digits is read as a thousands separator, as a Dutch reader would.
/// </summary>
public static partial class DutchNumber
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public static decimal? Parse(string? text)
    {
        var t = text?.Trim().Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        const NumberStyles Styles = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;
        if (t.Contains(',', StringComparison.Ordinal) || Thousands().IsMatch(t))
        {
            return decimal.TryParse(t, Styles | NumberStyles.AllowThousands, Nl, out var dutch) ? dutch : null;
        }

        return decimal.TryParse(t, Styles, CultureInfo.InvariantCulture, out var plain) ? plain : null;
    }

    /// <summary>An amount as Dutch readers write it: "€ 1.250,50".</summary>
    public static string Euro(decimal amount) => amount.ToString("C", Nl);

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+$")]
    private static partial Regex Thousands();
}
