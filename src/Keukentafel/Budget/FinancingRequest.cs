using Keukentafel.Cases;

namespace Keukentafel.Budget;

public enum RequestStatus
{
    /// <summary>Waiting for a manager of the organisation.</summary>
    Open,

    /// <summary>The managers agreed to finance beyond the organisation's room.</summary>
    BeyondRoom,

    /// <summary>The managers moved room from another organisation, and the action was financed within it.</summary>
    RoomShifted,

    /// <summary>The managers decided not to finance it from the budget.</summary>
    Refused,

    /// <summary>The action was dropped before the managers decided.</summary>
    Withdrawn,

    /// <summary>
    /// The managers want to take room from another organisation: its manager agrees (then the room moves and the action
    /// is financed: <see cref="RoomShifted"/>) or refuses (then the request is open again).
    /// </summary>
    AwaitingRoom,
}

/// <summary>
/// A plan action only one organisation can deliver, whose room is too small: it goes to that organisation's managers,
/// who agree to finance beyond the room, shift room from another organisation, or refuse; the decision, its reason and
/// its author are kept. Nothing is financed beyond the room without such a decision.
/// </summary>
public sealed class FinancingRequest
{
    private FinancingRequest() { RequestedByName = ""; }

    internal FinancingRequest(Guid budgetId, Guid caseId, Guid planActionId, Guid organisationId, int year, decimal amount, decimal roomLeft, Actor by,
        DateTime atUtc, Effects.Payer? preFinancedFor = null)
    {
        PreFinancedFor = preFinancedFor;
        BudgetId = budgetId;
        CaseId = caseId;
        PlanActionId = planActionId;
        OrganisationId = organisationId;
        Year = year;
        Amount = amount;
        RoomLeft = roomLeft;
        RequestedById = by.StaffMemberId;
        RequestedByName = by.Description;
        RequestedAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid BudgetId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid PlanActionId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int Year { get; private set; }
    public decimal Amount { get; private set; }

    /// <summary>What was left of the organisation's room when the request was made.</summary>
    public decimal RoomLeft { get; private set; }

    public Guid? RequestedById { get; private set; }
    public string RequestedByName { get; private set; }
    public DateTime RequestedAtUtc { get; private set; }
    public RequestStatus Status { get; private set; }

    /// <summary>When the budget is to pay first: who should pay in the end (the pre-financing starts when it is financed).</summary>
    public Effects.Payer? PreFinancedFor { get; private set; }
    public Guid? ShiftedFromOrganisationId { get; private set; }
    public string? DecisionReason { get; private set; }
    public Guid? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>Still waiting for a decision: of its own managers, or of the organisation asked for room.</summary>
    public bool IsWaiting => Status is RequestStatus.Open or RequestStatus.AwaitingRoom;

    /// <summary>The action was dropped while the request waited: nothing is left to decide.</summary>
    internal void Withdraw(DateTime atUtc)
    {
        if (IsWaiting)
        {
            Status = RequestStatus.Withdrawn;
            DecisionReason = "De actie is vervallen.";
            DecidedAtUtc = atUtc;
            Version++;
        }
    }

    /// <summary>The organisation asked for room agreed: the room moved and the action is financed.</summary>
    internal void RoomGiven()
    {
        RequireAwaitingRoom();
        Status = RequestStatus.RoomShifted;
        Version++;
    }

    /// <summary>The organisation asked for room refused: the request is open again for its own managers (the answer is kept in its ask).</summary>
    internal void RoomRefused()
    {
        RequireAwaitingRoom();
        (Status, ShiftedFromOrganisationId, DecisionReason, DecidedById, DecidedByName, DecidedAtUtc) = (RequestStatus.Open, null, null, null, null, null);
        Version++;
    }

    private void RequireAwaitingRoom()
    {
        if (Status != RequestStatus.AwaitingRoom)
        {
            throw DomainException.Conflict("budget.room_not_asked", "Er wordt voor deze aanvraag geen ruimte (meer) gevraagd.");
        }
    }

    /// <summary>Guards two managers deciding the same request at once.</summary>
    public int Version { get; private set; }

    internal void Decide(RequestStatus decision, Guid? shiftedFrom, string? reason, Actor by, DateTime atUtc)
    {
        if (Status != RequestStatus.Open)
        {
            throw DomainException.Conflict("budget.request_decided", "Over deze aanvraag is al besloten.");
        }

        if (decision is RequestStatus.Open or RequestStatus.Withdrawn || !Enum.IsDefined(decision))
        {
            throw DomainException.About("Decision", "budget.decision_required", "Kies een besluit.");
        }

        if (by.StaffMemberId is null)
        {
            throw DomainException.Conflict("budget.decision_by_manager", "Alleen een manager van de organisatie besluit hierover.");
        }

        // Room from another organisation moves only once its manager agrees (RoomShiftAsk); without a shortfall nothing needs to move.
        Status = decision == RequestStatus.RoomShifted && shiftedFrom is not null ? RequestStatus.AwaitingRoom : decision;
        ShiftedFromOrganisationId = decision == RequestStatus.RoomShifted ? shiftedFrom : null;
        DecisionReason = Text.Required(reason, "budget.decision_reason", "Geef de reden van het besluit.", "Reason");
        DecidedById = by.StaffMemberId;
        DecidedByName = by.Description;
        DecidedAtUtc = atUtc;
        Version++;
    }
}
