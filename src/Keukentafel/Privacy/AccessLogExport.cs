using System.Globalization;
using CsvHelper;

namespace Keukentafel.Privacy;

/// <summary>
/// The access log as a file to keep: CSV for a spreadsheet, PDF to read or print (<see cref="Web.PdfText"/>).
/// </summary>
public sealed class AccessLogExport(Web.PdfText pdf)
{
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

    public byte[] Pdf(string title, string subtitle, IReadOnlyList<AccessLogDay> days) => pdf.Build(title, subtitle, text =>
    {
        if (days.Count == 0)
        {
            text.Line("Niemand anders heeft dit dossier bekeken.");
        }

        foreach (var day in days)
        {
            text.Line($"{day.Date.ToString("d MMMM yyyy", Dutch)}: {day.Who}{(day.Organisation is null ? "" : $" ({day.Organisation})")}",
                bold: true, after: 0);
            text.Line($"{string.Join(", ", day.Parts)}{(day.Times > 1 ? $" ({day.Times} keer)" : "")}", after: day.Reasons.Count == 0 ? 8 : 0);
            foreach (var reason in day.Reasons)
            {
                text.Line($"Reden: {reason}", after: 8);
            }
        }
    });
}
