using Keukentafel.Cases;

namespace Keukentafel.Learning;

/// <summary>What a session took from the cases.</summary>
public enum LessonKind
{
    /// <summary>What we learned.</summary>
    Learned,

    /// <summary>What we stop doing.</summary>
    StopDoing,

    /// <summary>What we ask of managers or directors.</summary>
    AskOfManagement,
}

/// <summary>What became of a lesson: the next session sees it.</summary>
public enum LessonStatus
{
    Open,
    InProgress,
    Done,
    Dropped,
}

/// <summary>
/// A lesson of a learning session, with an owner who follows it up and the cases it came from (by case, never by
/// resident: when a resident is anonymised the link stays and only his identity goes).
/// </summary>
public sealed class Lesson
{
    private Lesson() { Text = OwnerName = RecordedByName = ""; }

    private Lesson(Guid sessionId, LessonKind kind, string text, Guid? ownerId, string ownerName, Actor by, DateTime atUtc)
    {
        SessionId = sessionId;
        Kind = kind;
        Text = text;
        OwnerId = ownerId;
        OwnerName = ownerName;
        RecordedByName = by.Description;
        RecordedAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SessionId { get; private set; }
    public LessonKind Kind { get; private set; }
    public string Text { get; private set; }
    public Guid? OwnerId { get; private set; }
    public string OwnerName { get; private set; }
    public LessonStatus Status { get; private set; }
    public string? StatusNote { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public DateTime? StatusChangedAtUtc { get; private set; }
    public string? StatusChangedByName { get; private set; }
    public int Version { get; private set; }
    public List<LessonCase> Cases { get; } = [];

    public static Lesson Record(Guid sessionId, LessonKind kind, string? text, Guid? ownerId, string? ownerName, IReadOnlyCollection<Guid> caseIds, Actor by,
        DateTime atUtc)
    {
        if (!Enum.IsDefined(kind))
        {
            throw DomainException.About("Kind", "lesson.kind_unknown", "Kies wat voor les het is.");
        }

        var lesson = new Lesson(sessionId, kind, Keukentafel.Text.Required(text, "lesson.text_required", "Schrijf de les op.", "Text"), ownerId,
            Keukentafel.Text.Required(ownerName, "lesson.owner_required", "Noem wie deze les oppakt.", "Owner"), by, atUtc);
        if (lesson.Text.Length > 4_000)
        {
            throw DomainException.About("Text", "lesson.text_too_long", "De les is te lang (meer dan 4.000 tekens).");
        }

        foreach (var caseId in caseIds.Distinct())
        {
            lesson.Cases.Add(new LessonCase(lesson.Id, caseId));
        }

        return lesson;
    }

    /// <summary>Someone else updated the lesson after this editor read it (found here, or by the database's version check).</summary>
    internal static DomainException Changed() =>
        DomainException.Conflict("lesson.changed", "Iemand anders heeft deze les net bijgewerkt. Laad de pagina opnieuw.");

    public void Follow(LessonStatus status, string? note, int version, Actor by, DateTime atUtc)
    {
        if (version != Version)
        {
            throw Changed();
        }

        if (!Enum.IsDefined(status))
        {
            throw DomainException.About("Status", "lesson.status_unknown", "Kies wat er van de les geworden is.");
        }

        Status = status;
        StatusNote = Keukentafel.Text.Optional(note);
        StatusChangedByName = by.Description;
        StatusChangedAtUtc = atUtc;
        Version++;
    }
}

/// <summary>A case a lesson came from.</summary>
public sealed class LessonCase(Guid lessonId, Guid caseId)
{
    public Guid LessonId { get; private set; } = lessonId;
    public Guid CaseId { get; private set; } = caseId;
}
