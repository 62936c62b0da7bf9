using Keukentafel.Cases;

namespace Keukentafel.Budget;

/// <summary>
/// The managers of one organisation ask another organisation for room in the budget, for one request: its manager
/// agrees (the room moves, the action is financed) or refuses, with a reason. Every ask and every answer is kept.
/// </summary>
public sealed class RoomShiftAsk
{
    private RoomShiftAsk() { AskedByName = AskedReason = ""; }

    internal RoomShiftAsk(FinancingRequest request, Guid fromOrganisationId, decimal amount, string reason, Actor by, DateTime atUtc)
    {
        RequestId = request.Id;
        BudgetId = request.BudgetId;
        FromOrganisationId = fromOrganisationId;
        ToOrganisationId = request.OrganisationId;
        Year = request.Year;
        Amount = amount;
        AskedReason = reason;
        AskedById = by.StaffMemberId;
        AskedByName = by.Description;
        AskedAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid RequestId { get; private set; }
    public Guid BudgetId { get; private set; }

    /// <summary>The organisation asked to give room.</summary>
    public Guid FromOrganisationId { get; private set; }

    public Guid ToOrganisationId { get; private set; }
    public int Year { get; private set; }

    /// <summary>The room asked for: what the requesting organisation fell short by when its managers asked.</summary>
    public decimal Amount { get; private set; }

    public string AskedReason { get; private set; }
    public Guid? AskedById { get; private set; }
    public string AskedByName { get; private set; }
    public DateTime AskedAtUtc { get; private set; }

    /// <summary>Null while waiting for the answer.</summary>
    public bool? Agreed { get; private set; }

    public string? AnswerReason { get; private set; }
    public Guid? AnsweredById { get; private set; }
    public string? AnsweredByName { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }

    /// <summary>Guards two managers answering at once.</summary>
    public int Version { get; private set; }

    internal void Answer(bool agreed, string? reason, Actor by, DateTime atUtc)
    {
        if (Agreed is not null)
        {
            throw DomainException.Conflict("budget.room_answered", "Op deze vraag om ruimte is al geantwoord.");
        }

        if (by.StaffMemberId is null)
        {
            throw DomainException.Conflict("budget.decision_by_manager", "Alleen een manager van de organisatie besluit hierover.");
        }

        AnswerReason = agreed
            ? Text.Optional(reason)
            : Text.Required(reason, "budget.room_refusal_reason", "Geef de reden waarom uw organisatie geen ruimte afstaat.", "Reason");
        (Agreed, AnsweredById, AnsweredByName, AnsweredAtUtc) = (agreed, by.StaffMemberId, by.Description, atUtc);
        Version++;
    }
}
