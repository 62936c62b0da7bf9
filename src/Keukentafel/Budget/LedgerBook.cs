using Keukentafel.Cases;

namespace Keukentafel.Budget;

/// <summary>
/// The rules of the ledger, over the entries of one budget, without a database: every change is checked against the
/// balances the entries add up to, and returns the new entries. Nothing is financed beyond the room silently: an
/// over-room commitment is refused with the reason (a manager's decision to allow it comes with the allocation).
/// </summary>
public sealed class LedgerBook(NeighbourhoodBudget budget, IEnumerable<LedgerEntry> entries)
{
    private readonly List<LedgerEntry> entries = [.. entries];

    public IReadOnlyList<LedgerEntry> Entries => entries;

    public Balance BalanceOf(Guid organisationId, int year) => Balance.Of(entries.Where(e => e.OrganisationId == organisationId && e.Year == year));

    /// <summary>What is reserved for a plan action and not yet released.</summary>
    public decimal Open(Guid planActionId) => Balance.Of(entries.Where(e => e.PlanActionId == planActionId)).Committed;

    public decimal TotalRoom => entries.Where(e => e.Kind == EntryKind.Room).Sum(e => e.Amount);

    /// <summary>Sets an organisation's room for a year; the rooms together stay within the contributions, and a room never below what is used.</summary>
    public LedgerEntry SetRoom(Guid organisationId, int year, decimal amount, Actor by, DateTime nowUtc)
    {
        RequireYear(year);
        RequireCents(amount, "Amount");
        if (amount < 0)
        {
            throw DomainException.About("Amount", "budget.room_negative", "Een ruimte kan niet negatief zijn.");
        }

        var balance = BalanceOf(organisationId, year);
        if (amount < balance.Used)
        {
            throw DomainException.About("Amount", "budget.room_below_used", $"Er is al {Euro(balance.Used)} vastgelegd of besteed. De ruimte kan niet lager zijn.");
        }

        var delta = amount - balance.Room;
        if (TotalRoom + delta > budget.Total)
        {
            throw DomainException.About("Amount", "budget.rooms_exceed_contributions",
                $"De ruimtes samen ({Euro(TotalRoom + delta)}) zouden meer zijn dan wat er in het budget zit ({Euro(budget.Total)}).");
        }

        return Add(new LedgerEntry(budget.Id, organisationId, year, EntryKind.Room, delta, null, null, $"Ruimte {year}: {Euro(amount)}", by, nowUtc));
    }

    /// <summary>A plan action is accepted for financing from an organisation's room.</summary>
    public LedgerEntry Commit(Guid organisationId, int year, Guid caseId, Guid planActionId, decimal amount, Actor by, DateTime nowUtc)
    {
        RequireYear(year);
        RequireCents(amount, "Amount");
        if (amount <= 0)
        {
            throw DomainException.About("Amount", "budget.amount_positive", "Geef een bedrag groter dan nul.");
        }

        if (Open(planActionId) > 0)
        {
            throw DomainException.Conflict("budget.already_committed", "Voor deze actie is al geld vastgelegd.");
        }

        var remaining = BalanceOf(organisationId, year).Remaining;
        if (amount > remaining)
        {
            throw DomainException.Conflict("budget.room_exceeded", $"Er is nog {Euro(remaining)} ruimte in {year}; deze actie kost {Euro(amount)}. Kies een organisatie met meer ruimte, of vraag de managers om een besluit.");
        }

        return Add(new LedgerEntry(budget.Id, organisationId, year, EntryKind.Commitment, amount, caseId, planActionId, null, by, nowUtc));
    }

    /// <summary>The action is dropped: what was reserved for it goes back to the room.</summary>
    public LedgerEntry Release(Guid planActionId, string? reason, Actor by, DateTime nowUtc)
    {
        var (commitment, open) = Committed(planActionId);
        return Add(new LedgerEntry(budget.Id, commitment.OrganisationId, commitment.Year, EntryKind.Release, open, commitment.CaseId, planActionId,
            Text.Required(reason, "budget.reason_required", "Geef de reden waarom het geld vrijkomt.", "Reason"), by, nowUtc));
    }

    /// <summary>Delivered at the actual cost: the reservation is released and the cost realised; more than the room allows is refused.</summary>
    public IReadOnlyList<LedgerEntry> Realise(Guid planActionId, decimal actualCost, Actor by, DateTime nowUtc)
    {
        RequireCents(actualCost, "ActualCost");
        if (actualCost < 0)
        {
            throw DomainException.About("ActualCost", "budget.amount_negative", "De werkelijke kosten kunnen niet negatief zijn.");
        }

        var (commitment, open) = Committed(planActionId);
        var remaining = BalanceOf(commitment.OrganisationId, commitment.Year).Remaining + open;
        if (actualCost > remaining)
        {
            throw DomainException.Conflict("budget.room_exceeded", $"De werkelijke kosten ({Euro(actualCost)}) zijn meer dan de ruimte die er is ({Euro(remaining)}).");
        }

        return
        [
            Add(new LedgerEntry(budget.Id, commitment.OrganisationId, commitment.Year, EntryKind.Release, open, commitment.CaseId, planActionId, "Geleverd", by, nowUtc)),
            Add(new LedgerEntry(budget.Id, commitment.OrganisationId, commitment.Year, EntryKind.Realisation, actualCost, commitment.CaseId, planActionId, null, by, nowUtc)),
        ];
    }

    /// <summary>Corrects what was realised for an organisation's year (e.g. an invoice credited), with the reason; never below zero, never beyond the room.</summary>
    public LedgerEntry Correct(Guid organisationId, int year, decimal amount, Guid? caseId, Guid? planActionId, string? reason, Actor by, DateTime nowUtc)
    {
        RequireYear(year);
        RequireCents(amount, "Amount");
        var why = Text.Required(reason, "budget.reason_required", "Geef de reden van de correctie.", "Reason");
        var balance = BalanceOf(organisationId, year);
        if (amount == 0 || balance.Realised + amount < 0 || amount > balance.Remaining)
        {
            throw DomainException.About("Amount", "budget.correction_range", $"Een correctie is niet nul, maakt het besteed bedrag ({Euro(balance.Realised)}) niet negatief en gaat niet over de ruimte ({Euro(balance.Remaining)}).");
        }

        return Add(new LedgerEntry(budget.Id, organisationId, year, EntryKind.Correction, amount, caseId, planActionId, why, by, nowUtc));
    }

    /// <summary>Everything that would mean the ledger does not add up; empty when it does. The check command and the tests use this.</summary>
    public static IReadOnlyList<string> Violations(NeighbourhoodBudget budget, IEnumerable<LedgerEntry> ledger)
    {
        var all = ledger.ToList();
        var problems = new List<string>();
        foreach (var year in all.GroupBy(e => (e.OrganisationId, e.Year)))
        {
            var b = Balance.Of(year);
            if (b.Room < 0 || b.Committed < 0 || b.Realised < 0 || b.Remaining < 0)
            {
                problems.Add($"{budget.Name}, organisation {year.Key.OrganisationId}, {year.Key.Year}: room {b.Room}, committed {b.Committed}, realised {b.Realised}, remaining {b.Remaining}");
            }
        }

        foreach (var action in all.Where(e => e.PlanActionId is not null).GroupBy(e => e.PlanActionId))
        {
            var committed = action.Where(e => e.Kind == EntryKind.Commitment).Sum(e => e.Amount);
            var released = action.Where(e => e.Kind == EntryKind.Release).Sum(e => e.Amount);
            if (released > committed || action.Any(e => e.Kind is EntryKind.Commitment or EntryKind.Release or EntryKind.Realisation && e.Amount < 0))
            {
                problems.Add($"{budget.Name}, action {action.Key}: committed {committed}, released {released}");
            }
        }

        if (all.Where(e => e.Kind == EntryKind.Room).Sum(e => e.Amount) > budget.Total)
        {
            problems.Add($"{budget.Name}: the rooms add up to more than the contributions ({budget.Total})");
        }

        return problems;
    }

    private (LedgerEntry Commitment, decimal Open) Committed(Guid planActionId)
    {
        var open = Open(planActionId);
        var commitment = entries.LastOrDefault(e => e.PlanActionId == planActionId && e.Kind == EntryKind.Commitment);
        return commitment is null || open <= 0
            ? throw DomainException.Conflict("budget.not_committed", "Voor deze actie is geen geld vastgelegd.")
            : (commitment, open);
    }

    private LedgerEntry Add(LedgerEntry entry)
    {
        entries.Add(entry);
        return entry;
    }

    private void RequireYear(int year)
    {
        if (!budget.Covers(year))
        {
            throw DomainException.About("Year", "budget.year", $"Kies een jaar van het budget: {budget.FirstYear} tot en met {budget.LastYear}.");
        }
    }

    private static void RequireCents(decimal amount, string field)
    {
        if (decimal.Round(amount, 2) != amount)
        {
            throw DomainException.About(field, "budget.cents", "Geef het bedrag in euro's met hooguit twee cijfers achter de komma.");
        }
    }

    private static string Euro(decimal amount) => amount.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}
