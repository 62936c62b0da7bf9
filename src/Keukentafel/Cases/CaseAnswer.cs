namespace Keukentafel.Cases;

/// <summary>
/// One answer to one of the three questions. A new answer never overwrites the old one: the current answer is
/// the newest, and the older ones are its history (who wrote what, when).
/// </summary>
public sealed class CaseAnswer
{
    private CaseAnswer() { Text = WrittenByName = ""; }

    internal CaseAnswer(Guid caseId, Question question, string text, LifeDomains domains, bool withResident, Actor by, DateTime atUtc)
    {
        CaseId = caseId;
        Question = question;
        Text = text;
        Domains = domains;
        WithResident = withResident;
        WrittenByAccountId = by.AccountId;
        WrittenByName = by.Description;
        WrittenAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }
    public Question Question { get; private set; }
    public string Text { get; private set; }
    public LifeDomains Domains { get; private set; }

    /// <summary>Written together with the resident (core rule 3), or by the professional alone.</summary>
    public bool WithResident { get; private set; }

    public Guid WrittenByAccountId { get; private set; }
    public string WrittenByName { get; private set; }
    public DateTime WrittenAtUtc { get; private set; }
}
