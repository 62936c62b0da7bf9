using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Effects;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Budget;

/// <summary>One financed action as the coordinator (all) and a manager (his organisation's) see it: the case number, not the resident.</summary>
public sealed record FinancedAction(Guid CaseId, string CaseNumber, Guid PlanActionId, string What, Guid OrganisationId, string Organisation,
    LawDomain? LawDomain, decimal Committed, decimal Realised, Payer? PreFinancedFor, decimal Outstanding,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid ResidentId);

/// <summary>One page of the financed actions (1-based), and how many there are in all.</summary>
public sealed record FinancedPage(IReadOnlyList<FinancedAction> Items, int Page, int Pages, int Total);

/// <summary>
/// The dashboard as one viewer may see it: the aggregates for all; the financed actions only for a coordinator, and for a
/// manager his organisation's.
/// </summary>
public sealed record DashboardView(BudgetDashboard Dashboard, IReadOnlyList<(Guid Id, string Name)> Budgets, FinancedPage? Detail, string? DetailScope);

/// <summary>
/// Who sees which budget (those of the neighbourhoods he works in), the dashboard computed from the ledger, and the
/// financed actions for those who may see them: the coordinator of the neighbourhood, and managers for their own
/// organisation; directors and financiers see aggregates only. Showing case numbers is logged per case.
/// </summary>
public sealed class Dashboards(CurrentUser asking, KeukentafelDbContext db, CaseAccess access, TimeProvider time)
{
    public async Task<IReadOnlyList<(Guid Id, string Name)>> VisibleAsync(Guid? staffId, CancellationToken ct) =>
        [.. (await db.Budgets.AsNoTracking()
                .Where(b => db.StaffNeighbourhoods.Any(w => w.StaffMemberId == staffId && w.NeighbourhoodId == b.NeighbourhoodId))
                .OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct))
            .Select(b => (b.Id, b.Name))];

    /// <summary>Financed actions per page: the case numbers shown are logged per case, so a page is what one reads at once.</summary>
    public const int DetailPageSize = 50;

    /// <summary>
    /// The dashboard of a budget the user may see (none asked: his first), or null when there is none; a budget elsewhere
    /// is refused and logged. Reads the year's ledger entries only; what the period used before is summed by the database.
    /// The financed actions come a page at a time (<paramref name="page"/>, or the page holding <paramref name="containing"/>);
    /// for a <paramref name="download"/> (sums only) they are not read, and the download is logged once, as an export.
    /// </summary>
    public async Task<DashboardView?> ForAsync(Guid? budgetId, int? year, CancellationToken ct, int? page = null, Guid? containing = null,
        bool download = false)
    {
        var staffId = asking.StaffId;
        var budgets = await VisibleAsync(staffId, ct);
        var chosen = budgetId ?? (budgets.Count > 0 ? budgets[0].Id : null);
        if (chosen is null)
        {
            return null;
        }

        if (!budgets.Any(b => b.Id == chosen))
        {
            await access.LogAsync(null, null, AuditAction.Read, "budget van een andere wijk", ct, allowed: false);
            throw new NotYoursException();
        }

        var budget = await db.Budgets.AsNoTracking().Include(b => b.Contributions).SingleAsync(b => b.Id == chosen, ct);
        var today = DutchTime.Today(time);
        var y = year is { } asked && budget.Covers(asked) ? asked : Math.Clamp(today.Year, budget.FirstYear, budget.LastYear);
        var entries = await db.LedgerEntries.AsNoTracking().Where(l => l.BudgetId == budget.Id && l.Year == y).ToListAsync(ct);
        var inOrganisations = entries.Select(e => e.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => inOrganisations.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var preFinanced = await db.PreFinancings.AsNoTracking().Where(p => p.BudgetId == budget.Id).ToDictionaryAsync(p => p.PlanActionId, p => p.Payer, ct);
        var dashboard = BudgetDashboard.OfYear(budget, entries, y, names, preFinanced, today, await UsedInPeriodAsync(budget.Id, ct));

        var (scope, organisation) = download ? (null, null) : await ScopeAsync(staffId, ct);
        FinancedPage? detail = null;
        if (scope is not null)
        {
            var all = await DetailAsync([.. entries.Where(e => e.PlanActionId is not null && (organisation is null || e.OrganisationId == organisation))],
                names, preFinanced, ct);
            var pages = Math.Max(1, (all.Count + DetailPageSize - 1) / DetailPageSize);
            var at = containing is { } action && all.FindIndex(f => f.PlanActionId == action) is >= 0 and var index
                ? (index / DetailPageSize) + 1
                : Math.Clamp(page ?? 1, 1, pages);
            detail = new FinancedPage([.. all.Skip((at - 1) * DetailPageSize).Take(DetailPageSize)], at, pages, all.Count);
            await access.LogListAsync([.. detail.Items.Select(d => (d.CaseId, d.ResidentId)).Distinct()], "wijkbudget", "wijkbudget (0 casussen)", ct);
        }
        else
        {
            await access.LogAsync(null, null, download ? AuditAction.Export : AuditAction.Read,
                download ? "wijkbudget (download, alleen totalen)" : "wijkbudget", ct);
        }

        return new DashboardView(dashboard, budgets, detail, scope);
    }

    /// <summary>Reserved plus spent over the whole period so far (room changes aside), summed in the database.</summary>
    private async Task<decimal> UsedInPeriodAsync(Guid budgetId, CancellationToken ct)
    {
        var sums = await db.LedgerEntries.AsNoTracking().Where(l => l.BudgetId == budgetId && l.Kind != EntryKind.Room)
            .GroupBy(l => l.Kind).Select(g => new { Kind = g.Key, Amount = g.Sum(l => l.Amount) }).ToListAsync(ct);
        return Balance.Of(sums.Select(s => (s.Kind, s.Amount))).Used;
    }

    /// <summary>Coordinators see every organisation's financed actions; a manager his own organisation's; others none.</summary>
    private async Task<(string? Scope, Guid? Organisation)> ScopeAsync(Guid? staffId, CancellationToken ct)
    {
        if (asking.IsInRole(Roles.Coordinator))
        {
            return ("alle organisaties", null);
        }

        if (asking.IsInRole(Roles.Manager)
            && await db.StaffMembers.AsNoTracking().Where(s => s.Id == staffId && s.Function == StaffFunction.Manager)
                .Select(s => new { s.OrganisationId, Name = s.Organisation!.Name }).SingleOrDefaultAsync(ct) is { OrganisationId: { } own } manager)
        {
            return (manager.Name, own);
        }

        return (null, null);
    }

    private async Task<List<FinancedAction>> DetailAsync(List<LedgerEntry> entries, Dictionary<Guid, string> names, Dictionary<Guid, Payer> preFinanced,
        CancellationToken ct)
    {
        var ids = entries.Select(e => e.PlanActionId!.Value).Distinct().ToList();
        var actions = new Dictionary<Guid, (string What, Guid CaseId, string Number, Guid ResidentId)>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var a in await db.PlanActions.AsNoTracking().Where(a => chunk.Contains(a.Id))
                         .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => new { a.Id, a.What, CaseId = c.Id, c.Number, c.ResidentId }).ToListAsync(ct))
            {
                actions[a.Id] = (a.What, a.CaseId, a.Number, a.ResidentId);
            }
        }

        return [.. entries.GroupBy(e => e.PlanActionId!.Value).Where(g => actions.ContainsKey(g.Key)).Select(g =>
            {
                var b = Balance.Of(g);
                var a = actions[g.Key];
                var last = g.First(e => e.Kind == EntryKind.Commitment);
                return new FinancedAction(a.CaseId, a.Number, g.Key, a.What, last.OrganisationId, names.GetValueOrDefault(last.OrganisationId, "?"),
                    last.LawDomain, b.Committed, b.Realised, preFinanced.TryGetValue(g.Key, out var payer) ? payer : null,
                    preFinanced.ContainsKey(g.Key) ? LedgerBook.OutstandingOf(g) : 0, a.ResidentId);
            })
            .OrderBy(f => f.Organisation, StringComparer.Ordinal).ThenBy(f => f.CaseNumber, StringComparer.Ordinal).ThenBy(f => f.PlanActionId)];
    }
}
