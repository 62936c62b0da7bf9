namespace Keukentafel.Neighbourhoods.Import;

/// <summary>A problem as one line a person reads: where (file, row, column) and what.</summary>
public static class ImportText
{
    public static string Line(ImportProblem problem)
    {
        var where = new List<string>();
        if (problem.Source.Length > 0)
        {
            where.Add(problem.Source);
        }

        if (problem.Row > 0)
        {
            where.Add($"regel {problem.Row}");
        }

        if (problem.Column is not null)
        {
            where.Add($"kolom {problem.Column}");
        }

        return where.Count == 0 ? problem.Message : $"{string.Join(", ", where)}: {problem.Message}";
    }
}
