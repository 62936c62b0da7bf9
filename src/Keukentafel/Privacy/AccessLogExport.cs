using System.Globalization;
using CsvHelper;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Keukentafel.Privacy;

/// <summary>The access log as a file to keep: CSV for a spreadsheet, PDF to read or print.</summary>
public static class AccessLogExport
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

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

    public static byte[] Pdf(string title, string subtitle, IReadOnlyList<AccessLogDay> days)
    {
        SystemFonts.Use();
        using var document = new PdfDocument();
        document.Info.Title = title;
        var regular = new XFont(SystemFonts.Family, 10);
        var bold = new XFont(SystemFonts.Family, 10, XFontStyleEx.Bold);
        var heading = new XFont(SystemFonts.Family, 16, XFontStyleEx.Bold);
        PdfPage page = null!;
        XGraphics graphics = null!;
        double y = 0;

        void NewPage()
        {
            graphics?.Dispose();
            page = document.AddPage();
            graphics = XGraphics.FromPdfPage(page);
            y = 50;
        }

        void Line(string text, XFont font, double height = 14)
        {
            if (y > page.Height.Point - 50)
            {
                NewPage();
            }

            foreach (var part in Wrap(text, 95))
            {
                graphics.DrawString(part, font, XBrushes.Black, new XPoint(50, y));
                y += height;
            }
        }

        NewPage();
        Line(title, heading, 24);
        Line(subtitle, regular, 22);
        if (days.Count == 0)
        {
            Line("Niemand anders heeft uw dossier bekeken.", regular);
        }

        foreach (var day in days)
        {
            Line($"{day.Date.ToString("d MMMM yyyy", Dutch)}: {day.Who}{(day.Organisation is null ? "" : $" ({day.Organisation})")}", bold);
            Line($"{string.Join(", ", day.Parts)} ({day.Times} keer)", regular);
            foreach (var reason in day.Reasons)
            {
                Line($"Reden: {reason}", regular);
            }

            y += 6;
        }

        graphics.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
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

    /// <summary>
    /// PDFsharp needs font files; on Linux it finds none by itself. This uses DejaVu Sans (Debian's fonts-dejavu-core),
    /// or the TrueType files in Privacy:PdfFontDirectory.
    /// </summary>
    private sealed class SystemFonts : IFontResolver
    {
        public const string Family = "KeukentafelSans";
        private static readonly Lock Gate = new();
        private static bool installed;

        private static readonly string[] Directories =
        [
            Environment.GetEnvironmentVariable("Privacy__PdfFontDirectory") ?? "",
            "/usr/share/fonts/truetype/dejavu",
            "/usr/share/fonts/dejavu",
            "/usr/local/share/fonts",
        ];

        public static void Use()
        {
            lock (Gate)
            {
                if (!installed)
                {
                    GlobalFontSettings.FontResolver = new SystemFonts();
                    installed = true;
                }
            }
        }

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName) =>
            Directories.Where(d => d.Length > 0).Select(d => Path.Combine(d, faceName + ".ttf")).FirstOrDefault(File.Exists) is { } file
                ? File.ReadAllBytes(file)
                : throw new DomainException("export.no_font", "PDF maken lukt hier niet: er is geen lettertype gevonden. Download de lijst als CSV, of vraag de beheerder om fonts-dejavu-core te installeren.");
    }
}
