using Keukentafel.Cases;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;

namespace Keukentafel.Budget;

/// <summary>
/// One shared neighbourhood budget ("wijkbudget") for a period of years (Ruwaard: 2018-2022), fed by the partners'
/// contributions. Each organisation delivers within its own room per year; what is spent is never a stored number
/// but the sum of the ledger (<see cref="LedgerEntry"/>).
/// </summary>
public sealed class NeighbourhoodBudget
{
    public const int MaxYears = 10;

    private NeighbourhoodBudget() { Name = CreatedByName = ""; }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid NeighbourhoodId { get; private set; }
    public string Name { get; private set; }
    public int FirstYear { get; private set; }
    public int LastYear { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public List<Contribution> Contributions { get; } = [];

    public IEnumerable<int> Years => Enumerable.Range(FirstYear, LastYear - FirstYear + 1);

    public decimal Total => Contributions.Sum(c => c.Amount);

    public static NeighbourhoodBudget Create(Neighbourhood neighbourhood, string name, int firstYear, int lastYear, Actor by, DateTime nowUtc)
    {
        if (firstYear < 2000 || lastYear < firstYear || lastYear - firstYear + 1 > MaxYears)
        {
            throw DomainException.About("LastYear", "budget.period",
                $"Kies een periode van 1 tot en met {MaxYears} jaar, het laatste jaar niet voor het eerste.");
        }

        return new NeighbourhoodBudget
        {
            NeighbourhoodId = neighbourhood.Id,
            Name = Text.Required(name, "budget.name_required", "Geef het budget een naam, bijvoorbeeld: Wijkbudget Rietvelden 2026-2030.", "Name"),
            FirstYear = firstYear,
            LastYear = lastYear,
            CreatedByName = by.Description,
            CreatedAtUtc = nowUtc,
        };
    }

    public bool Covers(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>A partner (an organisation, or the municipality) puts money in the pot.</summary>
    public Contribution AddContribution(string contributor, Guid? organisationId, decimal amount, DateOnly date, LawDomain lawDomain, Actor by, DateTime nowUtc)
    {
        if (amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            throw DomainException.About("Amount", "budget.contribution_amount",
                "Geef een bijdrage in euro's groter dan nul, met hooguit twee cijfers achter de komma.");
        }

        if (!Covers(date.Year))
        {
            throw DomainException.About("Date", "budget.contribution_date",
                $"De datum van de bijdrage ligt in de periode van het budget ({FirstYear}-{LastYear}).");
        }

        var contribution = new Contribution(Id, Text.Required(contributor, "budget.contributor_required", "Geef wie bijdraagt.", "Contributor"), organisationId,
            amount, date, lawDomain, by, nowUtc);
        Contributions.Add(contribution);
        return contribution;
    }
}

/// <summary>Money a partner put in the pot, on a date, under a law domain. Never changed.</summary>
public sealed class Contribution
{
    private Contribution() { Contributor = RecordedByName = ""; }

    internal Contribution(Guid budgetId, string contributor, Guid? organisationId, decimal amount, DateOnly date, LawDomain lawDomain, Actor by, DateTime atUtc)
    {
        BudgetId = budgetId;
        Contributor = contributor;
        OrganisationId = organisationId;
        Amount = amount;
        Date = date;
        LawDomain = lawDomain;
        RecordedByName = by.Description;
        RecordedAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid BudgetId { get; private set; }
    public string Contributor { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly Date { get; private set; }
    public LawDomain LawDomain { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
}
