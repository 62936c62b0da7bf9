using Keukentafel.Cases;
using Keukentafel.Effects;

namespace Keukentafel.Budget;

/// <summary>
/// A plan action the neighbourhood budget pays first while its regular payer (e.g. the health insurer under the Zvw)
/// settles later. What is outstanding is not stored: it is what the ledger spent on the action minus what came back
/// (<see cref="EntryKind.Settlement"/>) and what was written off (<see cref="EntryKind.WriteOff"/>).
/// </summary>
public sealed class PreFinancing
{
    private PreFinancing() { ByName = ""; }

    internal PreFinancing(Guid budgetId, Guid caseId, Guid planActionId, Guid organisationId, Payer payer, Actor by, DateTime atUtc)
    {
        BudgetId = budgetId;
        CaseId = caseId;
        PlanActionId = planActionId;
        OrganisationId = organisationId;
        Payer = payer;
        ByName = by.Description;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid BudgetId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid PlanActionId { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>Who should pay in the end.</summary>
    public Payer Payer { get; private set; }

    public string ByName { get; private set; }
    public DateTime AtUtc { get; private set; }
}
