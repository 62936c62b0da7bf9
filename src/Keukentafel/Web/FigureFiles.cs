using System.Globalization;
using CsvHelper;
using Keukentafel.Effects;
using MiniExcelLibs;

namespace Keukentafel.Web;

/// <summary>A report's figures as files for the spreadsheet: CSV (Dutch separators, formula injection escaped) and XLSX with one sheet per section.</summary>
public static class FigureFiles
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public static byte[] Csv(IEnumerable<Figure> figures)
    {
        using var text = new StringWriter(Nl);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape }, true))
        {
            foreach (var header in new[] { "Onderdeel", "Groep", "Maat", "Waarde" })
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var f in figures)
            {
                csv.WriteField(f.Section);
                csv.WriteField(f.Group);
                csv.WriteField(f.Measure);
                csv.WriteField(f.Value is { } v ? v.ToString(Nl) : f.Text);
                csv.EndRecord();
            }
        }

        return System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    /// <summary>One sheet per section; numbers stay numbers, so the spreadsheet can calculate on with them.</summary>
    public static byte[] Xlsx(IEnumerable<Figure> figures)
    {
        var sheets = figures.GroupBy(f => f.Section).ToDictionary(
            g => SheetName(g.Key),
            g => (object)g.Select(f => new Dictionary<string, object?>
            {
                ["Groep"] = f.Group,
                ["Maat"] = f.Measure,
                ["Waarde"] = f.Value is { } v ? v : f.Text
            }).ToList());
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>The figures as lines of a PDF: a heading per section, a line per figure.</summary>
    public static void Lines(IPdfLines text, IEnumerable<Figure> figures)
    {
        foreach (var section in figures.GroupBy(f => f.Section))
        {
            text.Line(section.Key, bold: true, size: 12, after: 2);
            foreach (var f in section)
            {
                text.Line($"{(f.Group.Length == 0 ? "" : $"{f.Group}, ")}{f.Measure}: {f.Text}", after: 0);
            }

            text.Line("", after: 6);
        }
    }

    private static string SheetName(string section) => new([.. section.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).Take(31)]);
}
