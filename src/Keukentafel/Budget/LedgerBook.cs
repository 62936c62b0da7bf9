using Keukentafel.Cases;
using Keukentafel.Web;

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

    public NeighbourhoodBudget Budget => budget;

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
            throw DomainException.About("Amount", "budget.room_below_used",
                $"Er is al {DutchNumber.Euro(balance.Used)} vastgelegd of besteed. De ruimte kan niet lager zijn.");
        }

        var delta = amount - balance.Room;
        if (TotalRoom + delta > budget.Total)
        {
            throw DomainException.About("Amount", "budget.rooms_exceed_contributions",
                $"De ruimtes samen ({DutchNumber.Euro(TotalRoom + delta)}) zouden meer zijn dan wat er in het budget zit ({DutchNumber.Euro(budget.Total)}).");
        }

        return Add(new LedgerEntry(budget.Id, organisationId, year, EntryKind.Room, delta, null, null, $"Ruimte {year}: {DutchNumber.Euro(amount)}", by,
            nowUtc));
    }

    /// <summary>
    /// A plan action is accepted for financing from an organisation's room. Beyond the room only with the managers'
    /// decision to allow it (<paramref name="beyondRoom"/>), which the entry keeps.
    /// </summary>
    public LedgerEntry Commit(Guid organisationId, int year, Guid caseId, Guid planActionId, decimal amount, Plans.LawDomain? lawDomain, Actor by,
        DateTime nowUtc, FinancingRequest? beyondRoom = null)
    {
        RequireYear(year);
        RequireCents(amount, "Amount");
        if (amount <= 0)
        {
            throw DomainException.About("Amount", "budget.amount_positive", "Geef een bedrag groter dan nul.");
        }

        // Once per action: reserved now, or already delivered and paid (a released reservation without delivery is a dropped action).
        if (Open(planActionId) > 0 || entries.Any(e => e.PlanActionId == planActionId && e.Kind == EntryKind.Realisation))
        {
            throw DomainException.Conflict("budget.already_committed", "Voor deze actie is al geld vastgelegd.");
        }

        var allowed = beyondRoom is { Status: RequestStatus.BeyondRoom } d && d.PlanActionId == planActionId && d.OrganisationId == organisationId
            && d.Year == year && d.Amount >= amount;
        var remaining = BalanceOf(organisationId, year).Remaining;
        if (amount > remaining && !allowed)
        {
            throw DomainException.Conflict("budget.room_exceeded",
                $"Er is nog {DutchNumber.Euro(remaining)} ruimte in {year}; deze actie kost {DutchNumber.Euro(amount)}. "
                    + "Kies een organisatie met meer ruimte, of vraag de managers om een besluit.");
        }

        return Add(new LedgerEntry(budget.Id, organisationId, year, EntryKind.Commitment, amount, caseId, planActionId,
            allowed ? "Besluit managers: boven de ruimte" : null, by, nowUtc, lawDomain, allowed ? beyondRoom!.Id : null));
    }

    /// <summary>
    /// A collective initiative's budget line for one year, reserved from the room of the organisation that manages its
    /// money: once per initiative and year, and only as far as the room reaches.
    /// </summary>
    public LedgerEntry CommitInitiative(Guid organisationId, int year, Guid initiativeId, decimal amount, string initiative, Actor by, DateTime nowUtc)
    {
        RequireYear(year);
        RequireCents(amount, "BudgetPerYear");
        if (amount <= 0)
        {
            throw DomainException.About("BudgetPerYear", "budget.amount_positive", "Geef een bedrag groter dan nul.");
        }

        if (entries.Any(e => e.InitiativeId == initiativeId && e.Year == year && e.Kind == EntryKind.Commitment))
        {
            throw DomainException.Conflict("budget.initiative_booked", $"Het budget van dit initiatief voor {year} staat al in het wijkbudget.");
        }

        var remaining = BalanceOf(organisationId, year).Remaining;
        if (amount > remaining)
        {
            throw DomainException.About("BudgetPerYear", "budget.room_exceeded",
                $"Er is nog {DutchNumber.Euro(remaining)} ruimte in {year} bij deze organisatie; het initiatief kost {DutchNumber.Euro(amount)} per jaar. "
                    + "Kies een kleiner bedrag of een andere organisatie, of vraag de coördinator om meer ruimte.");
        }

        return Add(new LedgerEntry(budget.Id, organisationId, year, EntryKind.Commitment, amount, null, null, $"Collectief initiatief: {initiative}", by,
            nowUtc, initiativeId: initiativeId));
    }

    /// <summary>The managers move room from one organisation's year to another's, for a decision; what the first has left must allow it.</summary>
    public IReadOnlyList<LedgerEntry> ShiftRoom(Guid fromOrganisationId, Guid toOrganisationId, int year, decimal amount, Guid decisionId, string reason,
        Actor by, DateTime nowUtc)
    {
        RequireYear(year);
        RequireCents(amount, "Amount");
        if (fromOrganisationId == toOrganisationId || amount <= 0)
        {
            throw DomainException.About("FromOrganisationId", "budget.shift_same", "Kies een andere organisatie om ruimte van te nemen.");
        }

        var left = BalanceOf(fromOrganisationId, year).Remaining;
        if (amount > left)
        {
            throw DomainException.About("FromOrganisationId", "budget.shift_too_much",
                $"Die organisatie heeft nog {DutchNumber.Euro(left)} ruimte in {year}; er is {DutchNumber.Euro(amount)} nodig.");
        }

        return
        [
            Add(new LedgerEntry(budget.Id, fromOrganisationId, year, EntryKind.Room, -amount, null, null, reason, by, nowUtc, decisionId: decisionId)),
            Add(new LedgerEntry(budget.Id, toOrganisationId, year, EntryKind.Room, amount, null, null, reason, by, nowUtc, decisionId: decisionId)),
        ];
    }

    /// <summary>The action is dropped: what was reserved for it goes back to the room.</summary>
    public LedgerEntry Release(Guid planActionId, string? reason, Actor by, DateTime nowUtc)
    {
        var (commitment, open) = Committed(planActionId);
        return Add(new LedgerEntry(budget.Id, commitment.OrganisationId, commitment.Year, EntryKind.Release, open, commitment.CaseId, planActionId,
            Text.Required(reason, "budget.reason_required", "Geef de reden waarom het geld vrijkomt.", "Reason"), by, nowUtc, commitment.LawDomain));
    }

    /// <summary>
    /// Delivered at the actual cost: the reservation is released and the cost realised. What was reserved is always
    /// covered (also beyond the room, when the managers allowed it); more than that only from room that is left.
    /// </summary>
    public IReadOnlyList<LedgerEntry> Realise(Guid planActionId, decimal actualCost, Actor by, DateTime nowUtc)
    {
        RequireCents(actualCost, "ActualCost");
        if (actualCost < 0)
        {
            throw DomainException.About("ActualCost", "budget.amount_negative", "De werkelijke kosten kunnen niet negatief zijn.");
        }

        var (commitment, open) = Committed(planActionId);
        var remaining = Math.Max(BalanceOf(commitment.OrganisationId, commitment.Year).Remaining, 0) + open;
        if (actualCost > remaining)
        {
            throw DomainException.Conflict("budget.room_exceeded",
                $"De werkelijke kosten ({DutchNumber.Euro(actualCost)}) zijn meer dan de ruimte die er is ({DutchNumber.Euro(remaining)}).");
        }

        return
        [
            Add(new LedgerEntry(budget.Id, commitment.OrganisationId, commitment.Year, EntryKind.Release, open, commitment.CaseId, planActionId, "Geleverd",
                by, nowUtc, commitment.LawDomain)),
            Add(new LedgerEntry(budget.Id, commitment.OrganisationId, commitment.Year, EntryKind.Realisation, actualCost, commitment.CaseId, planActionId,
                null, by, nowUtc, commitment.LawDomain)),
        ];
    }

    /// <summary>
    /// Corrects what was realised for an organisation's year (e.g. an invoice credited), with the reason; never below zero,
    /// never beyond the room.
    /// </summary>
    public LedgerEntry Correct(Guid organisationId, int year, decimal amount, Guid? caseId, Guid? planActionId, string? reason, Actor by, DateTime nowUtc)
    {
        RequireYear(year);
        RequireCents(amount, "Amount");
        var why = Text.Required(reason, "budget.reason_required", "Geef de reden van de correctie.", "Reason");
        var balance = BalanceOf(organisationId, year);
        if (amount == 0 || balance.Realised + amount < 0 || amount > balance.Remaining)
        {
            throw DomainException.About("Amount", "budget.correction_range",
                $"Een correctie is niet nul, maakt het besteed bedrag ({DutchNumber.Euro(balance.Realised)}) niet negatief "
                    + $"en gaat niet over de ruimte ({DutchNumber.Euro(balance.Remaining)}).");
        }

        if (planActionId is { } action && Outstanding(action) + amount < 0)
        {
            // For one action: never less spent than nothing, nor than what already came back or was written off.
            throw DomainException.About("Amount", "budget.correction_range",
                "Een correctie maakt het besteed bedrag van deze actie niet negatief, en niet lager dan wat al is terugbetaald of afgeschreven. "
                    + $"Er kan hooguit {DutchNumber.Euro(Outstanding(action))} af.");
        }

        var lawDomain = planActionId is null ? null : entries.LastOrDefault(e => e.PlanActionId == planActionId && e.Kind == EntryKind.Commitment)?.LawDomain;
        return Add(new LedgerEntry(budget.Id, organisationId, year, EntryKind.Correction, amount, caseId, planActionId, why, by, nowUtc, lawDomain));
    }

    /// <summary>What of a pre-financed action was spent and has not come back nor been written off.</summary>
    public decimal Outstanding(Guid planActionId) => OutstandingOf(entries.Where(e => e.PlanActionId == planActionId));

    /// <summary>Spent on one action (realised and corrected) minus what came back or was written off, over its entries.</summary>
    public static decimal OutstandingOf(IEnumerable<LedgerEntry> actionEntries) =>
        actionEntries.Sum(e => e.Kind switch
        {
            EntryKind.Realisation or EntryKind.Correction => e.Amount,
            EntryKind.Settlement or EntryKind.WriteOff => -e.Amount,
            _ => 0,
        });

    /// <summary>
    /// The regular payer of a pre-financed action paid (part of) it back (<see cref="EntryKind.Settlement"/>), or it will not
    /// come back (<see cref="EntryKind.WriteOff"/>).
    /// </summary>
    public LedgerEntry Settle(Guid planActionId, EntryKind kind, decimal amount, string? reason, Actor by, DateTime nowUtc)
    {
        RequireCents(amount, "Amount");
        if (kind is not (EntryKind.Settlement or EntryKind.WriteOff))
        {
            throw DomainException.About("Kind", "budget.settlement_kind", "Kies: terugbetaald of afgeschreven.");
        }

        var realisation = entries.LastOrDefault(e => e.PlanActionId == planActionId && e.Kind == EntryKind.Realisation)
            ?? throw DomainException.Conflict("budget.not_realised", "Deze actie is nog niet geleverd; verrekenen kan daarna.");
        var outstanding = Outstanding(planActionId);
        if (kind == EntryKind.Settlement)
        {
            // What came back cannot be more than what the organisation's year has spent (after credit notes).
            outstanding = Math.Min(outstanding, BalanceOf(realisation.OrganisationId, realisation.Year).Realised);
        }

        if (amount <= 0 || amount > outstanding)
        {
            throw DomainException.About("Amount", "budget.settlement_range",
                $"Geef een bedrag groter dan nul en niet meer dan wat nog openstaat ({DutchNumber.Euro(outstanding)}).");
        }

        var why = Text.Required(reason, "budget.reason_required",
            kind == EntryKind.Settlement ? "Geef aan wie terugbetaalde, bijvoorbeeld: de zorgverzekeraar." : "Geef de reden waarom het niet terugkomt.",
            "Reason");
        return Add(new LedgerEntry(budget.Id, realisation.OrganisationId, realisation.Year, kind, amount, realisation.CaseId, planActionId, why, by, nowUtc,
            realisation.LawDomain));
    }

    /// <summary>Everything that would mean the ledger does not add up; empty when it does. The check command and the tests use this.</summary>
    public static IReadOnlyList<string> Violations(NeighbourhoodBudget budget, IEnumerable<LedgerEntry> ledger)
    {
        var all = ledger.ToList();
        var problems = new List<string>();
        foreach (var year in all.GroupBy(e => (e.OrganisationId, e.Year)))
        {
            var b = Balance.Of(year);
            // Beyond the room only as far as the managers allowed it.
            var allowed = year.Where(e => e.Kind == EntryKind.Commitment && e.DecisionId is not null).Sum(e => e.Amount);
            if (b.Room < 0 || b.Committed < 0 || b.Realised < 0 || b.Remaining < -allowed)
            {
                problems.Add($"{budget.Name}, organisation {year.Key.OrganisationId}, {year.Key.Year}: room {b.Room}, committed {b.Committed}, "
                    + $"realised {b.Realised}, remaining {b.Remaining}");
            }
        }

        foreach (var action in all.Where(e => e.PlanActionId is not null).GroupBy(e => e.PlanActionId))
        {
            var committed = action.Where(e => e.Kind == EntryKind.Commitment).Sum(e => e.Amount);
            var released = action.Where(e => e.Kind == EntryKind.Release).Sum(e => e.Amount);
            var spent = action.Where(e => e.Kind is EntryKind.Realisation or EntryKind.Correction).Sum(e => e.Amount);
            var closed = action.Where(e => e.Kind is EntryKind.Settlement or EntryKind.WriteOff).Sum(e => e.Amount);
            if (released > committed || closed > spent || action.Count(e => e.Kind == EntryKind.Realisation) > 1
                || action.Any(e => e.Kind is EntryKind.Commitment or EntryKind.Release or EntryKind.Realisation or EntryKind.Settlement or EntryKind.WriteOff
                    && e.Amount < 0))
            {
                problems.Add($"{budget.Name}, action {action.Key}: committed {committed}, released {released}, spent {spent}, settled or written off {closed}");
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

}
