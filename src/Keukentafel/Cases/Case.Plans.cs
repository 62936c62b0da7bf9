using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;

namespace Keukentafel.Cases;

/// <summary>
/// Who carries out a new action, as the person planning it chooses. For professional help he may name only the kind of
/// help (<paramref name="Service"/>): which organisation delivers it, the budget's allocation decides (white label).
/// </summary>
public sealed record ActionCarrier(Carrier Kind, Guid? StaffMemberId = null, Guid? OrganisationId = null, string? Name = null,
    Services Service = Services.None);

public sealed partial class Case
{
    private static readonly CaseStatus[] PlanningStatuses = [CaseStatus.QuestionsAnswered, CaseStatus.MeetingPlanned, CaseStatus.PlanAgreed];

    /// <summary>
    /// Core rule 7 after the fact: a resident often gives something back once he is helped, so his contribution can be
    /// recorded, and marked done, until the case closes (and again after a reopen).
    /// </summary>
    private static readonly CaseStatus[] ContributionStatuses = [.. PlanningStatuses, CaseStatus.SolutionCarriedOut, CaseStatus.Evaluated];

    public PlanAction Action(Guid actionId) =>
        Actions.SingleOrDefault(a => a.Id == actionId)
        ?? throw new DomainException("action.unknown", "Deze actie hoort niet bij deze casus.");

    /// <summary>
    /// Adds an action to the plan. Every action has an owner: the resident, someone of his network, an
    /// organisation (white label: any that can deliver) or a collective initiative. A contribution (core rule 7)
    /// is carried out by the resident himself.
    /// </summary>
    public PlanAction AddAction(string what, ActionCarrier carrier, StaffMember? carrierStaff, Organisation? carrierOrganisation,
        LawDomain lawDomain, decimal? expectedCost, DateOnly dueDate, bool isContribution, string residentName, Actor by, DateTime nowUtc,
        Learning.CollectiveInitiative? initiative = null)
    {
        if (isContribution)
        {
            RequireStatus(ContributionStatuses, "De bijdrage van de bewoner vastleggen kan als de vragen zijn beantwoord, tot de casus is afgesloten.");
        }
        else
        {
            RequireStatus(PlanningStatuses, "Acties toevoegen kan als de vragen zijn beantwoord en de oplossing nog niet is uitgevoerd.");
        }

        if (isContribution && carrier.Kind != Carrier.Resident)
        {
            throw DomainException.About("IsContribution", "action.contribution_by_resident",
                "Een bijdrage doet de bewoner zelf. Kies bij \"Wie doet het?\" de bewoner zelf.");
        }

        var (name, staffId, organisationId) = carrier.Kind switch
        {
            Carrier.Resident => (residentName, (Guid?)null, (Guid?)null),
            // Two people of his own may share a name: the action names the person, whichever of them it is.
            Carrier.Network => (Network.FirstOrDefault(n => n.Name == Text.Optional(carrier.Name))?.Name
                ?? throw DomainException.About("NetworkName", "action.owner_required", "Kies wie uit het netwerk van de bewoner deze actie doet."), null, null),
            Carrier.Organisation => OrganisationCarrier(carrierStaff, carrierOrganisation, carrier.Service),
            Carrier.CollectiveInitiative when initiative is not null => (initiative.NeighbourhoodId == NeighbourhoodId ? initiative.Name
                : throw DomainException.About("InitiativeId", "action.initiative_elsewhere", "Dit collectieve initiatief is van een andere wijk."), null, null),
            Carrier.CollectiveInitiative => (Text.Required(carrier.Name, "action.owner_required",
                "Geef het collectieve initiatief dat deze actie doet, bijvoorbeeld: het buurthuis.", "InitiativeName"), null, null),
            _ => throw DomainException.About("Carrier", "action.owner_required", "Kies wie deze actie uitvoert."),
        };
        if (dueDate < DutchTime.Date(nowUtc))
        {
            throw DomainException.About("DueDate", "action.due_in_past", "De datum waarop de actie klaar moet zijn, ligt in het verleden.");
        }

        if (carrier.Service != Services.None && (carrier.Kind != Carrier.Organisation || !carrier.Service.IsOne()))
        {
            throw DomainException.About("Service", "action.service", "Een soort hulp hoort bij een actie die een organisatie uitvoert. Kies er één.");
        }

        var action = new PlanAction(Id, what, carrier.Kind, name, staffId, organisationId, carrier.Service, lawDomain, expectedCost, dueDate, isContribution,
            by, nowUtc);
        if (carrier.Kind == Carrier.CollectiveInitiative && initiative is not null)
        {
            action.ServedBy(initiative.Id);
        }

        Actions.Add(action);
        Record(by, nowUtc, isContribution ? "contribution.added" : "action.added",
            isContribution ? $"Bijdrage van de bewoner: {action.What}." : $"Actie: {action.What} ({name}, klaar op {dueDate:d-M-yyyy}).",
            null,
            new
            {
                action.What,
                Carrier = carrier.Kind.ToString(),
                CarrierName = name,
                Service = action.Service.ToString(),
                LawDomain = lawDomain.ToString(),
                action.ExpectedCost,
                action.DueDate,
                action.IsContribution
            });
        return action;
    }

    public void ChangeActionStatus(Guid actionId, ActionStatus status, string? dropReason, Actor by, DateTime nowUtc)
    {
        var action = Action(actionId);
        if (action.IsContribution)
        {
            RequireStatus(ContributionStatuses, "De bijdrage van de bewoner bijwerken kan tot de casus is afgesloten.");
        }
        else
        {
            RequireStatus([CaseStatus.MeetingPlanned, CaseStatus.PlanAgreed], "Acties bijwerken kan zolang het plan wordt uitgevoerd.");
        }

        var before = new { Status = action.Status.ToString(), action.DropReason };
        if (action.Status == status)
        {
            return;
        }

        action.ChangeStatus(status, dropReason, nowUtc);
        Record(by, nowUtc, action.IsContribution ? "contribution.status_changed" : "action.status_changed",
            $"{action.What}: {status.Dutch().ToLowerInvariant()}{(status == ActionStatus.Dropped ? $" ({action.DropReason})" : "")}.",
            before, new { Status = status.ToString(), action.DropReason });
    }

    /// <summary>A professional marks a solution as worth sharing at the next learning session (core rule 9), with why.</summary>
    public void MarkWorthSharing(Guid actionId, string? why, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        var action = Action(actionId);
        var before = new { action.WorthSharing };
        action.MarkWorthSharing(why, by, nowUtc);
        Record(by, nowUtc, "action.worth_sharing", $"Opvallende oplossing, om te delen in de leersessie: {action.What} ({action.WorthSharing})", before,
            new { action.WorthSharing });
    }

    /// <summary>Core rule 7 allows no contribution only with a recorded reason.</summary>
    public void RecordNoContributionReason(string reason, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        var before = NoContributionReason;
        NoContributionReason = Text.Required(reason, "contribution.reason_required", "Geef de reden waarom de bewoner geen bijdrage levert.", "Reason");
        Record(by, nowUtc, "contribution.none_reason", $"Geen bijdrage van de bewoner, omdat: {NoContributionReason}", new { NoContributionReason = before },
            new { NoContributionReason });
    }

    /// <summary>A deviation from a rule, with the manager asked to back it.</summary>
    public RuleDeviation RecordDeviation(string rule, LawDomain lawDomain, string reason, string otherwise, decimal? otherwiseCost, StaffMember manager,
        Actor by, DateTime nowUtc)
    {
        RequireOpen();
        // Only a manager who works in this neighbourhood is asked: he will see what the deviation says about the case.
        if (manager.Function != StaffFunction.Manager || !manager.WorksIn(NeighbourhoodId))
        {
            throw DomainException.About("ManagerId", "deviation.not_a_manager", "Vraag een manager die in deze wijk werkt om de afwijking te steunen.");
        }

        var deviation = new RuleDeviation(Id, rule, lawDomain, reason, otherwise, otherwiseCost, manager.Id, manager.Name.Display, by, nowUtc);
        Deviations.Add(deviation);
        Record(by, nowUtc, "deviation.recorded", $"Afwijking van \"{deviation.Rule}\"; {deviation.ManagerName} wordt gevraagd dit te steunen.",
            null,
            new { deviation.Rule, LawDomain = lawDomain.ToString(), deviation.Reason, deviation.Otherwise, deviation.OtherwiseCost, deviation.ManagerName });
        return deviation;
    }

    /// <summary>The manager named on the deviation confirms he backs it; nobody else can.</summary>
    public void BackDeviation(Guid deviationId, Guid managerStaffId, Actor by, DateTime nowUtc)
    {
        var deviation = Deviations.SingleOrDefault(d => d.Id == deviationId)
            ?? throw new DomainException("deviation.unknown", "Deze afwijking hoort niet bij deze casus.");
        if (deviation.ManagerId != managerStaffId)
        {
            throw new DomainException("deviation.other_manager", $"Deze afwijking is voorgelegd aan {deviation.ManagerName}.");
        }

        if (deviation.IsBacked)
        {
            throw DomainException.Conflict("deviation.already_backed", "U steunt deze afwijking al.");
        }

        deviation.Back(nowUtc);
        Record(by, nowUtc, "deviation.backed", $"{deviation.ManagerName} steunt de afwijking van \"{deviation.Rule}\".", null, new { deviation.BackedAtUtc });
    }

    public Bottleneck RecordBottleneck(BottleneckCategory category, LawDomain lawDomain, string description, Actor by, DateTime nowUtc)
    {
        var bottleneck = new Bottleneck(Id, category, lawDomain, description, by, nowUtc);
        Bottlenecks.Add(bottleneck);
        Record(by, nowUtc, "bottleneck.recorded", $"Knelpunt ({category.Dutch().ToLowerInvariant()}): {bottleneck.Description}", null,
            new { Category = category.ToString(), LawDomain = lawDomain.ToString(), bottleneck.Description });
        return bottleneck;
    }

    /// <summary>
    /// The budget's allocation chose the organisation that delivers a white-label action (or confirmed the one named):
    /// the plan shows it from now on. Only an organisation that offers the kind of help and works here.
    /// </summary>
    public void AllocateAction(Guid actionId, Organisation organisation, Actor by, DateTime nowUtc)
    {
        var action = Action(actionId);
        if (action.Carrier != Carrier.Organisation || action.IsSettled)
        {
            throw DomainException.Conflict("action.not_allocatable",
                "Alleen een open actie die een organisatie uitvoert, wordt aan een organisatie toegewezen.");
        }

        if (!organisation.WorksIn(NeighbourhoodId) || (action.Service != Services.None && !organisation.Offers.HasFlag(action.Service)))
        {
            throw DomainException.About("OrganisationId", "action.organisation_cannot_deliver", $"{organisation.Name} levert deze hulp niet in deze wijk.");
        }

        // Always a new version, also when the organisation stays: a drop at the same moment is then detected, not overwritten.
        var before = new { action.CarrierName, action.CarrierOrganisationId };
        var carrierName = action.CarrierOrganisationId == organisation.Id ? action.CarrierName : organisation.Name;
        action.Allocate(organisation.Id, carrierName);
        Record(by, nowUtc, "action.allocated", $"{action.What}: betaald uit het wijkbudget, uitgevoerd door {organisation.Name}.",
            before, new { action.CarrierName, action.CarrierOrganisationId });
    }

    private (string Name, Guid? StaffId, Guid? OrganisationId) OrganisationCarrier(StaffMember? staff, Organisation? organisation, Services service)
    {
        if (organisation is null && staff is null && service != Services.None)
        {
            // White label: the allocation picks the organisation with room among those that offer this help.
            return ($"Nog toe te wijzen: {service.Dutch().ToLowerInvariant()}", null, null);
        }

        if (organisation is null)
        {
            throw DomainException.About("OrganisationId", "action.owner_required", "Kies de organisatie die deze actie uitvoert.");
        }

        if (!organisation.WorksIn(NeighbourhoodId))
        {
            throw DomainException.About("OrganisationId", "action.organisation_not_in_neighbourhood", $"{organisation.Name} werkt niet in deze wijk.");
        }

        if (staff is not null && staff.OrganisationId != organisation.Id)
        {
            throw DomainException.About("OrganisationId", "action.staff_not_of_organisation", $"{staff.Name.Display} werkt niet bij {organisation.Name}.");
        }

        return (staff is null ? organisation.Name : $"{staff.Name.Display} ({organisation.Name})", staff?.Id, organisation.Id);
    }
}
