using Keukentafel.Cases;

namespace Keukentafel.Plans;

/// <summary>Who carries out an action. White label: for professional help the organisation matters, not its product.</summary>
public enum Carrier
{
    Resident,
    Network,
    Organisation,
    CollectiveInitiative,
}

public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
    Dropped,
}

/// <summary>
/// One action of the plan. A contribution (reciprocity, core rule 7) is an action the resident carries out
/// himself, for his own solution or for others, followed like any other action.
/// </summary>
public sealed class PlanAction
{
    private PlanAction() { What = CarrierName = ""; }

    internal PlanAction(Guid caseId, string what, Carrier carrier, string carrierName, Guid? carrierStaffMemberId, Guid? carrierOrganisationId,
        Neighbourhoods.Services service, LawDomain lawDomain, decimal? expectedCost, DateOnly dueDate, bool isContribution, Actor by, DateTime atUtc)
    {
        CaseId = caseId;
        What = Text.Required(what, "action.what_required", "Beschrijf wat er gebeurt.", "What");
        Carrier = carrier;
        CarrierName = carrierName;
        CarrierStaffMemberId = carrierStaffMemberId;
        CarrierOrganisationId = carrierOrganisationId;
        Service = service;
        LawDomain = lawDomain;
        if (expectedCost is < 0)
        {
            throw DomainException.About("ExpectedCost", "action.cost_negative", "De verwachte kosten kunnen niet negatief zijn.");
        }

        ExpectedCost = expectedCost is { } cost ? decimal.Round(cost, 2) : null;
        DueDate = dueDate;
        IsContribution = isContribution;
        CreatedByName = by.Description;
        CreatedAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }
    public string What { get; private set; }
    public Carrier Carrier { get; private set; }

    /// <summary>The carrier as people read it: the resident, a network member, an organisation, an initiative.</summary>
    public string CarrierName { get; private set; }

    public Guid? CarrierStaffMemberId { get; private set; }

    /// <summary>The collective initiative that carries out this action ("collective before individual").</summary>
    public Guid? InitiativeId { get; private set; }
    public Guid? CarrierOrganisationId { get; private set; }

    /// <summary>The kind of professional help (white label); none when the organisation itself was chosen.</summary>
    public Neighbourhoods.Services Service { get; private set; }
    public LawDomain LawDomain { get; private set; }

    /// <summary>Euros with cents; what the budget issue will commit.</summary>
    public decimal? ExpectedCost { get; private set; }

    public DateOnly DueDate { get; private set; }
    public ActionStatus Status { get; private set; }
    public string? DropReason { get; private set; }
    public DateTime? DoneAtUtc { get; private set; }
    public bool IsContribution { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>
    /// Why a professional thinks this solution is worth sharing at the learning session (core rule 9: every case
    /// contributes to learning); the next session's agenda lists it.
    /// </summary>
    public string? WorthSharing { get; private set; }

    public string? WorthSharingByName { get; private set; }
    public DateTime? WorthSharingAtUtc { get; private set; }

    public bool IsSettled => Status is ActionStatus.Done or ActionStatus.Dropped;

    internal void MarkWorthSharing(string? why, Actor by, DateTime atUtc)
    {
        if (Status == ActionStatus.Dropped)
        {
            throw DomainException.Conflict("action.dropped_not_shared", "Deze actie is vervallen. Een vervallen actie is geen oplossing om te delen.");
        }

        WorthSharing = Text.Required(why, "action.worth_sharing_required", "Schrijf op waarom deze oplossing de moeite waard is om te delen.", "WorthSharing");
        WorthSharingByName = by.Description;
        WorthSharingAtUtc = atUtc;
    }

    internal void ServedBy(Guid initiativeId) => InitiativeId = initiativeId;

    internal void Allocate(Guid organisationId, string organisationName)
    {
        CarrierOrganisationId = organisationId;
        CarrierName = organisationName;
    }

    internal void ChangeStatus(ActionStatus status, string? dropReason, DateTime atUtc)
    {
        if (status == ActionStatus.Dropped)
        {
            DropReason = Text.Required(dropReason, "action.drop_reason_required", "Geef de reden waarom deze actie vervalt.", "DropReason");
        }

        Status = status;
        DoneAtUtc = status == ActionStatus.Done ? atUtc : null;
    }
}
