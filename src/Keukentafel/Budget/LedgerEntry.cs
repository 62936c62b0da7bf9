using Keukentafel.Cases;

namespace Keukentafel.Budget;

/// <summary>What a ledger entry does to an organisation's year in the budget.</summary>
public enum EntryKind
{
    /// <summary>The organisation's room for the year changes by the amount (positive or negative).</summary>
    Room,

    /// <summary>A plan action is accepted for financing: the amount is reserved from the room.</summary>
    Commitment,

    /// <summary>A reservation is given back: the action was dropped, or it was delivered (and realised).</summary>
    Release,

    /// <summary>Delivered, at this actual cost.</summary>
    Realisation,

    /// <summary>A correction of what was realised (positive or negative), with its reason.</summary>
    Correction,

    /// <summary>A pre-financed action's regular payer paid (part of) it back: what was spent goes down by the amount.</summary>
    Settlement,

    /// <summary>A pre-financed amount that will not come back: recorded, the budget bears it (no change to the balance).</summary>
    WriteOff,
}

/// <summary>
/// One immutable line of the budget's ledger: who, when, why, for which organisation's year, and (for a plan action)
/// which case and action. Balances are sums of these; nothing is ever changed or deleted.
/// </summary>
public sealed class LedgerEntry
{
    private LedgerEntry() { ByName = ""; }

    internal LedgerEntry(Guid budgetId, Guid organisationId, int year, EntryKind kind, decimal amount, Guid? caseId, Guid? planActionId, string? reason,
        Actor by, DateTime atUtc, Plans.LawDomain? lawDomain = null, Guid? decisionId = null, Guid? initiativeId = null)
    {
        InitiativeId = initiativeId;
        LawDomain = lawDomain;
        DecisionId = decisionId;
        BudgetId = budgetId;
        OrganisationId = organisationId;
        Year = year;
        Kind = kind;
        Amount = amount;
        CaseId = caseId;
        PlanActionId = planActionId;
        Reason = reason;
        ById = by.StaffMemberId;
        ByName = by.Description;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid BudgetId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int Year { get; private set; }
    public EntryKind Kind { get; private set; }

    /// <summary>Euros with cents. Positive for commitments, releases and realisations; signed for room changes and corrections.</summary>
    public decimal Amount { get; private set; }

    public Guid? CaseId { get; private set; }
    public Guid? PlanActionId { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>The law domain of the plan action the money is for; none for room changes.</summary>
    public Plans.LawDomain? LawDomain { get; private set; }

    /// <summary>The managers' decision (a <see cref="FinancingRequest"/>) that allowed a commitment beyond the room, or shifted the room.</summary>
    public Guid? DecisionId { get; private set; }

    /// <summary>The collective initiative whose budget line the money is for (a commitment of its year), instead of a case.</summary>
    public Guid? InitiativeId { get; private set; }

    public Guid? ById { get; private set; }
    public string ByName { get; private set; }
    public DateTime AtUtc { get; private set; }
}

/// <summary>An organisation's year: its room, what is reserved and not yet delivered, what is spent, and what is left.</summary>
public sealed record Balance(decimal Room, decimal Committed, decimal Realised)
{
    public decimal Used => Committed + Realised;

    public decimal Remaining => Room - Used;

    /// <summary>What a set of ledger entries adds up to.</summary>
    public static Balance Of(IEnumerable<LedgerEntry> entries) => Of(entries.Select(e => (e.Kind, e.Amount)));

    /// <summary>The same from amounts per kind (sums the database made, or single entries).</summary>
    public static Balance Of(IEnumerable<(EntryKind Kind, decimal Amount)> entries)
    {
        decimal room = 0, committed = 0, realised = 0;
        foreach (var e in entries)
        {
            switch (e.Kind)
            {
                case EntryKind.Room: room += e.Amount; break;
                case EntryKind.Commitment: committed += e.Amount; break;
                case EntryKind.Release: committed -= e.Amount; break;
                case EntryKind.Realisation or EntryKind.Correction: realised += e.Amount; break;
                case EntryKind.Settlement: realised -= e.Amount; break;
            }
        }

        return new Balance(room, committed, realised);
    }
}
