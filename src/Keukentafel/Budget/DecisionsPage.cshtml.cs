using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Budget;

/// <summary>A manager's requests: plan actions only his organisation can deliver, beyond its room. He decides, with a reason.</summary>
public sealed class DecisionsPage(Decisions decisions) : PageModel, Web.IRefusablePage
{
    public IReadOnlyList<RequestToDecide> Requests { get; private set; } = [];
    public string? Message { get; private set; }

    /// <summary>The request whose decision was refused: its form shows the message beside the field.</summary>
    public Guid? Refused { get; private set; }

    public string? RefusedField { get; private set; }
    public string? RefusedMessage { get; private set; }

    /// <summary>What the manager chose before the refusal, shown again so nothing is decided by accident.</summary>
    public (RequestStatus? Decision, Guid? From, string? Reason) Posted { get; private set; }

    public async Task OnGetAsync(string? message)
    {
        Message = message;
        Requests = await decisions.MineAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid requestId, RequestStatus? decision, Guid? fromOrganisationId, string? reason)
    {
        (Refused, Posted) = (requestId, (decision, fromOrganisationId, reason));
        var decided = await decisions.DecideAsync(requestId,
            decision ?? throw DomainException.About("Decision", "budget.decision_required", "Kies een besluit."), fromOrganisationId, reason,
            HttpContext.RequestAborted);
        return RedirectToPage(new
        {
            message = decided.Status switch
            {
                RequestStatus.BeyondRoom => "Besloten: betalen boven de ruimte. Het geld is vastgelegd; de professional ziet het in de casus.",
                RequestStatus.RoomShifted => "Besloten: ruimte verschoven. Het geld is vastgelegd; de professional ziet het in de casus.",
                RequestStatus.AwaitingRoom =>
                    "Gevraagd: een manager van de andere organisatie beslist of zij de ruimte afstaat. Daarna is het geld vastgelegd.",
                _ => "Besloten: niet betalen uit het wijkbudget. De professional ziet uw reden in de casus.",
            },
        });
    }

    /// <summary>The organisation asked for room answers: agreed, the room moves and the action is financed; refused, with a reason.</summary>
    public async Task<IActionResult> OnPostAnswerRoomAsync(Guid requestId, bool? agree, string? reason)
    {
        (Refused, Posted) = (requestId, (null, null, reason));
        var answered = await decisions.AnswerRoomAsync(requestId,
            agree ?? throw DomainException.About("Agree", "budget.room_answer_required", "Kies: akkoord of niet akkoord."), reason,
            HttpContext.RequestAborted);
        return RedirectToPage(new
        {
            message = answered.Status == RequestStatus.RoomShifted
                ? "U staat de ruimte af. Het geld is vastgelegd; de professional ziet het in de casus."
                : "U staat geen ruimte af. De managers van de andere organisatie besluiten opnieuw; zij zien uw reden.",
        });
    }

    /// <summary>A refused decision: the request's own form shows the message beside its field, with what was chosen.</summary>
    public string? FieldKey(DomainException refused) => "";

    public async Task<IActionResult> ShowAgainAsync(DomainException refused)
    {
        (RefusedField, RefusedMessage) = (refused.Field, refused.Message);
        Requests = await decisions.MineAsync(HttpContext.RequestAborted);
        return Page();
    }
}
