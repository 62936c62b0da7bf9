using System.Globalization;
using CsvHelper;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Keukentafel.Privacy;

/// <summary>
/// The access log as a file to keep: CSV for a spreadsheet, PDF to read or print. The PDF uses DejaVu Sans, which
/// the build copies from npm into wwwroot/lib/fonts, so names with any European letter print as they are written.
/// </summary>
public sealed class AccessLogExport(IWebHostEnvironment environment)
{
    private readonly Lazy<(byte[] Regular, byte[] Bold)> fonts = new(() => (Font(environment, "DejaVuSans.ttf"), Font(environment, "DejaVuSans-Bold.ttf")));

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The line under the title: for whom, made when.</summary>
    public static string MadeFor(string whom, TimeProvider time) =>
        $"{whom}, gemaakt op {Cases.DutchTime.Local(time.GetUtcNow().UtcDateTime).ToString("d MMMM yyyy 'om' HH:mm", Dutch)}";

    public static byte[] Csv(IReadOnlyList<AccessLogEntry> entries)
    {
        using var text = new StringWriter(Dutch);
        // Semicolons, as Dutch spreadsheets expect; a name starting with = or + cannot become a formula.
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape }, true))
        {
            foreach (var header in new[] { "Datum en tijd", "Wie", "Organisatie", "Wat", "Reden" })
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var e in entries)
            {
                csv.WriteField(Cases.DutchTime.Local(e.AtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                csv.WriteField(e.Who);
                csv.WriteField(e.Organisation ?? "");
                csv.WriteField(e.What);
                csv.WriteField(e.Reason ?? "");
                csv.EndRecord();
            }
        }

        // With a byte order mark, so a spreadsheet opens the accents right.
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] Pdf(string title, string subtitle, IReadOnlyList<AccessLogDay> days)
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Producer = "Keukentafel";
        var regular = builder.AddTrueTypeFont(fonts.Value.Regular);
        var bold = builder.AddTrueTypeFont(fonts.Value.Bold);
        PdfPageBuilder page = null!;
        double y = 0;
        const double Margin = 56;

        void NewPage()
        {
            page = builder.AddPage(PageSize.A4);
            y = page.PageSize.Height - Margin;
        }

        void Line(string text, PdfDocumentBuilder.AddedFont font, double size = 10, double after = 4)
        {
            foreach (var part in Wrap(Printable(text), size > 12 ? 50 : 85))
            {
                if (y < Margin)
                {
                    NewPage();
                }

                try
                {
                    page.AddText(part, size, new PdfPoint(Margin, y), font);
                }
                catch (InvalidOperationException)
                {
                    // A letter the font cannot draw after all: the plain ASCII line rather than no download.
                    page.AddText(new string([.. part.Select(ch => ch is >= ' ' and < '\u007f' ? ch : '?')]), size, new PdfPoint(Margin, y), font);
                }
                y -= size * 1.4;
            }

            y -= after;
        }

        NewPage();
        Line(title, bold, 16, 6);
        Line(subtitle, regular, 10, 14);
        if (days.Count == 0)
        {
            Line("Niemand anders heeft dit dossier bekeken.", regular);
        }

        foreach (var day in days)
        {
            Line($"{day.Date.ToString("d MMMM yyyy", Dutch)}: {day.Who}{(day.Organisation is null ? "" : $" ({day.Organisation})")}", bold, after: 0);
            Line($"{string.Join(", ", day.Parts)}{(day.Times > 1 ? $" ({day.Times} keer)" : "")}", regular, after: day.Reasons.Count == 0 ? 8 : 0);
            foreach (var reason in day.Reasons)
            {
                Line($"Reden: {reason}", regular, after: 8);
            }
        }

        return builder.Build();
    }

    private static byte[] Font(IWebHostEnvironment environment, string name)
    {
        var file = environment.WebRootFileProvider.GetFileInfo($"lib/fonts/{name}");
        if (!file.Exists || file.PhysicalPath is null)
        {
            throw new InvalidOperationException($"The PDF font wwwroot/lib/fonts/{name} is missing: build the application (it copies the font from npm).");
        }

        return File.ReadAllBytes(file.PhysicalPath);
    }

    /// <summary>
    /// DejaVu Sans has the Latin, Greek and Cyrillic alphabets and the usual punctuation; any other character is
    /// written as its plain letter, or a question mark, rather than failing the download.
    /// </summary>
    private static string Printable(string text)
    {
        var plain = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            if (System.Text.Rune.IsWhiteSpace(rune) || System.Text.Rune.IsControl(rune))
            {
                // Line breaks, tabs and control characters have no letter in the font: a space stands in.
                plain.Append(' ');
            }
            else if (c is (>= 0x20 and < 0x7f) or (>= 0xa0 and < 0x530) or (>= 0x2010 and < 0x20d0))
            {
                plain.Append(rune.ToString());
            }
            else
            {
                var folded = rune.ToString().Normalize(System.Text.NormalizationForm.FormD)[0];
                plain.Append(folded is >= ' ' and < '\u007f' ? folded : '?');
            }
        }

        return plain.ToString();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length + word.Length + 1 > width && line.Length > 0)
            {
                yield return line;
                line = "";
            }

            line = line.Length == 0 ? word : $"{line} {word}";
        }

        yield return line;
    }
}
