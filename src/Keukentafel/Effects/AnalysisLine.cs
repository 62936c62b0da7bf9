using Keukentafel.Cases;
using Keukentafel.Plans;

namespace Keukentafel.Effects;

/// <summary>
/// One expected cost of a scenario: an item of the catalogue, a quantity over some months of the horizon, and (for
/// what would have happened) a probability. Its unit price is frozen when the analysis is locked; a removed line stays.
/// </summary>
public sealed class AnalysisLine
{
    private AnalysisLine() { Description = Unit = AddedByName = ""; }

    internal AnalysisLine(Guid analysisId, Scenario scenario, string? itemCode, Guid? planActionId, string description, string unit, decimal quantity,
        decimal probability, int fromMonth, int toMonth, LawDomain lawDomain, Payer payer, string? note, Actor by, DateTime atUtc)
    {
        AnalysisId = analysisId;
        Scenario = scenario;
        ItemCode = itemCode;
        PlanActionId = planActionId;
        Description = description;
        Unit = unit;
        Quantity = quantity;
        Probability = probability;
        FromMonth = fromMonth;
        ToMonth = toMonth;
        LawDomain = lawDomain;
        Payer = payer;
        Note = note;
        AddedById = by.StaffMemberId;
        AddedByName = by.Description;
        AddedAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid AnalysisId { get; private set; }
    public Scenario Scenario { get; private set; }
    public string? ItemCode { get; private set; }
    public Guid? PlanActionId { get; private set; }
    public string Description { get; private set; }
    public string Unit { get; private set; }
    public decimal Quantity { get; private set; }

    /// <summary>0 to 1: how likely this would have happened; 1 for what did happen.</summary>
    public decimal Probability { get; private set; }

    public int FromMonth { get; private set; }
    public int ToMonth { get; private set; }
    public LawDomain LawDomain { get; private set; }
    public Payer Payer { get; private set; }
    public string? Note { get; private set; }

    /// <summary>Set when the analysis is locked: the unit price in the analysis's euros, and where it came from.</summary>
    public decimal? UnitPrice { get; private set; }

    public string? PriceSource { get; private set; }
    public bool PriceEstimate { get; private set; }
    public Guid? AddedById { get; private set; }
    public string AddedByName { get; private set; }
    public DateTime AddedAtUtc { get; private set; }
    public Guid? RemovedById { get; private set; }
    public string? RemovedByName { get; private set; }
    public DateTime? RemovedAtUtc { get; private set; }

    internal void Remove(Actor by, DateTime atUtc) => (RemovedById, RemovedByName, RemovedAtUtc) = (by.StaffMemberId, by.Description, atUtc);

    internal void Freeze(UnitPrice price) => (UnitPrice, PriceSource, PriceEstimate) = (price.Price, price.Source, price.Estimate);

    /// <summary>The same line in a new version of the analysis: in the name of whoever wrote it, its price not yet frozen.</summary>
    internal AnalysisLine CopyTo(Guid analysisId) => new()
    {
        AnalysisId = analysisId,
        Scenario = Scenario,
        ItemCode = ItemCode,
        Description = Description,
        Unit = Unit,
        Quantity = Quantity,
        Probability = Probability,
        FromMonth = FromMonth,
        ToMonth = ToMonth,
        LawDomain = LawDomain,
        Payer = Payer,
        Note = Note,
        AddedById = AddedById,
        AddedByName = AddedByName,
        AddedAtUtc = AddedAtUtc,
    };

    internal static AnalysisLine FromAction(Guid analysisId, PricedAction action, Actor by, DateTime atUtc)
    {
        var line = new AnalysisLine(analysisId, Scenario.With, null, action.ActionId, action.What, "actie", 1, 1, action.Month, action.Month, action.LawDomain,
            action.Payer, null, by, atUtc);
        line.UnitPrice = action.Cost;
        line.PriceSource = "Verwachte kosten in het plan van de casus";
        return line;
    }
}
