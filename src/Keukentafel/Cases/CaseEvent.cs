namespace Keukentafel.Cases;

/// <summary>
/// One change to a case, kept for good: who, when, what, and the value before and after
/// (STYLE.md habit 9: history is append-only). Nothing updates or deletes these rows.
/// </summary>
public sealed class CaseEvent
{
    private CaseEvent() { Kind = Summary = ActorName = ""; }

    internal CaseEvent(Guid caseId, int version, DateTime atUtc, Actor actor, string kind, string summary, string? before, string? after)
    {
        CaseId = caseId;
        Version = version;
        AtUtc = atUtc;
        ActorAccountId = actor.AccountId;
        ActorName = actor.Description;
        Kind = kind;
        Summary = summary;
        Before = before;
        After = after;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }

    /// <summary>The case's version after this change: the history in order, and what changed since a given version.</summary>
    public int Version { get; private set; }

    public DateTime AtUtc { get; private set; }
    public Guid ActorAccountId { get; private set; }
    public string ActorName { get; private set; }

    /// <summary>A stable code, e.g. <c>case.signalled</c>, <c>question.answered</c>.</summary>
    public string Kind { get; private set; }

    /// <summary>What happened, in Dutch, for the history page.</summary>
    public string Summary { get; private set; }

    public string? Before { get; private set; }
    public string? After { get; private set; }
}
