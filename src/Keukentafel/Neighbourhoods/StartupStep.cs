using Keukentafel.Cases;

namespace Keukentafel.Neighbourhoods;

public enum StepStatus
{
    Open,
    InProgress,
    Done,
}

/// <summary>
/// A step of a new neighbourhood's start-up checklist, agreed with its professionals and residents: every step has an
/// owner who takes it up, and a status. Versioned: a second editor working from an older version is refused.
/// </summary>
public sealed class StartupStep
{
    private StartupStep() { Text = OwnerName = ChangedByName = ""; }

    private StartupStep(Guid neighbourhoodId, int order, string text, string ownerName, Actor by, DateTime atUtc)
    {
        NeighbourhoodId = neighbourhoodId;
        Order = order;
        Text = text;
        OwnerName = ownerName;
        ChangedByName = by.Description;
        ChangedAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid NeighbourhoodId { get; private set; }
    public int Order { get; private set; }
    public string Text { get; private set; }

    /// <summary>Who takes the step up: a name, so a resident or someone not (yet) in the system can own it too.</summary>
    public string OwnerName { get; private set; }

    public StepStatus Status { get; private set; }
    public string ChangedByName { get; private set; }
    public DateTime ChangedAtUtc { get; private set; }
    public int Version { get; private set; }

    /// <summary>The steps Ruwaard took to start (seeds): who is at the table, who coordinates, how we learn, what we may spend.</summary>
    public static IReadOnlyList<string> Usual { get; } =
    [
        "Startbijeenkomst met professionals en bewoners: de werkwijze en de kernregels afspreken",
        "Een onafhankelijke wijkcoördinator aanstellen",
        "Per organisatie een ambassadeur kiezen",
        "Afspreken hoe we gegevens delen, met toestemming van de bewoner",
        "De eerste leersessie plannen (daarna elke twee weken)",
        "Een wijkbudget afspreken, of bewust zonder beginnen",
    ];

    public static StartupStep Add(Guid neighbourhoodId, int order, string? text, string? owner, Actor by, DateTime atUtc) =>
        new(neighbourhoodId, order, Keukentafel.Text.Required(text, "startup.text_required", "Beschrijf de stap.", "Text"), Owner(owner), by, atUtc);

    public void Follow(StepStatus status, string? owner, int version, Actor by, DateTime atUtc)
    {
        if (version != Version)
        {
            throw Changed();
        }

        if (!Enum.IsDefined(status))
        {
            throw DomainException.About("Status", "startup.status_unknown", "Kies de stand van de stap.");
        }

        OwnerName = Owner(owner);
        Status = status;
        ChangedByName = by.Description;
        ChangedAtUtc = atUtc;
        Version++;
    }

    /// <summary>Someone else changed the step after this editor read it (found here, or by the database's version check).</summary>
    internal static DomainException Changed() =>
        DomainException.Conflict("startup.stale", "Iemand anders heeft deze stap intussen gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.");

    private static string Owner(string? owner) => Keukentafel.Text.Required(owner, "startup.owner_required", "Geef aan wie deze stap oppakt.", "Owner");
}

public static class StepStatusText
{
    public static string Dutch(this StepStatus status) => status switch
    {
        StepStatus.Open => "Nog te doen",
        StepStatus.InProgress => "Bezig",
        _ => "Klaar",
    };
}
