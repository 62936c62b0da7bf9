using Keukentafel.Accounts;
using Keukentafel.Budget;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Effects;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Learning;

/// <summary>
/// One neighbourhood in the municipality overview: the effect report's figures (null where fewer than five residents,
/// or nothing measured: <see cref="IntakeMeasured"/> and <see cref="ClosureMeasured"/> tell which), the use of the
/// year's neighbourhood budget and the learning sessions held. No resident data.
/// </summary>
public sealed record NeighbourhoodColumn(Guid Id, string Name, DateOnly? StartedOn, int Cases, IReadOnlyList<string> SmallQuarters, bool Shown,
    [property: Web.Fraction] decimal? SixWeeksShare, decimal? WellbeingAtIntake, decimal? WellbeingAtClosure, int CostAnalyses,
    decimal? CostWithout, decimal? CostWith,
    decimal? BudgetRoom, decimal? BudgetUsed, int LearningSessions, bool IntakeMeasured, bool ClosureMeasured);

public sealed record Overview(Guid MunicipalityId, string Municipality, DateOnly From, DateOnly To, int BudgetYear,
    IReadOnlyList<NeighbourhoodColumn> Neighbourhoods);

/// <summary>
/// The municipality overview: every neighbourhood of the municipalities the user works in, side by side, over the same
/// whole quarters. Built from the effect report of each neighbourhood, so the same suppression of small groups holds.
/// </summary>
public sealed class MunicipalityOverview(KeukentafelDbContext db, EffectReports reports, TimeProvider time)
{
    /// <summary>The municipalities of the neighbourhoods the staff member works in.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> MunicipalitiesAsync(Guid? staffId, CancellationToken ct) =>
        [.. (await db.StaffNeighbourhoods.AsNoTracking().Where(w => w.StaffMemberId == staffId)
                .Select(w => new { w.Neighbourhood!.MunicipalityId, w.Neighbourhood.Municipality!.Name }).Distinct().ToListAsync(ct))
            .OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => (m.MunicipalityId, m.Name))];

    /// <summary>The overview of one municipality; null when the staff member works in none of its neighbourhoods.</summary>
    public async Task<Overview?> BuildAsync(Guid? staffId, Guid municipalityId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var municipality = (await MunicipalitiesAsync(staffId, ct)).FirstOrDefault(m => m.Id == municipalityId);
        if (municipality.Name is null)
        {
            return null;
        }

        // Eight whole quarters up to and with this one: closed cases with their marks and analyses fall in them (this
        // year alone would show mostly cases still under way), and so does the work of a neighbourhood that just began.
        var today = DutchTime.Today(time);
        var end = to ?? today;
        var start = from ?? (to is null ? EffectReport.Quarters(today, today).From.AddMonths(-21) : new DateOnly(end.Year, 1, 1));
        EffectReport.CheckPeriod(start, end);
        var (first, last) = EffectReport.Quarters(start, end);
        var year = end.Year;
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().Where(n => n.MunicipalityId == municipalityId).OrderBy(n => n.Name)
            .Select(n => new { n.Id, n.Name, n.StartedOn }).ToListAsync(ct);
        var columns = new List<NeighbourhoodColumn>();
        foreach (var n in neighbourhoods)
        {
            var report = (await reports.BuildAsync(new ReportSelection(n.Id, first, last), false, ct))!;
            var budget = await db.Budgets.AsNoTracking().Where(b => b.NeighbourhoodId == n.Id && b.FirstYear <= year && b.LastYear >= year)
                .Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
            Balance? balance = null;
            if (budget is { } budgetId)
            {
                var sums = await db.LedgerEntries.AsNoTracking().Where(e => e.BudgetId == budgetId && e.Year == year)
                    .GroupBy(e => e.Kind).Select(g => new { Kind = g.Key, Amount = g.Sum(e => e.Amount) }).ToListAsync(ct);
                balance = Balance.Of(sums.Select(s => (s.Kind, s.Amount)));
            }

            var sessions = await db.LearningSessions.CountAsync(s => s.NeighbourhoodId == n.Id && s.Date >= first && s.Date <= last && s.Date <= today, ct);
            bool Measured(MeasurementMoment moment) => report.Wellbeing.Any(w => w.Moment == moment && w.Residents > 0);
            decimal? Mean(MeasurementMoment moment) =>
                report.Wellbeing.FirstOrDefault(w => w.Moment == moment)?.Summary is { } s ? decimal.Round(s.Mean, 1) : null;
            columns.Add(new NeighbourhoodColumn(n.Id, n.Name, n.StartedOn, report.Cases, report.SmallQuarters, report.Shown,
                report.Shown && report.SixWeeks is { } six ? decimal.Round(six.Share, 3) : null,
                Mean(MeasurementMoment.Intake), Mean(MeasurementMoment.Closure),
                report.AllCosts?.Analyses ?? 0, report.AllCosts is { } c ? decimal.Round(c.Without, 2) : null,
                report.AllCosts is { } w ? decimal.Round(w.With, 2) : null,
                balance?.Room, balance is { } b ? b.Committed + b.Realised : null, sessions,
                Measured(MeasurementMoment.Intake), Measured(MeasurementMoment.Closure)));
        }

        return new Overview(municipalityId, municipality.Name, first, last, year, columns);
    }
}
