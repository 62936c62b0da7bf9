using Keukentafel.Cases;

namespace Keukentafel.Plans;

/// <summary>
/// Where the plan departs from an existing rule, protocol or indication, why, what the rule would have cost or
/// caused, and the manager who backs it (seeds: "professionals explain per case why they deviate; managers back them").
/// </summary>
public sealed class RuleDeviation
{
    private RuleDeviation() { Rule = Reason = Otherwise = RecordedByName = ManagerName = ""; }

    internal RuleDeviation(Guid caseId, string rule, LawDomain lawDomain, string reason, string otherwise, decimal? otherwiseCost, Guid managerId,
        string managerName, Actor by, DateTime atUtc)
    {
        CaseId = caseId;
        LawDomain = lawDomain;
        OrganisationId = by.OrganisationId;
        Rule = Text.Required(rule, "deviation.rule_required", "Geef aan van welke regel, welk protocol of welke indicatie u afwijkt.", "Rule");
        Reason = Text.Required(reason, "deviation.reason_required", "Geef aan waarom u afwijkt.", "Reason");
        Otherwise = Text.Required(otherwise, "deviation.otherwise_required", "Geef aan wat de regel anders had gekost of veroorzaakt.", "Otherwise");
        if (otherwiseCost is < 0)
        {
            throw DomainException.About("OtherwiseCost", "deviation.cost_negative", "De kosten kunnen niet negatief zijn.");
        }

        OtherwiseCost = otherwiseCost is { } cost ? decimal.Round(cost, 2) : null;
        ManagerId = managerId;
        ManagerName = managerName;
        RecordedByName = by.Description;
        RecordedAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }
    public string Rule { get; private set; }

    /// <summary>The law the rule belongs to, for the directors' report; Other when none in particular.</summary>
    public LawDomain LawDomain { get; private set; }

    /// <summary>The organisation of the professional who deviated (none for the independent coordinator).</summary>
    public Guid? OrganisationId { get; private set; }

    public string Reason { get; private set; }
    public string Otherwise { get; private set; }
    public decimal? OtherwiseCost { get; private set; }

    /// <summary>The manager (a staff member) who is asked to back this deviation.</summary>
    public Guid ManagerId { get; private set; }

    public string ManagerName { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public DateTime? BackedAtUtc { get; private set; }

    public bool IsBacked => BackedAtUtc is not null;

    internal void Back(DateTime atUtc) => BackedAtUtc = atUtc;
}
