using Keukentafel.Cases;
using Keukentafel.Plans;

namespace Keukentafel.Effects;

/// <summary>The two situations a micro-analysis compares.</summary>
public enum Scenario
{
    /// <summary>What would likely have happened without the approach (the counterfactual).</summary>
    Without,

    /// <summary>What happened with the approach: the plan's actions and what still came.</summary>
    With,
}

public static class ScenarioText
{
    public static string Dutch(this Scenario scenario) => scenario == Scenario.Without ? "Zonder de aanpak" : "Met de aanpak";
}

/// <summary>
/// Core rule 8, the second half: a case's costs over a horizon in two scenarios, per law domain and payer, priced from
/// one catalogue version in the euros of one price year. Written down with its assumptions; once a colleague has
/// reviewed and locked it, its prices are frozen in its lines and nothing in it changes any more.
/// </summary>
public sealed class MicroAnalysis
{
    public const int MaxHorizonMonths = 60;

    private MicroAnalysis() { CatalogueVersion = CreatedByName = ""; }

    internal MicroAnalysis(Guid caseId, int horizonMonths, int priceYear, CostCatalogue catalogue, bool existingCare, string? assumptions, Actor by,
        DateTime atUtc)
    {
        CaseId = caseId;
        CatalogueVersion = catalogue.Version;
        CreatedById = by.StaffMemberId;
        CreatedByName = by.Description;
        CreatedAtUtc = atUtc;
        SetTerms(horizonMonths, priceYear, catalogue, existingCare, assumptions);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }
    public int HorizonMonths { get; private set; }

    /// <summary>Every euro of the analysis is in prices of this year.</summary>
    public int PriceYear { get; private set; }

    /// <summary>The catalogue version the analysis was made with (and, once locked, priced with).</summary>
    public string CatalogueVersion { get; private set; }

    /// <summary>Whether the resident already had care or support before the approach: the seeds report these apart from new cases.</summary>
    public bool ExistingCare { get; private set; }

    /// <summary>What the professionals assumed, in words: why these events, these probabilities.</summary>
    public string? Assumptions { get; private set; }

    public Guid? CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public Guid? LockedById { get; private set; }
    public string? LockedByName { get; private set; }
    public DateTime? LockedAtUtc { get; private set; }
    public List<AnalysisLine> Lines { get; } = [];

    public bool IsLocked => LockedAtUtc is not null;

    /// <summary>1 for the first analysis of a case, one more for each new version.</summary>
    public int Number { get; private set; } = 1;

    /// <summary>Set when a new version took its place: it stays as it was locked, for the history and the record.</summary>
    public DateTime? ReplacedAtUtc { get; private set; }

    public string? ReplacedByName { get; private set; }

    public string? ReplacedReason { get; private set; }

    public IEnumerable<AnalysisLine> CurrentLines => Lines.Where(l => l.RemovedAtUtc is null);

    internal void SetTerms(int horizonMonths, int priceYear, CostCatalogue catalogue, bool existingCare, string? assumptions)
    {
        RequireDraft();
        if (horizonMonths is < 1 or > MaxHorizonMonths)
        {
            throw DomainException.About("HorizonMonths", "analysis.horizon_range", $"Kies een horizon van 1 tot en met {MaxHorizonMonths} maanden.");
        }

        if (CurrentLines.FirstOrDefault(l => l.ToMonth > horizonMonths) is { } outside)
        {
            throw DomainException.About("HorizonMonths", "analysis.horizon_too_short",
                $"\"{outside.Description}\" loopt tot maand {outside.ToMonth}. Maak de horizon langer, of pas die regel eerst aan.");
        }

        if (!catalogue.HasYear(priceYear))
        {
            throw DomainException.About("PriceYear", "catalogue.year_unknown", $"Voor het prijsjaar {priceYear} is er geen prijsindex.");
        }

        (HorizonMonths, PriceYear, ExistingCare, Assumptions) = (horizonMonths, priceYear, existingCare, Text.Optional(assumptions));
    }

    internal AnalysisLine AddLine(Scenario scenario, UnitPrice price, decimal quantity, decimal probability, int fromMonth, int toMonth, string? note,
        Actor by, DateTime atUtc)
    {
        RequireDraft();
        if (quantity <= 0)
        {
            throw DomainException.About("Quantity", "analysis.quantity_positive", "Geef een aantal groter dan nul.");
        }

        if (decimal.Round(quantity, 2) != quantity)
        {
            throw DomainException.About("Quantity", "analysis.quantity_decimals", "Geef het aantal met hooguit twee cijfers achter de komma.");
        }

        if (decimal.Round(probability, 4) != probability)
        {
            throw DomainException.About("Probability", "analysis.probability_decimals", "Geef de kans in procent met hooguit twee cijfers achter de komma.");
        }

        if (probability is <= 0 or > 1)
        {
            throw DomainException.About("Probability", "analysis.probability_range", "Geef een kans groter dan 0 en hooguit 100 procent.");
        }

        if (fromMonth < 1 || toMonth < fromMonth || toMonth > HorizonMonths)
        {
            throw DomainException.About("FromMonth", "analysis.months_range",
                $"Kies de maanden binnen de horizon: van maand 1 tot en met maand {HorizonMonths}, en de eerste niet na de laatste.");
        }

        var line = new AnalysisLine(Id, scenario, price.Code, null, price.Name, price.Unit, quantity, probability, fromMonth, toMonth, price.LawDomain,
            price.Payer, Text.Optional(note), by, atUtc);
        Lines.Add(line);
        return line;
    }

    internal AnalysisLine RemoveLine(Guid lineId, Actor by, DateTime atUtc)
    {
        RequireDraft();
        var line = CurrentLines.SingleOrDefault(l => l.Id == lineId)
            ?? throw DomainException.About("LineId", "analysis.line_unknown", "Deze regel hoort niet bij deze analyse.");
        line.Remove(by, atUtc);
        return line;
    }

    /// <summary>Four eyes: a colleague who did not write the analysis checks it; from then on its prices are frozen.</summary>
    internal void Lock(CostCatalogue catalogue, IReadOnlyDictionary<string, UnitPrice> prices, IReadOnlyList<PricedAction> actions, Actor by, DateTime atUtc)
    {
        RequireDraft();
        if (Assumptions is null)
        {
            throw DomainException.About("Assumptions", "analysis.assumptions_required",
                "Schrijf de aannames op voordat de analyse wordt vastgezet: waarom deze gebeurtenissen, met deze kansen.");
        }

        if (!CurrentLines.Any(l => l.Scenario == Scenario.Without))
        {
            throw DomainException.Conflict("analysis.without_empty", "Vul eerst in wat er zonder de aanpak waarschijnlijk was gebeurd.");
        }

        // Four eyes: not the author, and not someone who added or took out lines himself.
        var reviewer = by.StaffMemberId;
        if (reviewer is null || reviewer == CreatedById || Lines.Any(l => l.AddedById == reviewer || l.RemovedById == reviewer))
        {
            throw DomainException.Conflict("analysis.review_by_other", "Een collega die niet zelf aan de analyse werkte, controleert hem en zet hem vast.");
        }

        foreach (var line in CurrentLines)
        {
            line.Freeze(prices.TryGetValue(line.ItemCode ?? "", out var price)
                ? price
                : throw new DomainException("analysis.price_missing", $"De catalogus heeft geen prijs meer voor \"{line.Description}\"."));
        }

        foreach (var action in actions)
        {
            Lines.Add(AnalysisLine.FromAction(Id, action, by, atUtc));
        }

        (CatalogueVersion, LockedById, LockedByName, LockedAtUtc) = (catalogue.Version, by.StaffMemberId, by.Description, atUtc);
    }

    /// <summary>
    /// Marks this locked analysis replaced and returns its new version: a draft with the same terms and the same lines
    /// (without their frozen prices; the plan's costs are added again when it is locked), each line still in the name of
    /// whoever wrote it. Whoever starts the new version cannot lock it: another colleague reviews it again.
    /// </summary>
    internal MicroAnalysis Replace(string? reason, CostCatalogue catalogue, Actor by, DateTime atUtc)
    {
        if (!IsLocked)
        {
            throw DomainException.Conflict("analysis.not_locked", "Deze analyse is nog niet vastgezet: pas hem zelf aan, een nieuwe versie is niet nodig.");
        }

        var why = Text.Required(reason, "analysis.reason_required", "Schrijf op waarom er een nieuwe versie van de analyse komt.", "Reason");
        var priceYear = catalogue.HasYear(PriceYear) ? PriceYear : catalogue.LastYear;
        var next = new MicroAnalysis(CaseId, HorizonMonths, priceYear, catalogue, ExistingCare, Assumptions, by, atUtc) { Number = Number + 1 };
        foreach (var line in CurrentLines.Where(l => l.PlanActionId is null))
        {
            next.Lines.Add(line.CopyTo(next.Id));
        }

        (ReplacedAtUtc, ReplacedByName, ReplacedReason) = (atUtc, by.Description, why);
        return next;
    }

    private void RequireDraft()
    {
        if (IsLocked)
        {
            throw DomainException.Conflict("analysis.locked",
                "Deze analyse is gecontroleerd en vastgezet. Er verandert niets meer aan. Klopt hij niet meer, maak dan een nieuwe versie.");
        }
    }
}

/// <summary>A plan action with its cost, in the analysis's euros, as the "with" scenario counts it.</summary>
public sealed record PricedAction(Guid ActionId, string What, LawDomain LawDomain, Payer Payer, decimal Cost, int Month);
