using Keukentafel.Cases;

namespace Keukentafel.Plans;

public enum BottleneckCategory
{
    LawRegulation,
    Financing,
    Organisation,
    InformationSharing,
    Other,
}

/// <summary>A bottleneck (knelpunt) the case ran into, for the learning sessions and the directors (core rule 9).</summary>
public sealed class Bottleneck
{
    private Bottleneck() { Description = RecordedByName = ""; }

    internal Bottleneck(Guid caseId, BottleneckCategory category, LawDomain lawDomain, string description, Actor by, DateTime atUtc)
    {
        CaseId = caseId;
        Category = category;
        LawDomain = lawDomain;
        OrganisationId = by.OrganisationId;
        Description = Text.Required(description, "bottleneck.description_required", "Beschrijf het knelpunt.", "Description");
        RecordedByName = by.Description;
        RecordedAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }
    public BottleneckCategory Category { get; private set; }

    /// <summary>The law (or domain) the bottleneck is about, for the directors' report; Other when none in particular.</summary>
    public LawDomain LawDomain { get; private set; }

    /// <summary>The organisation of the professional who ran into it (none for the independent coordinator).</summary>
    public Guid? OrganisationId { get; private set; }

    public string Description { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
}

public static class PlanText
{
    public static string Dutch(this BottleneckCategory category) => category switch
    {
        BottleneckCategory.LawRegulation => "Wet- en regelgeving",
        BottleneckCategory.Financing => "Financiering",
        BottleneckCategory.Organisation => "Organisatie",
        BottleneckCategory.InformationSharing => "Informatie delen",
        _ => "Overig",
    };

    public static string Dutch(this Carrier carrier) => carrier switch
    {
        Carrier.Resident => "De bewoner zelf",
        Carrier.Network => "Iemand uit zijn netwerk",
        Carrier.Organisation => "Een organisatie",
        _ => "Een collectief initiatief",
    };

    public static string Dutch(this ActionStatus status) => status switch
    {
        ActionStatus.Planned => "Gepland",
        ActionStatus.InProgress => "Bezig",
        ActionStatus.Done => "Gedaan",
        _ => "Vervallen",
    };
}
