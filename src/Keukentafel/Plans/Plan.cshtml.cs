using System.ComponentModel.DataAnnotations;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Effects;
using Keukentafel.Neighbourhoods;
using Keukentafel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Plans;

/// <summary>The plan: actions with an owner each, and the resident's contribution (core rule 7).</summary>
public sealed class PlanPage(CaseWork work, CaseFiles files, KeukentafelDbContext db, Budget.Financing financing, Budget.Allocation allocation,
    Learning.Initiatives initiatives, TimeProvider time) : CasePageModel(work, files)
{
    /// <summary>What the neighbourhood budget reserved and spent per action.</summary>
    public IReadOnlyDictionary<Guid, Budget.Balance> Financed { get; private set; } = new Dictionary<Guid, Budget.Balance>();

    /// <summary>Per action that may be paid from the budget: who can deliver it and with how much room; or why not.</summary>
    public IReadOnlyDictionary<Guid, Budget.AllocationView> Allocations { get; private set; } = new Dictionary<Guid, Budget.AllocationView>();

    public string? NoBudget { get; private set; }

    /// <summary>The action whose financing or realisation was refused: its form opens again with the message.</summary>
    public Guid? MoneyRefused { get; private set; }

    public string? MoneyError { get; private set; }

    public IEnumerable<SelectListItem> Services { get; } = ServicesText.Each.Select(s => new SelectListItem(s.Dutch(), s.ToString()));

    public IEnumerable<SelectListItem> Payers { get; } = Enum.GetValues<Payer>().Select(p => new SelectListItem(p.Dutch(), p.ToString()));

    public ActionInput Action { get; set; } = new();
    public NoContributionInput NoContribution { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    /// <summary>The neighbourhood's collective initiatives, to choose first ("collective before individual").</summary>
    public IReadOnlyList<SelectListItem> Initiatives { get; private set; } = [];

    public IEnumerable<SelectListItem> NetworkItems => Case.Network.Select(n => new SelectListItem($"{n.Name} ({n.Relation})", n.Name));

    public IEnumerable<SelectListItem> Carriers { get; } = Enum.GetValues<Carrier>().Select(c => new SelectListItem(c.Dutch(), c.ToString()));

    public IEnumerable<SelectListItem> LawDomains { get; } = Enum.GetValues<LawDomain>().Select(d => new SelectListItem(d.Dutch(), d.ToString()));

    /// <summary>The action whose drop was refused (no reason): its form opens again with the message beside the field.</summary>
    public Guid? DropRefused { get; private set; }

    /// <summary>Where the handler's refusal goes: beside the one action whose form was sent.</summary>
    private Func<DomainException, string>? fieldKey;

    public Task<IActionResult> OnPostAddAsync() => ChangeAsync(Action, nameof(Action), async (c, by, now) =>
        {
            var organisation = Action.Carrier == Carrier.Organisation ? await Work.OrganisationAsync(Action.OrganisationId, HttpContext.RequestAborted) : null;
            var initiative = Action.Carrier == Carrier.CollectiveInitiative
                ? await Work.InitiativeAsync(Action.InitiativeId, HttpContext.RequestAborted)
                : null;
            c.AddAction(Action.What,
                new ActionCarrier(Action.Carrier, null, Action.OrganisationId, Action.Carrier == Carrier.Network ? Action.NetworkName : Action.InitiativeName,
                    Action.Carrier == Carrier.Organisation ? Action.Service ?? Neighbourhoods.Services.None : Neighbourhoods.Services.None),
                null, organisation, Action.LawDomain, Action.ExpectedCost, Action.DueDate!.Value, Action.IsContribution,
                await Work.ResidentNameAsync(c, HttpContext.RequestAborted), by, now, initiative);
        },
        () => Action.IsContribution ? "De bijdrage van de bewoner staat in het plan." : "De actie staat in het plan.");

    public async Task<IActionResult> OnPostStatusAsync(Guid actionId, ActionStatus status, string? dropReason)
    {
        DropRefused = actionId;
        fieldKey = refused => refused.Field == "DropReason" ? $"drop-{actionId}" : "";
        var done = $"De actie staat nu op: {status.Dutch().ToLowerInvariant()}.";
        if (status != ActionStatus.Dropped)
        {
            return await ApplyAsync((c, by, now) => c.ChangeActionStatus(actionId, status, dropReason, by, now), done);
        }

        // What the budget reserved for the dropped action goes back to the room in the same transaction.
        await allocation.DropAsync(Decision, Version, actionId, dropReason, HttpContext.RequestAborted);
        return RedirectToPage(null, new { id = Decision.CaseId, message = done });
    }

    /// <summary>
    /// White-label allocation: the action's expected cost is reserved from the room of the chosen organisation (default:
    /// the one with the most room); a single supplier without room goes to its managers; otherwise refused with the room left.
    /// </summary>
    public Task<IActionResult> OnPostFinanceAsync(Guid actionId, Guid? organisationId, Effects.Payer? preFinancedFor) => MoneyAsync(actionId, async () =>
    {
        var outcome = await allocation.AllocateAsync(Decision.CaseId, actionId, organisationId, preFinancedFor, Decision.Actor, HttpContext.RequestAborted);
        return outcome.Commitment is { } entry
            ? $"{DutchNumber.Euro(entry.Amount)} is vastgelegd in het wijkbudget, bij {outcome.Organisation}."
            : $"Alleen {outcome.Organisation} levert dit en de ruimte is te klein. De vraag ligt nu bij de managers van {outcome.Organisation}.";
    });

    /// <summary>Delivered: the actual cost is spent from the budget and the reservation released.</summary>
    public Task<IActionResult> OnPostRealiseAsync(Guid actionId, decimal? actualCost) => MoneyAsync(actionId, async () =>
    {
        var budgetId = await financing.BudgetOfAsync(actionId, HttpContext.RequestAborted);
        await financing.RealiseAsync(budgetId, actionId,
            actualCost ?? throw DomainException.About("ActualCost", "budget.amount_required", "Vul de werkelijke kosten in."), Decision.Actor,
            HttpContext.RequestAborted);
        return $"{DutchNumber.Euro(actualCost.Value)} is besteed uit het wijkbudget.";
    });

    /// <summary>An invoice credited or added to after delivery: what was spent is corrected, with the reason.</summary>
    public Task<IActionResult> OnPostCorrectAsync(Guid actionId, string? correction, string? correctionReason) => MoneyAsync(actionId, async () =>
    {
        var amount = DutchNumber.Parse(correction)
            ?? throw DomainException.About("Amount", "budget.amount_required", "Vul een bedrag in euro's in, bijvoorbeeld -60,00 voor een creditnota.");
        await financing.CorrectActionAsync(actionId, amount, correctionReason, Decision.Actor, HttpContext.RequestAborted);
        return $"De correctie van {DutchNumber.Euro(amount)} is vastgelegd in het wijkbudget.";
    });

    private async Task<IActionResult> MoneyAsync(Guid actionId, Func<Task<string>> change)
    {
        if (await financing.CaseOfActionAsync(actionId, HttpContext.RequestAborted) is { } owner && owner != Decision.CaseId)
        {
            return NotFound();
        }

        MoneyRefused = actionId;
        fieldKey = _ => "";
        return RedirectToPage(new { id = Decision.CaseId, message = await change() });
    }


    /// <summary>A solution worth sharing at the learning session; a refusal (no reason) opens its form again with the message.</summary>
    public async Task<IActionResult> OnPostShareAsync(Guid actionId, string? worthSharing)
    {
        fieldKey = refused => refused.Field == "WorthSharing" ? $"share-{actionId}" : "";
        return await ApplyAsync((c, by, now) => c.MarkWorthSharing(actionId, worthSharing, by, now),
            "De oplossing staat op de agenda van de volgende leersessie.");
    }

    /// <summary>
    /// The plan as a FHIR R4 Bundle, to hand to a care partner's system (logged as an export of the file: the resident
    /// reads in his log that his plan went to a care system). Only what his consent allows is in it (<see cref="PlanFhir"/>).
    /// </summary>
    public async Task<IActionResult> OnGetFhirAsync([FromServices] PlanFhir fhir)
    {
        var file = (await Files.GetAsync(Decision.CaseId, HttpContext.RequestAborted))!;
        var json = PlanFhir.Json(await fhir.BuildAsync(file, HttpContext.RequestAborted));
        return File(System.Text.Encoding.UTF8.GetBytes(json), PlanFhir.MediaType, $"plan-{file.Number}.fhir.json");
    }

    /// <summary>A refusal of one action's own form is shown beside that action.</summary>
    public override string? FieldKey(DomainException refused) => fieldKey?.Invoke(refused);

    public override Task<IActionResult> ShowAgainAsync(DomainException refused)
    {
        if (MoneyRefused is not null)
        {
            MoneyError = refused.Message;
        }

        return base.ShowAgainAsync(refused);
    }

    public Task<IActionResult> OnPostNoContributionAsync() => ChangeAsync(NoContribution, nameof(NoContribution),
        (c, by, now) => c.RecordNoContributionReason(NoContribution.Reason, by, now), "De reden is vastgelegd.");

    protected override async Task PrepareAsync()
    {
        Financed = await financing.ForCaseAsync(Decision.CaseId, HttpContext.RequestAborted);
        (Allocations, NoBudget) = await allocation.ForPlanAsync(Decision.CaseId, Case.Actions.Where(a => a.Carrier == Carrier.Organisation && a.ExpectedCost > 0
            && a.Status is not (ActionStatus.Done or ActionStatus.Dropped) && !a.IsContribution && !Financed.ContainsKey(a.Id)).Select(a => a.Id),
            HttpContext.RequestAborted);
        Action.DueDate ??= DutchTime.Today(time).AddDays(14);
        Initiatives = [.. (await initiatives.ChoicesAsync(Case.NeighbourhoodId, HttpContext.RequestAborted))
            .Select(i => new SelectListItem(i.Name, i.Id.ToString()))];
        Organisations = await db.OrganisationNeighbourhoods.Where(w => w.NeighbourhoodId == Case.NeighbourhoodId)
            .Join(db.Organisations, w => w.OrganisationId, o => o.Id, (w, o) => o)
            .OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
            .ToListAsync(HttpContext.RequestAborted);
    }
}

public sealed class ActionInput
{
    [Required(ErrorMessage = "Beschrijf wat er gebeurt."), StringLength(1000)]
    public string What { get; set; } = "";

    public Carrier Carrier { get; set; } = Carrier.Resident;

    public Guid? OrganisationId { get; set; }

    public string? NetworkName { get; set; }

    [StringLength(300)]
    public string? InitiativeName { get; set; }

    public Guid? InitiativeId { get; set; }

    /// <summary>The kind of help, for white-label allocation: the organisation may then be left open.</summary>
    public Neighbourhoods.Services? Service { get; set; }

    public LawDomain LawDomain { get; set; } = LawDomain.Other;

    [Range(0, 1_000_000, ErrorMessage = "Vul een bedrag in tussen 0 en 1.000.000 euro.")]
    public decimal? ExpectedCost { get; set; }

    [Required(ErrorMessage = "Vul in wanneer de actie klaar moet zijn.")]
    public DateOnly? DueDate { get; set; }

    public bool IsContribution { get; set; }
}

public sealed class NoContributionInput
{
    [Required(ErrorMessage = "Vul de reden in."), StringLength(2000)]
    public string Reason { get; set; } = "";
}
