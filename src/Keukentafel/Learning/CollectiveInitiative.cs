using Keukentafel.Cases;

namespace Keukentafel.Learning;

/// <summary>
/// A collective solution in the neighbourhood (Ruwaard: "Ons Huis van de Wijk", a cooking club, a walking group,
/// experience experts): run by residents and/or an organisation, with a budget line and simple measures over time.
/// Plan actions of cases link to the initiative that serves them ("collective before individual").
/// </summary>
public sealed class CollectiveInitiative
{
    private CollectiveInitiative() { Name = CreatedByName = ""; }

    private CollectiveInitiative(Guid neighbourhoodId, string name, string? description, bool runByResidents, Guid? organisationId, decimal? budgetPerYear,
        bool fromNeighbourhoodBudget, Actor by, DateTime atUtc)
    {
        NeighbourhoodId = neighbourhoodId;
        Name = name;
        Description = description;
        RunByResidents = runByResidents;
        OrganisationId = organisationId;
        BudgetPerYear = budgetPerYear;
        FromNeighbourhoodBudget = fromNeighbourhoodBudget;
        CreatedByName = by.Description;
        CreatedAtUtc = atUtc;
    }

    /// <summary>At most this many euros a year: beyond it is a typing error, not a neighbourhood initiative.</summary>
    public const decimal MaxBudgetPerYear = 10_000_000m;

    public const string BudgetRange = "Geef een bedrag per jaar van 0 tot en met 10.000.000 euro.";

    /// <summary>At most this many visitors, volunteers or activities in one week.</summary>
    public const int MaxCount = 1_000_000;

    public const string CountRange = "Vul een aantal in van 0 tot en met 1.000.000.";

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid NeighbourhoodId { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }

    /// <summary>Residents run it themselves (alone, or with the organisation).</summary>
    public bool RunByResidents { get; private set; }

    /// <summary>The organisation that runs it (with the residents, or alone).</summary>
    public Guid? OrganisationId { get; private set; }

    /// <summary>What it costs a year, in euros.</summary>
    public decimal? BudgetPerYear { get; private set; }

    /// <summary>The budget line is paid from the neighbourhood budget (rather than by an organisation or a fund).</summary>
    public bool FromNeighbourhoodBudget { get; private set; }

    public string CreatedByName { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public List<InitiativeMeasure> Measures { get; } = [];

    /// <summary>An initiative has a name and someone who runs it: the residents, an organisation, or both.</summary>
    public static CollectiveInitiative Start(Guid neighbourhoodId, string? name, string? description, bool runByResidents, Guid? organisationId,
        decimal? budgetPerYear, bool fromNeighbourhoodBudget, Actor by, DateTime atUtc)
    {
        var named = Text.Required(name, "initiative.name_required", "Geef de naam van het initiatief, bijvoorbeeld: het buurthuis.", "Name");
        if (!runByResidents && organisationId is null)
        {
            throw DomainException.About("RunByResidents", "initiative.run_by_required",
                "Geef aan wie het initiatief draagt: bewoners, een organisatie, of allebei.");
        }

        if (budgetPerYear is < 0)
        {
            throw DomainException.About("BudgetPerYear", "initiative.budget_negative", "Het budget per jaar kan niet negatief zijn.");
        }

        if (budgetPerYear > MaxBudgetPerYear)
        {
            throw DomainException.About("BudgetPerYear", "initiative.budget_too_large", BudgetRange);
        }

        if (fromNeighbourhoodBudget && budgetPerYear is null or 0)
        {
            throw DomainException.About("BudgetPerYear", "initiative.budget_required", "Geef het bedrag per jaar dat uit het wijkbudget komt.");
        }

        return new CollectiveInitiative(neighbourhoodId, named, Text.Optional(description), runByResidents, organisationId,
            budgetPerYear is { } b ? decimal.Round(b, 2) : null, fromNeighbourhoodBudget, by, atUtc);
    }

    /// <summary>
    /// A measure of a week: none of the numbers negative, at least one given, not in the future. A second measure of the
    /// same week is kept next to the first; the newest counts (nothing recorded is lost).
    /// </summary>
    public InitiativeMeasure Measure(DateOnly week, int? visitors, int? volunteers, int? residentsGivingBack, int? activities, string? note, DateOnly today,
        Actor by, DateTime atUtc)
    {
        foreach (var (field, value) in new[] { ("Visitors", visitors), ("Volunteers", volunteers), ("ResidentsGivingBack", residentsGivingBack),
            ("Activities", activities) })
        {
            if (value is < 0)
            {
                throw DomainException.About(field, "initiative.measure_negative", "Een aantal kan niet negatief zijn. Vul 0 of meer in.");
            }

            if (value > MaxCount)
            {
                throw DomainException.About(field, "initiative.measure_too_large", CountRange);
            }
        }

        if (visitors is null && volunteers is null && residentsGivingBack is null && activities is null)
        {
            throw DomainException.About("Visitors", "initiative.measure_empty", "Vul minstens één aantal in.");
        }

        var monday = InitiativeMeasure.WeekOf(week);
        if (monday > today)
        {
            throw DomainException.About("Week", "initiative.measure_future", "Deze week is nog niet begonnen. Meet een week die al begonnen is.");
        }

        var measure = new InitiativeMeasure(Id, monday, visitors, volunteers, residentsGivingBack, activities, Text.Optional(note), by, atUtc);
        Measures.Add(measure);
        return measure;
    }
}

/// <summary>What an initiative counted in one week (ISO week, starting Monday).</summary>
public sealed class InitiativeMeasure
{
    private InitiativeMeasure() { RecordedByName = ""; }

    internal InitiativeMeasure(Guid initiativeId, DateOnly week, int? visitors, int? volunteers, int? residentsGivingBack, int? activities, string? note,
        Actor by, DateTime atUtc)
    {
        InitiativeId = initiativeId;
        Week = week;
        Visitors = visitors;
        Volunteers = volunteers;
        ResidentsGivingBack = residentsGivingBack;
        Activities = activities;
        Note = note;
        RecordedByName = by.Description;
        RecordedAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid InitiativeId { get; private set; }

    /// <summary>The Monday of the week measured.</summary>
    public DateOnly Week { get; private set; }

    public int? Visitors { get; private set; }
    public int? Volunteers { get; private set; }

    /// <summary>Residents who gave something back here, as their reciprocity contribution (core rule 7).</summary>
    public int? ResidentsGivingBack { get; private set; }

    public int? Activities { get; private set; }
    public string? Note { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }

    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
