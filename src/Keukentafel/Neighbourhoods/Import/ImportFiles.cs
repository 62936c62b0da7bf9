using System.Globalization;
using CsvHelper;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Keukentafel.Neighbourhoods.Import;

/// <summary>Which list a table holds: told apart by its columns, so the files may come in any order and with any name.</summary>
public enum ImportKind
{
    Neighbourhoods,
    Organisations,
    Staff,
}

/// <summary>One row of a table, its cells by column (lower case, trimmed), with its row number as a spreadsheet shows it.</summary>
public sealed record ImportRow(string Source, int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[params string[] columns] =>
        columns.Select(c => Cells.TryGetValue(c, out var v) ? v : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}

public sealed record ImportTable(ImportKind Kind, string Source, IReadOnlyList<ImportRow> Rows);

/// <summary>
/// Reads what an administrator uploads: CSV files (comma or semicolon, as Dutch spreadsheets save them) or an XLSX
/// workbook whose sheets are the lists. A table is recognised by its header: "cbs-code" without "soort" or "e-mail" is the
/// neighbourhoods, "soort" the organisations, "e-mail" the staff. What cannot be read is a problem in Dutch, not a crash.
/// </summary>
public static class ImportFiles
{
    public const int MaxRows = 20_000;

    public static (List<ImportTable> Tables, List<ImportProblem> Problems) Read(IEnumerable<(string Name, Stream Content)> files)
    {
        var tables = new List<ImportTable>();
        var problems = new List<ImportProblem>();
        foreach (var (name, content) in files)
        {
            try
            {
                var sheets = name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? Workbook(name, content)
                    : name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                        ? [Csv(name, content)]
                    : null;
                if (sheets is null)
                {
                    problems.Add(new ImportProblem(name, 0, null, "Dit bestand is geen CSV of XLSX. Sla de lijst op als CSV of als Excel-werkmap (.xlsx)."));
                    continue;
                }

                foreach (var (source, header, rows) in sheets)
                {
                    if (rows.Count > MaxRows)
                    {
                        problems.Add(new ImportProblem(source, 0, null, $"Deze lijst heeft meer dan {MaxRows} regels. Splits hem in kleinere bestanden."));
                        continue;
                    }

                    if (KindOf(header) is { } kind)
                    {
                        tables.Add(new ImportTable(kind, source, rows));
                    }
                    else if (rows.Count > 0 || header.Count > 0)
                    {
                        problems.Add(new ImportProblem(source, 1, null,
                            "Niet duidelijk welke lijst dit is. De eerste regel moet de kolomnamen geven: voor wijken 'naam' en 'cbs-code', "
                            + "voor organisaties 'naam' en 'soort', voor medewerkers 'voornaam', 'achternaam' en 'e-mail'."));
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                problems.Add(new ImportProblem(name, 0, null, "Dit bestand kon niet gelezen worden. Is het een CSV-bestand of een Excel-werkmap (.xlsx)?"));
            }
        }

        var twice = tables.GroupBy(t => t.Kind).Where(g => g.Count() > 1).ToList();
        foreach (var kind in twice)
        {
            problems.Add(new ImportProblem(string.Join(", ", kind.Select(t => t.Source)), 0, null,
                $"De lijst met {Words(kind.Key)} staat in meer dan één bestand of blad. Zet hem in één."));
        }

        return (tables, problems);
    }

    public static string Words(ImportKind kind) => kind switch
    {
        ImportKind.Neighbourhoods => "wijken",
        ImportKind.Organisations => "organisaties",
        _ => "medewerkers",
    };

    private static ImportKind? KindOf(IReadOnlyCollection<string> header) =>
        header.Contains("e-mail") || header.Contains("email") ? ImportKind.Staff
        : header.Contains("soort") ? ImportKind.Organisations
        : header.Contains("cbs-code") || header.Contains("cbs code") || header.Contains("wijkcode") ? ImportKind.Neighbourhoods
        : null;

    private static string Column(string? header) => (header ?? "").Trim().ToLowerInvariant();

    private static (string Source, IReadOnlyCollection<string> Header, List<ImportRow> Rows) Csv(string name, Stream content)
    {
        // The separator (comma, semicolon, tab) is detected from the first lines; Excel's "sep=;" line is honoured.
        using var csv = CsvReader.Create(content, new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true }, leaveOpen: true);
        csv.ReadHeader();
        var header = (csv.Headers ?? []).Select(Column).ToList();
        var rows = new List<ImportRow>();
        while (csv.Read())
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count && i < csv.FieldCount; i++)
            {
                cells.TryAdd(header[i], csv.GetString(i) ?? "");
            }

            if (cells.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                rows.Add(new ImportRow(name, (int)csv.LineNumber, cells));
            }

            if (rows.Count > MaxRows)
            {
                break;
            }
        }

        return (name, header, rows);
    }

    private static List<(string Source, IReadOnlyCollection<string> Header, List<ImportRow> Rows)> Workbook(string name, Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var sheets = new List<(string, IReadOnlyCollection<string>, List<ImportRow>)>();
        foreach (var sheet in MiniExcel.GetSheetNames(buffer))
        {
            buffer.Position = 0;
            var source = $"{name} (blad {sheet})";
            var rows = new List<ImportRow>();
            IReadOnlyCollection<string> header = [];
            var number = 1;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(buffer, useHeaderRow: true, sheetName: sheet))
            {
                number++;
                header = [.. row.Keys.Select(Column)];
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, value) in row)
                {
                    cells.TryAdd(Column(key), Cell(value));
                }

                if (cells.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
                {
                    rows.Add(new ImportRow(source, number, cells));
                }

                if (rows.Count > MaxRows)
                {
                    break;
                }
            }

            if (header.Count == 0)
            {
                buffer.Position = 0;
                header = [.. MiniExcel.GetColumns(buffer, useHeaderRow: true, sheetName: sheet)?.Select(Column) ?? []];
            }

            sheets.Add((source, header, rows));
        }

        return sheets;
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
