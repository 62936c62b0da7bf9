using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Effects;
using Keukentafel.Plans;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Learning;

/// <summary>A count in the report, or none when it is about fewer than five residents (then <see cref="Shown"/> says so).</summary>
public sealed record Cell(int? Count, string Shown);

/// <summary>One group of the report (a category, a law, an organisation, a quarter) with its bottlenecks and rule deviations.</summary>
public sealed record ReportRow(string Group, Cell Bottlenecks, Cell Deviations);

/// <summary>A lesson the learning sessions drew about bottlenecks and deviations, and what became of it: the decision taken.</summary>
public sealed record ReportLesson(DateOnly SessionDate, string KindText, string Text, string Owner, string StatusText, string? StatusNote, int? CaseCount);

/// <summary>
/// The bottleneck report for directors and financiers (seeds: "tell us which bottlenecks you run into"): bottlenecks
/// and rule deviations of a neighbourhood by category, law, organisation and quarter, with the lessons drawn from
/// them. Counts only, over whole quarters; a quarter with fewer than five residents is left out altogether (as in the
/// effect report), and within the rest a group of fewer than five residents is not counted (nor one more group where
/// its count could otherwise be worked out from the total).
/// </summary>
public sealed record BottleneckReport(Guid NeighbourhoodId, string Neighbourhood, DateOnly From, DateOnly To, IReadOnlyList<string> SmallQuarters,
    Cell Bottlenecks, Cell Deviations, Cell BackedDeviations, decimal? OtherwiseCost,
    IReadOnlyList<ReportRow> ByCategory, IReadOnlyList<ReportRow> ByLawDomain, IReadOnlyList<ReportRow> ByOrganisation, IReadOnlyList<ReportRow> ByQuarter,
    IReadOnlyList<ReportLesson> Lessons);

/// <summary>Builds the bottleneck report from the cases of one neighbourhood; it never reads a name, a text of a case or a case number.</summary>
public sealed class BottleneckReports(KeukentafelDbContext db)
{
    /// <summary>The point of one bottleneck or deviation the report counts: never who, only which resident (to count residents).</summary>
    internal sealed record Point(bool IsBottleneck, DateOnly On, BottleneckCategory Category, LawDomain LawDomain, Guid? OrganisationId, Guid ResidentId,
        Guid CaseId, bool Backed, decimal? OtherwiseCost);

    /// <summary>By default the last eight quarters, this one included: long enough for a trend, the newest bottlenecks in it.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(DateOnly today) => (EffectReport.Quarters(today, today).From.AddMonths(-21), today);

    /// <summary>The report over the whole quarters from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public async Task<BottleneckReport> BuildAsync(Guid neighbourhoodId, DateOnly start, DateOnly end, CancellationToken ct)
    {
        EffectReport.CheckPeriod(start, end);
        var (from, to) = EffectReport.Quarters(start, end);

        var name = await db.Neighbourhoods.Where(n => n.Id == neighbourhoodId).Select(n => n.Name).SingleAsync(ct);
        var (fromUtc, toUtc) = (DutchTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)), DutchTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        var cases = db.Cases.AsNoTracking().Where(c => c.NeighbourhoodId == neighbourhoodId);
        var bottlenecks = await db.Bottlenecks.AsNoTracking().Where(b => b.RecordedAtUtc >= fromUtc && b.RecordedAtUtc < toUtc)
            .Join(cases, b => b.CaseId, c => c.Id, (b, c) => new { b.RecordedAtUtc, b.Category, b.LawDomain, b.OrganisationId, c.ResidentId, CaseId = c.Id })
            .ToListAsync(ct);
        var deviations = await db.RuleDeviations.AsNoTracking().Where(d => d.RecordedAtUtc >= fromUtc && d.RecordedAtUtc < toUtc)
            .Join(cases, d => d.CaseId, c => c.Id,
                (d, c) => new { d.RecordedAtUtc, d.LawDomain, d.OrganisationId, d.BackedAtUtc, d.OtherwiseCost, c.ResidentId, CaseId = c.Id })
            .ToListAsync(ct);
        List<Point> all =
        [
            .. bottlenecks.Select(b => new Point(true, DutchTime.Date(b.RecordedAtUtc), b.Category, b.LawDomain, b.OrganisationId, b.ResidentId, b.CaseId,
                false, null)),
            .. deviations.Select(d => new Point(false, DutchTime.Date(d.RecordedAtUtc), default, d.LawDomain, d.OrganisationId, d.ResidentId, d.CaseId,
                d.BackedAtUtc != null, d.OtherwiseCost)),
        ];
        // A quarter of fewer than five residents is left out: the report with and without it would tell about one of them.
        var smallQuarters = all.GroupBy(p => EffectReport.Quarter(p.On)).Where(q => !Shown(Residents(q))).Select(q => q.Key).Order(StringComparer.Ordinal)
            .ToList();
        var points = all.Where(p => !smallQuarters.Contains(EffectReport.Quarter(p.On))).ToList();
        var organisationIds = points.Select(p => p.OrganisationId).OfType<Guid>().Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var (b, d) = (points.Where(p => p.IsBottleneck).ToList(), points.Where(p => !p.IsBottleneck).ToList());
        // Left out is not none: when every one of them fell in a left-out quarter, the total is hidden, never 0.
        var bottleneckTotal = b.Count == 0 && all.Any(p => p.IsBottleneck) ? Hidden : Total(b);
        var deviationTotal = d.Count == 0 && all.Any(p => !p.IsBottleneck) ? Hidden : Total(d);
        var backed = d.Where(p => p.Backed).ToList();
        var costs = d.Where(p => p.OtherwiseCost is not null).ToList();
        return new BottleneckReport(neighbourhoodId, name, from, to, smallQuarters, bottleneckTotal, deviationTotal,
            // Backed and not backed make up the total: both must be countable, or the backed count would give the other away.
            deviationTotal.Count is null ? Hidden : Cell(backed.Count, Shown(backed) && Shown([.. d.Where(p => !p.Backed)])),
            Shown(costs) ? decimal.Round(costs.Sum(p => p.OtherwiseCost!.Value), 2) : null,
            Rows(points, p => p.IsBottleneck ? p.Category.Dutch() : null, bottleneckTotal, deviationTotal),
            Rows(points, p => p.LawDomain.Dutch(), bottleneckTotal, deviationTotal),
            Rows(points, p => p.OrganisationId is { } o ? organisations.GetValueOrDefault(o, "Onbekende organisatie") : "Wijkcoördinator of onbekend",
                bottleneckTotal, deviationTotal),
            [.. Rows(points, p => EffectReport.Quarter(p.On), bottleneckTotal, deviationTotal, [.. Quarters(from, to).Except(smallQuarters)])
                .Concat(smallQuarters.Select(q => new ReportRow(q, Hidden, Hidden))).OrderBy(r => r.Group, StringComparer.Ordinal)],
            await LessonsAsync(neighbourhoodId, from, to, smallQuarters, ct));
    }

    private static readonly Cell Hidden = new(null, $"minder dan {Statistics.MinimumGroup} bewoners");

    /// <summary>A count is shown for no resident at all (0) or for at least five; between those it could point at a person.</summary>
    private static bool Shown(int residents) => residents == 0 || Statistics.Shown(residents);

    /// <summary>
    /// A group is counted only when each quarter's part of it is countable: every count shown is then a sum of countable
    /// quarters, so two reports over different quarters cannot be subtracted down to a few residents.
    /// </summary>
    private static bool Shown(IReadOnlyCollection<Point> group) => group.GroupBy(p => EffectReport.Quarter(p.On)).All(q => Shown(Residents(q)));

    private static int Residents(IEnumerable<Point> points) => points.Select(p => p.ResidentId).Distinct().Count();

    private static Cell Cell(int count, bool shown) => shown ? new Cell(count, count.ToString(System.Globalization.CultureInfo.InvariantCulture)) : Hidden;

    private static Cell Total(List<Point> points) => Cell(points.Count, Shown(points));

    /// <summary>The rows of one dimension; <paramref name="all"/> lists groups to show even without points (the quarters of the period).</summary>
    private static List<ReportRow> Rows(List<Point> points, Func<Point, string?> group, Cell bottleneckTotal, Cell deviationTotal,
        IReadOnlyList<string>? all = null)
    {
        var groups = (all ?? [.. points.Select(group).OfType<string>().Distinct().Order(StringComparer.Ordinal)]).ToList();
        var bottlenecks = Column([.. groups.Select(g => points.Where(p => p.IsBottleneck && group(p) == g).ToList())], bottleneckTotal.Count is not null);
        var deviations = Column([.. groups.Select(g => points.Where(p => !p.IsBottleneck && group(p) == g).ToList())], deviationTotal.Count is not null);
        var rows = groups.Select((g, i) => new ReportRow(g, bottlenecks[i], deviations[i]));
        // A dimension that does not apply to deviations (the bottleneck's category) leaves them out.
        return [.. rows.Where(r => all is not null || r.Bottlenecks.Count != 0 || r.Deviations.Count != 0)];
    }

    /// <summary>
    /// The counts of one column. A group with a quarter of one to four residents is hidden; when that is the only hidden
    /// group of a shown total, its count would follow by subtraction, so the smallest other group is hidden as well.
    /// </summary>
    internal static List<Cell> Column(IReadOnlyList<List<Point>> groups, bool totalShown)
    {
        var shown = groups.Select(g => Shown(g)).ToArray();
        if (totalShown && shown.Count(s => !s) == 1
            && Enumerable.Range(0, groups.Count).Where(i => shown[i] && groups[i].Count > 0).OrderBy(i => groups[i].Count)
                .FirstOrDefault(-1) is var next and >= 0)
        {
            shown[next] = false;
        }

        return [.. groups.Select((g, i) => Cell(g.Count, shown[i]))];
    }

    private static List<string> Quarters(DateOnly from, DateOnly to)
    {
        var quarters = new List<string>();
        for (var q = EffectReport.Quarters(from, from).From; q <= to; q = q.AddMonths(3))
        {
            quarters.Add(EffectReport.Quarter(q));
        }

        return quarters;
    }

    /// <summary>
    /// The lessons of the period's sessions and what became of them; not those of a quarter left out (they would show
    /// that something happened there). Which cases, never; how many, only from five on.
    /// </summary>
    private async Task<List<ReportLesson>> LessonsAsync(Guid neighbourhoodId, DateOnly from, DateOnly to, List<string> smallQuarters, CancellationToken ct) =>
        [.. (await db.Lessons.AsNoTracking()
                .Join(db.LearningSessions, l => l.SessionId, s => s.Id, (l, s) => new { Lesson = l, s.Date, s.NeighbourhoodId })
                .Where(x => x.NeighbourhoodId == neighbourhoodId && x.Date >= from && x.Date <= to)
                .OrderBy(x => x.Date).ThenBy(x => x.Lesson.RecordedAtUtc)
                .ToListAsync(ct))
            .Where(x => !smallQuarters.Contains(EffectReport.Quarter(x.Date)))
            .Select(x => new ReportLesson(x.Date, x.Lesson.Kind.Dutch(), x.Lesson.Text, x.Lesson.OwnerName, x.Lesson.Status.Dutch(), x.Lesson.StatusNote,
                Shown(x.Lesson.Cases.Count) ? x.Lesson.Cases.Count : null))];
}
