using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Effects;
using Keukentafel.Plans;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Learning;

/// <summary>What the cases bring to a learning session.</summary>
public enum AgendaKind
{
    /// <summary>The solution was not carried out within six weeks.</summary>
    Overdue,

    /// <summary>A professional deviated from a rule, with the manager asked to back it.</summary>
    Deviation,

    /// <summary>A bottleneck the case ran into, by category.</summary>
    Bottleneck,

    /// <summary>The case was closed and the resident's wellbeing mark did not rise.</summary>
    WellbeingNotRisen,

    /// <summary>A solution a professional marked as worth sharing.</summary>
    WorthSharing,

    /// <summary>Something the resident did himself in return (reciprocity), done.</summary>
    Reciprocity,
}

/// <summary>One point of the agenda about one case, for a professional: the case number only when he may open the file.</summary>
public sealed record AgendaItem(AgendaKind Kind, string Heading, string? Detail, DateOnly On, Guid? CaseId, string? CaseNumber,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid ResidentId);

/// <summary>A count of one kind (and category) of point: what managers and directors see; a group under five is not counted.</summary>
public sealed record AgendaSummary(AgendaKind Kind, string What, int? Count, string Shown);

/// <summary>
/// The proposed agenda of a session: the points from the cases of the neighbourhood in [From, To) (from the day of
/// the session before, or two weeks back; up to the session's day). A professional or coordinator gets the points of the
/// cases he may open with their number and text, and only a count of the others; managers and directors get counts.
/// </summary>
public sealed record Agenda(Guid SessionId, DateOnly From, DateOnly To, bool Anonymised, IReadOnlyList<AgendaItem> Items,
    IReadOnlyList<AgendaSummary> Summaries, int NotShown);

/// <summary>Proposes the agenda of a learning session from the cases, as far as the viewer may see them.</summary>
public sealed class Agendas(CurrentUser asking, KeukentafelDbContext db, CaseAccess access, TimeProvider time)
{
    /// <summary>Without a session before, the agenda looks back this far (sessions are every two weeks).</summary>
    public const int DefaultDays = 14;

    public async Task<Agenda> ProposeAsync(LearningSession session, CancellationToken ct)
    {
        var (from, to) = await PeriodAsync(session, ct);
        var points = await PointsAsync(session.NeighbourhoodId, from, to, ct);

        var caseWork = asking.WorksWithCases;
        if (!caseWork)
        {
            await access.LogAsync(null, null, AuditAction.Read, "leersessie (samenvatting)", ct);
            return new Agenda(session.Id, from, to, true, [], Summaries(points), 0);
        }

        var candidates = points.Select(p => p.CaseId).Distinct().ToList();
        var visible = await VisibleAsync(asking.StaffId, candidates, ct);
        var reasons = await ReasonsAsync(asking.StaffId, session.NeighbourhoodId, [.. candidates.Where(c => !visible.Contains(c))], ct);
        var items = points.Where(p => visible.Contains(p.CaseId) || reasons.ContainsKey(p.CaseId!.Value)).ToList();
        await access.LogListAsync([.. items.Select(i => (i.CaseId!.Value, i.ResidentId)).Distinct()], "leersessie", "leersessie (0 casussen)", ct, reasons);
        return new Agenda(session.Id, from, to, false, items, Summaries(points), points.Count - items.Count);
    }

    /// <summary>
    /// The agenda as it goes by mail, to anyone: the counts only (a group under five named, not counted), never a case
    /// number, a text or a name of a resident, so it needs no access check.
    /// </summary>
    public async Task<(DateOnly From, DateOnly To, IReadOnlyList<AgendaSummary> Summaries)> SummariseAsync(LearningSession session, CancellationToken ct)
    {
        var (from, to) = await PeriodAsync(session, ct);
        return (from, to, Summaries(await PointsAsync(session.NeighbourhoodId, from, to, ct)));
    }

    /// <summary>From the day of the session before (or two weeks back) up to the session's day.</summary>
    private async Task<(DateOnly From, DateOnly To)> PeriodAsync(LearningSession session, CancellationToken ct)
    {
        var previous = await db.LearningSessions.AsNoTracking()
            .Where(s => s.NeighbourhoodId == session.NeighbourhoodId && s.Date < session.Date)
            .OrderByDescending(s => s.Date).Select(s => (DateOnly?)s.Date).FirstOrDefaultAsync(ct);
        return (previous ?? session.Date.AddDays(-DefaultDays), session.Date);
    }

    /// <summary>
    /// The cases whose file the staff member may open: he brought it, or sits at the table while the resident's consent
    /// for his organisation holds (the case access rule; the coordinator's recorded reason is added by the agenda).
    /// </summary>
    internal async Task<HashSet<Guid?>> VisibleAsync(Guid? staffId, List<Guid?> cases, CancellationToken ct)
    {
        var today = DutchTime.Today(time);
        var organisation = await db.StaffMembers.Where(s => s.Id == staffId).Select(s => s.OrganisationId).SingleOrDefaultAsync(ct);
        var ids = cases.OfType<Guid>().ToList();
        var mine = await CaseLists.MayOpen(db.CaseMembers.AsNoTracking().Where(m => m.StaffMemberId == staffId && ids.Contains(m.CaseId)),
                db, organisation, today)
            .Select(m => m.CaseId).ToListAsync(ct);
        return [.. mine.Select(id => (Guid?)id)];
    }

    /// <summary>
    /// The cases the coordinator of this neighbourhood opened with a recorded reason that still holds (break the glass):
    /// he may open their files, so he sees their points too, each look logged with his reason.
    /// </summary>
    private async Task<Dictionary<Guid, string>> ReasonsAsync(Guid? staffId, Guid neighbourhoodId, List<Guid?> cases, CancellationToken ct)
    {
        var ids = cases.OfType<Guid>().ToList();
        if (staffId is null || ids.Count == 0 || !await db.Neighbourhoods.AnyAsync(n => n.Id == neighbourhoodId && n.CoordinatorId == staffId, ct))
        {
            return [];
        }

        var glasses = await db.BreakGlasses.AsNoTracking().Where(BreakGlass.HeldBy(staffId, time.GetUtcNow().UtcDateTime)).Where(b => ids.Contains(b.CaseId))
            .Select(b => new { b.CaseId, b.AtUtc, b.Reason }).ToListAsync(ct);
        return glasses.GroupBy(b => b.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(b => b.AtUtc)!.Reason);
    }

    private async Task<List<AgendaItem>> PointsAsync(Guid neighbourhoodId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (fromUtc, toUtc) = (DutchTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)), DutchTime.ToUtc(to.ToDateTime(TimeOnly.MinValue)));
        var today = DutchTime.Today(time);
        var cases = db.Cases.AsNoTracking().Where(c => c.NeighbourhoodId == neighbourhoodId);
        var points = new List<AgendaItem>();

        // Past six weeks: the deadline fell in the period (and has passed), and the solution was not carried out by then.
        var end = to <= today ? to : today;
        foreach (var c in await cases.Where(c => c.Deadline >= from && c.Deadline < end)
                     .Select(c => new { c.Id, c.Number, c.ResidentId, c.Deadline, c.SolutionCarriedOutAtUtc }).ToListAsync(ct))
        {
            if (c.SolutionCarriedOutAtUtc is not { } done || DutchTime.Date(done) > c.Deadline)
            {
                points.Add(new AgendaItem(AgendaKind.Overdue, "Niet binnen zes weken uitgevoerd",
                    c.SolutionCarriedOutAtUtc is { } late
                        ? $"Uitgevoerd op {DutchTime.Date(late):d-M-yyyy}, termijn was {c.Deadline:d-M-yyyy}."
                        : $"Termijn was {c.Deadline:d-M-yyyy}; nog niet uitgevoerd.",
                    c.Deadline, c.Id, c.Number, c.ResidentId));
            }
        }

        foreach (var d in await db.RuleDeviations.AsNoTracking().Where(d => d.RecordedAtUtc >= fromUtc && d.RecordedAtUtc < toUtc)
                     .Join(cases, d => d.CaseId, c => c.Id,
                         (d, c) => new { d.Rule, d.Reason, d.ManagerName, d.BackedAtUtc, d.RecordedAtUtc, c.Id, c.Number, c.ResidentId })
                     .ToListAsync(ct))
        {
            points.Add(new AgendaItem(AgendaKind.Deviation, $"Afwijking van: {d.Rule}",
                $"{d.Reason} {(d.BackedAtUtc is null ? $"Nog niet gesteund door {d.ManagerName}." : $"Gesteund door {d.ManagerName}.")}",
                DutchTime.Date(d.RecordedAtUtc), d.Id, d.Number, d.ResidentId));
        }

        foreach (var b in await db.Bottlenecks.AsNoTracking().Where(b => b.RecordedAtUtc >= fromUtc && b.RecordedAtUtc < toUtc)
                     .Join(cases, b => b.CaseId, c => c.Id, (b, c) => new { b.Category, b.Description, b.RecordedAtUtc, c.Id, c.Number, c.ResidentId })
                     .ToListAsync(ct))
        {
            points.Add(new AgendaItem(AgendaKind.Bottleneck, $"Knelpunt: {b.Category.Dutch()}", b.Description, DutchTime.Date(b.RecordedAtUtc), b.Id, b.Number,
                b.ResidentId));
        }

        // Closed in the period with a closing mark no higher than the first (the newest mark of each moment counts).
        var marks = await db.WellbeingMeasurements.AsNoTracking()
            .Where(m => db.WellbeingMeasurements.Any(x => x.CaseId == m.CaseId && x.Moment == MeasurementMoment.Closure
                && x.MeasuredOn >= from && x.MeasuredOn < to))
            .Join(cases, m => m.CaseId, c => c.Id, (m, c) => new { m.CaseId, m.Moment, m.Mark, m.MeasuredOn, m.RecordedAtUtc, c.Number, c.ResidentId })
            .ToListAsync(ct);
        foreach (var byCase in marks.GroupBy(m => m.CaseId))
        {
            var intake = byCase.Where(m => m.Moment == MeasurementMoment.Intake).MaxBy(m => m.RecordedAtUtc);
            var closure = byCase.Where(m => m.Moment == MeasurementMoment.Closure).MaxBy(m => m.RecordedAtUtc);
            if (intake is not null && closure is not null && closure.MeasuredOn >= from && closure.MeasuredOn < to && closure.Mark <= intake.Mark)
            {
                points.Add(new AgendaItem(AgendaKind.WellbeingNotRisen, "Welzijn niet gestegen",
                    $"Cijfer bij de start {intake.Mark:0.#}, bij het afsluiten {closure.Mark:0.#}.", closure.MeasuredOn, byCase.Key, closure.Number,
                    closure.ResidentId));
            }
        }

        foreach (var a in await db.PlanActions.AsNoTracking()
                     .Where(a => a.WorthSharingAtUtc >= fromUtc && a.WorthSharingAtUtc < toUtc)
                     .Join(cases, a => a.CaseId, c => c.Id,
                         (a, c) => new { a.What, a.WorthSharing, a.WorthSharingByName, a.WorthSharingAtUtc, c.Id, c.Number, c.ResidentId })
                     .ToListAsync(ct))
        {
            points.Add(new AgendaItem(AgendaKind.WorthSharing, $"Opvallende oplossing: {a.What}", $"{a.WorthSharing} (voorgesteld door {a.WorthSharingByName})",
                DutchTime.Date(a.WorthSharingAtUtc!.Value), a.Id, a.Number, a.ResidentId));
        }

        foreach (var a in await db.PlanActions.AsNoTracking()
                     .Where(a => a.IsContribution && a.Status == ActionStatus.Done && a.DoneAtUtc >= fromUtc && a.DoneAtUtc < toUtc)
                     .Join(cases, a => a.CaseId, c => c.Id, (a, c) => new { a.What, a.DoneAtUtc, c.Id, c.Number, c.ResidentId })
                     .ToListAsync(ct))
        {
            points.Add(new AgendaItem(AgendaKind.Reciprocity, "Wederkerigheid: wat de bewoner zelf deed", a.What, DutchTime.Date(a.DoneAtUtc!.Value), a.Id,
                a.Number, a.ResidentId));
        }

        return [.. points.OrderBy(p => p.Kind).ThenBy(p => p.On).ThenBy(p => p.CaseNumber, StringComparer.Ordinal)];
    }

    /// <summary>Counts per kind (bottlenecks per category), each of at least five residents; a smaller group is named, not counted.</summary>
    private static List<AgendaSummary> Summaries(List<AgendaItem> points) =>
        [.. points.GroupBy(p => (p.Kind, What: p.Kind == AgendaKind.Bottleneck ? p.Heading : Title(p.Kind)))
            .Select(g => g.Select(p => p.ResidentId).Distinct().Count() is var residents && Statistics.Shown(residents)
                ? new AgendaSummary(g.Key.Kind, g.Key.What, g.Count(), g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture))
                : new AgendaSummary(g.Key.Kind, g.Key.What, null, $"minder dan {Statistics.MinimumGroup} bewoners"))];

    public static string Title(AgendaKind kind) => kind switch
    {
        AgendaKind.Overdue => "Niet binnen zes weken uitgevoerd",
        AgendaKind.Deviation => "Afwijkingen van regels",
        AgendaKind.Bottleneck => "Knelpunten",
        AgendaKind.WellbeingNotRisen => "Welzijn niet gestegen",
        AgendaKind.WorthSharing => "Opvallende oplossingen",
        _ => "Wederkerigheid",
    };
}
