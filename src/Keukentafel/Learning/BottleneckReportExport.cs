using System.Globalization;
using Keukentafel.Effects;

namespace Keukentafel.Learning;

/// <summary>The bottleneck report as files: XLSX for the spreadsheet, PDF to read and print; the same counts as the page, hidden groups hidden.</summary>
public sealed class BottleneckReportExport(Web.PdfText pdf)
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public static IEnumerable<Figure> Figures(BottleneckReport r)
    {
        const string Selection = "Selectie";
        yield return new(Selection, "", "Wijk", null, r.Neighbourhood);
        yield return new(Selection, "", "Periode", null, $"{r.From:yyyy-MM-dd} tot en met {r.To:yyyy-MM-dd}");
        if (r.SmallQuarters.Count > 0)
        {
            yield return new(Selection, "", "Niet meegeteld", null, $"kwartalen met minder dan 5 bewoners: {string.Join(", ", r.SmallQuarters)}");
        }

        const string Totals = "Totaal";
        yield return Count(Totals, "", "knelpunten", r.Bottlenecks);
        yield return Count(Totals, "", "afwijkingen van regels", r.Deviations);
        yield return Count(Totals, "", "afwijkingen gesteund door een manager", r.BackedDeviations);
        yield return new(Totals, "", "wat de regels anders hadden gekost (euro)", r.OtherwiseCost,
            r.OtherwiseCost is { } cost ? cost.ToString("C", Nl) : "minder dan 5 bewoners");
        foreach (var row in r.ByCategory)
        {
            yield return Count("Knelpunten per soort", row.Group, "knelpunten", row.Bottlenecks);
        }

        foreach (var (section, rows) in new[] { ("Per wet of domein", r.ByLawDomain), ("Per organisatie", r.ByOrganisation), ("Per kwartaal", r.ByQuarter) })
        {
            foreach (var row in rows)
            {
                yield return Count(section, row.Group, "knelpunten", row.Bottlenecks);
                yield return Count(section, row.Group, "afwijkingen", row.Deviations);
            }
        }

        foreach (var l in r.Lessons)
        {
            yield return new("Lessen en besluiten", $"{l.SessionDate:yyyy-MM-dd} {l.KindText}", l.Text, null,
                $"{l.StatusText}{(l.StatusNote is null ? "" : $": {l.StatusNote}")}; oppakker {l.Owner}; "
                    + $"uit {(l.CaseCount is { } n ? $"{n} casus(sen)" : "minder dan 5 casussen")}");
        }
    }

    public static byte[] Xlsx(BottleneckReport report) => Web.FigureFiles.Xlsx(Figures(report));

    public byte[] Pdf(BottleneckReport report, string madeFor) => pdf.Build($"Knelpunten in {report.Neighbourhood}", madeFor, text =>
    {
        Web.FigureFiles.Lines(text, Figures(report));
        text.Line("Groepen van minder dan 5 bewoners worden niet geteld. Het rapport bevat geen gegevens van bewoners.", after: 0);
    });

    private static Figure Count(string section, string group, string measure, Cell cell) => new(section, group, measure, cell.Count, cell.Shown);
}
