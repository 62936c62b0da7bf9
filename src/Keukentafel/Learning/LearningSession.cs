using Keukentafel.Cases;

namespace Keukentafel.Learning;

/// <summary>Who a learning session is for (Ruwaard: professionals every two weeks; managers and directors at their own level).</summary>
public enum SessionLevel
{
    Professionals,
    Managers,
    Directors,
    MixedWithResidents,
}

/// <summary>
/// A learning session of a neighbourhood (core rule 9: every case contributes to learning): its date, level and
/// participants, and the minutes. The agenda is proposed from the cases since the session before (<see cref="Agendas"/>).
/// </summary>
public sealed class LearningSession
{
    private LearningSession() { CreatedByName = ""; }

    private LearningSession(Guid neighbourhoodId, DateOnly date, SessionLevel level, Actor by, DateTime atUtc)
    {
        NeighbourhoodId = neighbourhoodId;
        Date = date;
        Level = level;
        CreatedByName = by.Description;
        CreatedAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid NeighbourhoodId { get; private set; }
    public DateOnly Date { get; private set; }
    public SessionLevel Level { get; private set; }
    public string? Minutes { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? MinutesChangedAtUtc { get; private set; }
    public string? MinutesChangedByName { get; private set; }

    /// <summary>What the agenda held when it was last mailed (<see cref="AgendaMails"/>): a new mail goes only when it changed.</summary>
    public string? AgendaMailedFingerprint { get; private set; }

    public DateTime? AgendaMailedAtUtc { get; private set; }

    /// <summary>Raised with every change: a second editor working from an older version is refused, not overwritten.</summary>
    public int Version { get; private set; }

    public List<SessionParticipant> Participants { get; } = [];

    /// <summary>
    /// A session on a date from a year before the neighbourhood's first case (or today) up to a year ahead, with at least
    /// one participant named.
    /// </summary>
    public static LearningSession Plan(Guid neighbourhoodId, DateOnly date, SessionLevel level, IReadOnlyList<(Guid? StaffMemberId, string Name)> participants,
        DateOnly earliest, DateOnly today, Actor by, DateTime atUtc)
    {
        if (date < earliest || date > today.AddYears(1))
        {
            throw DomainException.About("Date", "learning.date_outside",
                $"Kies een datum tussen {earliest:d-M-yyyy} en {today.AddYears(1):d-M-yyyy}: "
                    + "de wijk werkt niet eerder met deze aanpak, en verder vooruit plannen kan nog niet.");
        }

        if (!Enum.IsDefined(level))
        {
            throw DomainException.About("Level", "learning.level_unknown", "Kies voor wie de leersessie is.");
        }

        var named = participants.Where(p => !string.IsNullOrWhiteSpace(p.Name)).ToList();
        if (named.Count == 0)
        {
            throw DomainException.About("Participants", "learning.participants_required", "Noem wie er meedoen aan de leersessie.");
        }

        var session = new LearningSession(neighbourhoodId, date, level, by, atUtc);
        foreach (var (staffMemberId, name) in named.DistinctBy(p => (p.StaffMemberId, p.Name.Trim())))
        {
            session.Participants.Add(new SessionParticipant(session.Id, staffMemberId,
                Text.Required(name, "learning.participant_name", "Geef de naam van de deelnemer.", "Participants")));
        }

        return session;
    }

    /// <summary>Someone else saved the minutes after this editor read them (found here, or by the database's version check).</summary>
    internal static DomainException Changed() =>
        DomainException.Conflict("learning.changed", "Iemand anders heeft het verslag net gewijzigd. Laad de pagina opnieuw en voeg uw tekst daarna toe.");

    /// <summary>The minutes: who wrote them last and when is kept; a version mismatch means someone else changed them first.</summary>
    public void RecordMinutes(string? minutes, int version, Actor by, DateTime atUtc)
    {
        if (version != Version)
        {
            throw Changed();
        }

        if (minutes is { Length: > 20_000 })
        {
            throw DomainException.About("Minutes", "learning.minutes_too_long", "Het verslag is te lang (meer dan 20.000 tekens).");
        }

        Minutes = Text.Optional(minutes);
        MinutesChangedByName = by.Description;
        MinutesChangedAtUtc = atUtc;
        Version++;
    }
}

/// <summary>One participant: a staff member, or someone without an account (a resident in a mixed session).</summary>
public sealed class SessionParticipant
{
    private SessionParticipant() { Name = ""; }

    internal SessionParticipant(Guid sessionId, Guid? staffMemberId, string name)
    {
        SessionId = sessionId;
        StaffMemberId = staffMemberId;
        Name = name;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SessionId { get; private set; }
    public Guid? StaffMemberId { get; private set; }
    public string Name { get; private set; }
}

public static class LearningText
{
    public static string Dutch(this SessionLevel level) => level switch
    {
        SessionLevel.Professionals => "Professionals",
        SessionLevel.Managers => "Managers",
        SessionLevel.Directors => "Bestuurders",
        _ => "Gemengd, met bewoners",
    };

    public static string Dutch(this LessonKind kind) => kind switch
    {
        LessonKind.Learned => "Wat we leerden",
        LessonKind.StopDoing => "Waar we mee stoppen",
        _ => "Wat we vragen aan managers en bestuurders",
    };

    public static string Dutch(this LessonStatus status) => status switch
    {
        LessonStatus.Open => "Nog te doen",
        LessonStatus.InProgress => "Mee bezig",
        LessonStatus.Done => "Gedaan",
        _ => "Niet doorgegaan",
    };
}
