using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Keukentafel.Residents;

/// <summary>
/// The resident's own pages speak to him as "u", in his words: a case's history and consents are written by and for
/// professionals ("MDO gepland ... bij de bewoner thuis"), so what those pages show of them goes through here first
/// ("Gesprek gepland ... bij u thuis"). Only the words change; the history itself, and its export as data, stay as
/// recorded.
/// </summary>
public static partial class ResidentWords
{
    /// <summary>Professionals' phrases and the resident's, longest first so a phrase wins over the words in it.</summary>
    private static readonly (string Staff, string Resident)[] Phrases =
    [
        ("voorgesteld voor het MDO. De bewoner beslist.", "voorgesteld voor uw gesprek. U beslist of deze persoon komt."),
        ("hoort bij het netwerk van de bewoner", "hoort bij uw eigen mensen"),
        ("Gegevens van de bewoner verbeterd", "Uw gegevens verbeterd"),
        ("Casus aangebracht door", "Uw hulpvraag aangemeld door"),
        ("De casus aanbrengen", "Uw hulpvraag aanmelden"),
        ("de casus aanbrengen", "uw hulpvraag aanmelden"),
        ("Casus geëvalueerd", "Uw hulpvraag nabesproken"),
        ("Casus afgesloten", "Uw hulpvraag afgesloten"),
        ("Casus heropend", "Uw hulpvraag weer geopend"),
        ("De bewoner wil", "U wilt"),
        ("de bewoner wil", "u wilt"),
        ("bij de bewoner thuis", "bij u thuis"),
        ("geeft de bewoner", "geeft u"),
        ("het MDO", "het gesprek"),
        ("MDO", "Gesprek"),
        ("De bewoner", "U"),
        ("de bewoner", "u"),
    ];

    /// <summary>A text of the case's history or consents as the resident reads it.</summary>
    public static string Of(string text)
    {
        foreach (var (staff, resident) in Phrases)
        {
            text = text.Replace(staff, resident, StringComparison.Ordinal);
        }

        return OnceNamed(text);
    }

    /// <summary>
    /// Who carries out an action, named once: "Rik (Gemeente Heerdonk)" becomes "Rik" where the action already says
    /// "Gemeente Heerdonk".
    /// </summary>
    [return: NotNullIfNotNull(nameof(carrier))]
    public static string? Carrier(string what, string? carrier) =>
        carrier is not null && NameWithOrganisation().Match(carrier) is { Success: true } m && what.Contains(m.Groups["org"].Value, StringComparison.Ordinal)
            ? m.Groups["name"].Value
            : carrier;

    /// <summary>Every "name (organisation)" whose organisation the text named before it, as just the name.</summary>
    private static string OnceNamed(string text) => NameWithOrganisation().Replace(text, m =>
        text[..m.Index].Contains(m.Groups["org"].Value, StringComparison.Ordinal) ? m.Groups["name"].Value : m.Value);

    [GeneratedRegex(@"(?<name>[^(),:]+?) \((?<org>[^()]+)\)")]
    private static partial Regex NameWithOrganisation();
}
