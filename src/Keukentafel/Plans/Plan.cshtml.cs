using System.ComponentModel.DataAnnotations;
using Keukentafel.Cases;
using Keukentafel.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Plans;

/// <summary>The plan: actions with an owner each, and the resident's contribution (core rule 7).</summary>
public sealed class PlanPage(CaseWork work, CaseFiles files, KeukentafelDbContext db, Budget.Financing financing, TimeProvider time) : CasePageModel(work, files)
{
    /// <summary>What the neighbourhood budget reserved and spent per action.</summary>
    public IReadOnlyDictionary<Guid, Budget.Balance> Financed { get; private set; } = new Dictionary<Guid, Budget.Balance>();

    public ActionInput Action { get; set; } = new();
    public NoContributionInput NoContribution { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public IEnumerable<SelectListItem> NetworkItems => Case.Network.Select(n => new SelectListItem($"{n.Name} ({n.Relation})", n.Name));

    public IEnumerable<SelectListItem> Carriers { get; } = Enum.GetValues<Carrier>().Select(c => new SelectListItem(c.Dutch(), c.ToString()));

    public IEnumerable<SelectListItem> LawDomains { get; } = Enum.GetValues<LawDomain>().Select(d => new SelectListItem(d.Dutch(), d.ToString()));

    /// <summary>The action whose drop was refused (no reason): its form opens again with the message beside the field.</summary>
    public Guid? DropRefused { get; private set; }

    public Task<IActionResult> OnPostAddAsync() => ChangeAsync(Action, nameof(Action), async (c, by, now) =>
        {
            var organisation = Action.Carrier == Carrier.Organisation ? await Work.OrganisationAsync(Action.OrganisationId, HttpContext.RequestAborted) : null;
            c.AddAction(Action.What, new ActionCarrier(Action.Carrier, null, Action.OrganisationId, Action.Carrier == Carrier.Network ? Action.NetworkName : Action.InitiativeName),
                null, organisation, Action.LawDomain, Action.ExpectedCost, Action.DueDate!.Value, Action.IsContribution,
                await Work.ResidentNameAsync(c, HttpContext.RequestAborted), by, now);
        },
        () => Action.IsContribution ? "De bijdrage van de bewoner staat in het plan." : "De actie staat in het plan.");

    public async Task<IActionResult> OnPostStatusAsync(Guid actionId, ActionStatus status, string? dropReason)
    {
        DropRefused = actionId;
        var result = await ApplyAsync((c, by, now) => c.ChangeActionStatus(actionId, status, dropReason, by, now), $"De actie staat nu op: {status.Dutch().ToLowerInvariant()}.",
            errorKey: refused => refused.Field == "DropReason" ? $"drop-{actionId}" : "");
        if (status == ActionStatus.Dropped && result is RedirectToPageResult)
        {
            // After the case is saved: what the budget reserved for the dropped action goes back to the room.
            await financing.ReleaseDroppedAsync(actionId, dropReason, Decision.Actor, HttpContext.RequestAborted);
        }

        return result;
    }

    /// <summary>The action's expected cost is reserved in the neighbourhood budget, from its organisation's room; refused with the room left.</summary>
    public async Task<IActionResult> OnPostFinanceAsync(Guid actionId)
    {
        try
        {
            var entry = await financing.FinanceActionAsync(Decision.CaseId, actionId, Decision.Actor, HttpContext.RequestAborted);
            return RedirectToPage(new { id = Decision.CaseId, message = $"{entry.Amount.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))} is vastgelegd in het wijkbudget." });
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError("", refused.Message);
            return await AgainAsync();
        }
    }

    public Task<IActionResult> OnPostNoContributionAsync() => ChangeAsync(NoContribution, nameof(NoContribution),
        (c, by, now) => c.RecordNoContributionReason(NoContribution.Reason, by, now), "De reden is vastgelegd.");

    protected override async Task PrepareAsync()
    {
        Financed = await financing.ForCaseAsync(Decision.CaseId, HttpContext.RequestAborted);
        Action.DueDate ??= DutchTime.Today(time).AddDays(14);
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
