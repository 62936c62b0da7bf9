using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace Keukentafel.Effects;

/// <summary>One figure of the report, as the exports write it: the section, the group, what is measured, the value.</summary>
public sealed record Figure(string Section, string Group, string Measure, decimal? Value, string Text);

/// <summary>
/// The effect report as files: CSV and XLSX for the spreadsheet, PDF to read and print. The same figures as the page,
/// suppressed groups left out.
/// </summary>
public sealed class EffectReportExport(Web.PdfText pdf)
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public static IEnumerable<Figure> Figures(EffectReport r)
    {
        const string Selection = "Selectie";
        yield return new(Selection, "", "Wijk", null, r.Neighbourhood);
        yield return new(Selection, "", $"Periode ({r.PeriodText})", null, $"{r.From:yyyy-MM-dd} tot en met {r.To:yyyy-MM-dd}");
        if (r.Sample is { } sample)
        {
            yield return new(Selection, "", "Steekproef", sample, $"{sample} casussen, trekking {r.Seed}");
        }

        if (r.SmallQuarters.Count > 0)
        {
            yield return new(Selection, "", "Niet meegeteld", null, $"kwartalen met minder dan 5 bewoners: {string.Join(", ", r.SmallQuarters)}");
        }

        yield return new(Selection, "", "Casussen", r.Cases, r.Cases.ToString(Nl));
        yield return new(Selection, "", "Bewoners", r.Shown ? r.Residents : null, r.Shown ? r.Residents.ToString(Nl) : "minder dan 5");
        foreach (var m in r.Wellbeing)
        {
            const string Section = "Welbevinden (rapportcijfer)";
            if (m.Summary is not { } s)
            {
                yield return new(Section, m.MomentText, "n", null, "minder dan 5 bewoners: niet getoond");
                continue;
            }

            yield return new(Section, m.MomentText, "n", s.N, s.N.ToString(Nl));
            yield return new(Section, m.MomentText, "gemiddelde", Round1(s.Mean), Round1(s.Mean).ToString("0.0", Nl));
            yield return new(Section, m.MomentText, "mediaan", Round1(s.Median), Round1(s.Median).ToString("0.0", Nl));
            yield return new(Section, m.MomentText, "95%-betrouwbaarheidsinterval, ondergrens", Round1(s.Low), Round1(s.Low).ToString("0.0", Nl));
            yield return new(Section, m.MomentText, "95%-betrouwbaarheidsinterval, bovengrens", Round1(s.High), Round1(s.High).ToString("0.0", Nl));
            for (var mark = 1; mark <= 10; mark++)
            {
                var count = m.Distribution![mark - 1];
                yield return new(Section, m.MomentText, $"aantal met afgerond cijfer {mark}", count, count is { } c ? c.ToString(Nl) : "minder dan 5");
            }
        }

        foreach (var change in r.Changes)
        {
            const string Section = "Verandering per bewoner";
            if (change.Change is { } c)
            {
                yield return new(Section, change.Text, "n", c.N, c.N.ToString(Nl));
                yield return new(Section, change.Text, "gemiddelde verandering", Round1(c.Mean), Round1(c.Mean).ToString("+0.0;-0.0;0.0", Nl));
                yield return new(Section, change.Text, "95%-betrouwbaarheidsinterval", null,
                    $"{Round1(c.Low).ToString("+0.0;-0.0;0.0", Nl)} tot {Round1(c.High).ToString("+0.0;-0.0;0.0", Nl)}");
            }
        }

        if (r.SixWeeks is { } six)
        {
            yield return new("Zes weken", "", "opgelost binnen zes weken (aandeel)", decimal.Round(six.Share, 3),
                $"{six.Share.ToString("P0", Nl)} van {six.Known}");
        }

        foreach (var g in new[] { r.AllCosts, r.NewCases, r.ExistingCases }.OfType<CostGroup>())
        {
            var section = $"Kosten in euro's van {r.PriceYear}";
            yield return new(section, g.Name, "analyses", g.Analyses, g.Analyses.ToString(Nl));
            foreach (var (measure, value) in new[] { ("totaal zonder de aanpak", g.Without), ("totaal met de aanpak", g.With), ("verschil", g.Difference),
                ("gemiddeld per casus zonder de aanpak", g.MeanWithout), ("gemiddeld per casus met de aanpak", g.MeanWith),
                ("verschil per casus", g.MeanDifference) })
            {
                yield return new(section, g.Name, measure, decimal.Round(value, 2), Money(value));
            }

            foreach (var (kind, splits) in new[] { ("wet", g.ByDomain), ("betaler", g.ByPayer) })
            {
                foreach (var s in splits)
                {
                    yield return new(section, g.Name, $"{kind} {s.Name}: zonder", decimal.Round(s.Without, 2), Money(s.Without));
                    yield return new(section, g.Name, $"{kind} {s.Name}: met", decimal.Round(s.With, 2), Money(s.With));
                }
            }
        }
    }

    public static byte[] Csv(EffectReport report) => Web.FigureFiles.Csv(Figures(report));

    public static byte[] Xlsx(EffectReport report) => Web.FigureFiles.Xlsx(Figures(report));

    public byte[] Pdf(EffectReport report, string madeFor) => pdf.Build($"Effecten in {report.Neighbourhood}", madeFor, text =>
    {
        Web.FigureFiles.Lines(text, Figures(report));
        text.Line("Groepen van minder dan 5 bewoners worden niet getoond. Kosten alleen van gecontroleerde en vastgezette analyses.", after: 0);
    });

    private static decimal Round1(decimal value) => decimal.Round(value, 1);

    private static string Money(decimal value) => decimal.Round(value, 2).ToString("C", Nl);
}
