using System.Globalization;
using System.Text;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Neighbourhoods;

/// <summary>
/// Finding a resident by name the same way on SQLite and PostgreSQL, whatever the letters: "ozdemir", "Özdemir" and
/// "OZDEMIR" find Özdemir; "ijzerman" finds Ĳzerman; "dhondt" and "d'Hondt" find d'Hondt. Both the name and what is
/// typed are folded the same way in .NET (the databases' own case and accent rules differ, and SQLite's know only ASCII);
/// the folded name is kept beside the name (<see cref="Resident.SearchKey"/>).
/// </summary>
public static class NameSearch
{
    public const int MaxKeyLength = 400;

    /// <summary>Lower case, without accents, ligatures spelt out, apostrophes gone, one space between words.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(c switch
            {
                'ß' => "ss",
                'Æ' or 'æ' => "ae",
                'Œ' or 'œ' => "oe",
                'Ø' or 'ø' => "o",
                'Ł' or 'ł' => "l",
                'Đ' or 'đ' or 'Ð' or 'ð' => "d",
                'Þ' or 'þ' => "th",
                'ı' => "i",
                '\'' or '’' or '‘' or '`' or '´' => "",
                _ when char.IsWhiteSpace(c) || c is '-' or '‐' or '–' => " ",
                _ => char.ToLowerInvariant(c).ToString(),
            });
        }

        return string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The key of a name: its parts folded, in the order they are written.</summary>
    public static string KeyOf(PersonName name)
    {
        var key = Fold(name.Display);
        return key.Length <= MaxKeyLength ? key : key[..MaxKeyLength];
    }

    /// <summary>
    /// Residents stored before the key existed get theirs at start-up, after the migrations (the folding is .NET's, so no
    /// migration can compute it). Safe to run on several instances at once: each row is set once, to the same key.
    /// </summary>
    public static async Task FillMissingKeysAsync(KeukentafelDbContext db, CancellationToken ct)
    {
        Guid? after = null; // onwards by id: a name whose key is empty (only apostrophes) is passed once, not read again
        while (true)
        {
            var missing = await db.Residents.AsNoTracking().Where(r => r.SearchKey == "" && (after == null || r.Id.CompareTo(after.Value) > 0))
                .OrderBy(r => r.Id).Take(500).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
            if (missing.Count == 0)
            {
                return;
            }

            foreach (var resident in missing.Where(r => KeyOf(r.Name).Length > 0))
            {
                var key = KeyOf(resident.Name);
                await db.Residents.Where(r => r.Id == resident.Id && r.SearchKey == "").ExecuteUpdateAsync(s => s.SetProperty(r => r.SearchKey, key), ct);
            }

            after = missing[^1].Id;
        }
    }
}
