using Keukentafel.Accounts;
using Keukentafel.Budget;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Learning;

/// <summary>An initiative in a list: who runs it, its newest measure, how many plan actions it serves.</summary>
public sealed record InitiativeSummary(Guid Id, string Name, string RunBy, DateOnly? LastWeek, int? LastVisitors, int? ActionsServed);

/// <summary>
/// One initiative with its measures (newest first) and how many plan actions it serves; no case or resident data. For
/// those who do not work with cases the counts are null when they come from one to four residents.
/// </summary>
public sealed record InitiativeView(Guid Id, Guid NeighbourhoodId, string Neighbourhood, string Name, string? Description, bool RunByResidents,
    Guid? OrganisationId, string RunBy, decimal? BudgetPerYear, bool FromNeighbourhoodBudget, IReadOnlyList<MeasureView> Measures, int? ActionsServed,
    int? ActionsDone, IReadOnlyList<int> BookedYears, bool MayBook);

/// <summary>A week's measure; <see cref="Current"/> is false when a newer measure of the same week replaced it (kept, not lost).</summary>
public sealed record MeasureView(Guid Id, DateOnly Week, int? Visitors, int? Volunteers, int? ResidentsGivingBack, int? Activities, string? Note,
    string RecordedBy, DateTime RecordedAtUtc, bool Current);

/// <summary>The measure as entered: any day of the week measured; the numbers are checked by the initiative (none negative).</summary>
public sealed record MeasureInput(DateOnly? Week, int? Visitors, int? Volunteers, int? ResidentsGivingBack, int? Activities,
    [property: System.ComponentModel.DataAnnotations.StringLength(2_000)] string? Note);

/// <summary>The initiative as started: run by residents, an organisation of the neighbourhood, or both.</summary>
public sealed record InitiativeInput([property: System.ComponentModel.DataAnnotations.StringLength(300)] string? Name,
    [property: System.ComponentModel.DataAnnotations.StringLength(4_000)] string? Description, bool RunByResidents, Guid? OrganisationId,
    decimal? BudgetPerYear, bool FromNeighbourhoodBudget);

/// <summary>
/// Collective initiatives of a neighbourhood: its coordinator starts one; whoever works with cases there records the
/// measures; everyone who works there sees them.
/// </summary>
public sealed class Initiatives(CurrentUser asking, KeukentafelDbContext db, Membership membership, CaseAccess access, Financing financing,
    TimeProvider time)
{
    private const string Part = "collectief initiatief";

    public async Task<CollectiveInitiative> StartAsync(Guid neighbourhoodId, InitiativeInput input, CancellationToken ct)
    {
        await membership.RequireCoordinatorAsync(neighbourhoodId, Part, ct);
        if (input.OrganisationId is { } organisation
            && !await db.OrganisationNeighbourhoods.AnyAsync(w => w.OrganisationId == organisation && w.NeighbourhoodId == neighbourhoodId, ct))
        {
            throw DomainException.About("OrganisationId", "initiative.organisation_elsewhere", "Deze organisatie werkt niet in deze wijk.");
        }

        var by = await access.ActorAsync(ct);
        var initiative = CollectiveInitiative.Start(neighbourhoodId, input.Name, input.Description, input.RunByResidents, input.OrganisationId,
            input.BudgetPerYear, input.FromNeighbourhoodBudget, by, time.GetUtcNow().UtcDateTime);
        if (!initiative.FromNeighbourhoodBudget)
        {
            db.CollectiveInitiatives.Add(initiative);
            await db.SaveChangesAsync(ct);
            return initiative;
        }

        // Paid from the neighbourhood budget: this year's line is reserved in its ledger, from the room of the organisation
        // that manages the money, together with the initiative (one transaction).
        var manager = initiative.OrganisationId ?? throw DomainException.About("OrganisationId", "initiative.organisation_for_budget",
            "Kies de organisatie die het geld uit het wijkbudget beheert. Bij een initiatief van bewoners is dat de organisatie die met hen meedoet.");
        await financing.BookInitiativeAsync(neighbourhoodId, initiative.Id, initiative.Name, manager, DutchTime.Today(time).Year,
            initiative.BudgetPerYear!.Value, by, () => db.CollectiveInitiatives.Add(initiative), ct);
        return initiative;
    }

    public async Task<IReadOnlyList<InitiativeSummary>> ListAsync(Guid neighbourhoodId, CancellationToken ct)
    {
        await membership.RequireWorksInAsync(neighbourhoodId, Part, ct);
        var initiatives = await db.CollectiveInitiatives.AsNoTracking().Where(i => i.NeighbourhoodId == neighbourhoodId).OrderBy(i => i.Name).ToListAsync(ct);
        var served = await ServedAsync([.. initiatives.Select(i => i.Id)], ct);
        var organisations = await OrganisationNamesAsync(initiatives, ct);
        return [.. initiatives.Select(i =>
        {
            var last = i.Measures.OrderByDescending(m => m.Week).ThenByDescending(m => m.RecordedAtUtc).FirstOrDefault();
            return new InitiativeSummary(i.Id, i.Name, RunBy(i, organisations), last?.Week, last?.Visitors, served.TryGetValue(i.Id, out var s) ? s.Served : 0);
        })];
    }

    public async Task<InitiativeView?> GetAsync(Guid initiativeId, CancellationToken ct)
    {
        var i = await db.CollectiveInitiatives.AsNoTracking().SingleOrDefaultAsync(x => x.Id == initiativeId, ct);
        if (i is null)
        {
            return null;
        }

        await membership.RequireWorksInAsync(i.NeighbourhoodId, Part, ct);
        var neighbourhood = await db.Neighbourhoods.Where(n => n.Id == i.NeighbourhoodId).Select(n => n.Name).SingleAsync(ct);
        var served = (await ServedAsync([i.Id], ct)).GetValueOrDefault(i.Id, (0, 0));
        var organisations = await OrganisationNamesAsync([i], ct);
        var ordered = i.Measures.OrderByDescending(m => m.Week).ThenByDescending(m => m.RecordedAtUtc).ToList();
        var booked = await db.LedgerEntries.AsNoTracking().Where(l => l.InitiativeId == i.Id && l.Kind == Budget.EntryKind.Commitment)
            .Select(l => l.Year).Distinct().OrderBy(y => y).ToListAsync(ct);
        return new InitiativeView(i.Id, i.NeighbourhoodId, neighbourhood, i.Name, i.Description, i.RunByResidents, i.OrganisationId, RunBy(i, organisations),
            i.BudgetPerYear, i.FromNeighbourhoodBudget,
            [.. ordered.Select((m, n) => new MeasureView(m.Id, m.Week, m.Visitors, m.Volunteers, m.ResidentsGivingBack, m.Activities, m.Note, m.RecordedByName,
                m.RecordedAtUtc, ordered.FindIndex(x => x.Week == m.Week) == n))],
            served.Served, served.Done, booked, i.FromNeighbourhoodBudget && await membership.CoordinatesAsync(i.NeighbourhoodId, ct));
    }

    /// <summary>
    /// The coordinator books the initiative's budget line of another year (the next one, once the year before is booked)
    /// in the neighbourhood budget: once per year, from the start year on, up to next year.
    /// </summary>
    public async Task<Budget.LedgerEntry> BookYearAsync(Guid initiativeId, int? year, CancellationToken ct)
    {
        var i = await db.CollectiveInitiatives.AsNoTracking().SingleOrDefaultAsync(x => x.Id == initiativeId, ct) ?? throw new NotYoursException();
        await membership.RequireCoordinatorAsync(i.NeighbourhoodId, Part, ct);
        if (!i.FromNeighbourhoodBudget || i.BudgetPerYear is not { } amount || i.OrganisationId is not { } organisation)
        {
            throw DomainException.Conflict("initiative.not_from_budget", "Het budget van dit initiatief komt niet uit het wijkbudget.");
        }

        var today = DutchTime.Today(time);
        var first = DutchTime.Date(i.CreatedAtUtc).Year;
        if (year is not { } y || y < first || y > today.Year + 1)
        {
            throw DomainException.About("Year", "initiative.year_outside", $"Kies een jaar van {first} tot en met {today.Year + 1}.");
        }

        return await financing.BookInitiativeAsync(i.NeighbourhoodId, i.Id, i.Name, organisation, y, amount, await access.ActorAsync(ct), () => { }, ct);
    }

    /// <summary>A week's measure, by whoever works with cases in the neighbourhood.</summary>
    public async Task<InitiativeMeasure> MeasureAsync(Guid initiativeId, MeasureInput input, CancellationToken ct)
    {
        var initiative = await db.CollectiveInitiatives.SingleOrDefaultAsync(x => x.Id == initiativeId, ct) ?? throw new NotYoursException();
        await membership.RequireWorksInAsync(initiative.NeighbourhoodId, Part, ct);
        if (!asking.WorksWithCases)
        {
            throw new DomainException("initiative.measure_not_case_work", "Metingen worden vastgelegd door de professionals en de coördinator van de wijk.");
        }

        var measure = initiative.Measure(input.Week ?? throw DomainException.About("Week", "initiative.week_required", "Kies de week van de meting."),
            input.Visitors, input.Volunteers, input.ResidentsGivingBack, input.Activities, input.Note, DutchTime.Today(time),
            await access.ActorAsync(ct), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return measure;
    }

    /// <summary>The initiatives of a neighbourhood to choose from when a plan action is carried out by one.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ChoicesAsync(Guid neighbourhoodId, CancellationToken ct) =>
        [.. (await db.CollectiveInitiatives.AsNoTracking().Where(i => i.NeighbourhoodId == neighbourhoodId).OrderBy(i => i.Name)
            .Select(i => new { i.Id, i.Name }).ToListAsync(ct)).Select(i => (i.Id, i.Name))];

    /// <summary>How many plan actions each initiative serves and has done; a count of one to four residents only for those who work with cases.</summary>
    private async Task<Dictionary<Guid, (int? Served, int? Done)>> ServedAsync(List<Guid> ids, CancellationToken ct)
    {
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.InitiativeId != null && ids.Contains(a.InitiativeId.Value))
            .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => new { Initiative = a.InitiativeId!.Value, a.Status, c.ResidentId })
            .ToListAsync(ct);
        var caseWork = asking.WorksWithCases;
        return actions.GroupBy(a => a.Initiative).ToDictionary(g => g.Key, g =>
            caseWork || Effects.Statistics.Shown(g.Select(a => a.ResidentId).Distinct().Count())
                ? ((int?)g.Count(), (int?)g.Count(a => a.Status == Plans.ActionStatus.Done))
                : (null, null));
    }

    private async Task<Dictionary<Guid, string>> OrganisationNamesAsync(IEnumerable<CollectiveInitiative> initiatives, CancellationToken ct)
    {
        var ids = initiatives.Select(i => i.OrganisationId).OfType<Guid>().Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private static string RunBy(CollectiveInitiative i, Dictionary<Guid, string> organisations) =>
        (i.RunByResidents, i.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null) switch
        {
            (true, { } name) => $"Bewoners, met {name}",
            (true, null) => "Bewoners",
            (false, { } name) => name,
            _ => "Onbekend",
        };
}
