using System.ComponentModel.DataAnnotations;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Cases;

/// <summary>The lifecycle: only the allowed next step is offered, and only to the case bringer or the coordinator.</summary>
public sealed class StepsPage(CaseWork work, CaseFiles files, KeukentafelDbContext db) : CasePageModel(work, files)
{
    public EvaluationInput Evaluation { get; set; } = new();
    public ReopenInput Reopen { get; set; } = new();
    public CloseInput Closing { get; set; } = new();
    public HandOverInput HandOver { get; set; } = new();
    public IReadOnlyList<SelectListItem> Professionals { get; private set; } = [];

    public Task<IActionResult> OnPostCarriedOutAsync() =>
        ApplyAsync((c, by, now) => c.MarkSolutionCarriedOut(by, now), "De oplossing is uitgevoerd.");

    public Task<IActionResult> OnPostEvaluateAsync() =>
        ChangeAsync(Evaluation, nameof(Evaluation), (c, by, now) => c.Evaluate(Evaluation.Evaluation, by, now), "De evaluatie is vastgelegd.");

    /// <summary>
    /// Closing asks for the resident's contribution in the same screen (core rule 7): what he did in return, or a contribution
    /// in the plan now done, or why there is none. All of it and the closing are one change, or none of it is.
    /// </summary>
    public Task<IActionResult> OnPostCloseAsync() => ChangeAsync(Closing, nameof(Closing), async (c, by, now) =>
        {
            foreach (var done in Closing.DoneContributionIds.Distinct())
            {
                if (!c.Action(done).IsContribution)
                {
                    throw DomainException.About("DoneContributionIds", "action.not_a_contribution", "Kies een bijdrage van de bewoner.");
                }

                c.ChangeActionStatus(done, Plans.ActionStatus.Done, null, by, now);
            }

            if (!string.IsNullOrWhiteSpace(Closing.Contribution))
            {
                var added = c.AddAction(Closing.Contribution, new ActionCarrier(Plans.Carrier.Resident), null, null, Plans.LawDomain.Other, null,
                    DutchTime.Date(now), true, await Work.ResidentNameAsync(c, HttpContext.RequestAborted), by, now);
                c.ChangeActionStatus(added.Id, Plans.ActionStatus.Done, null, by, now);
            }

            if (!string.IsNullOrWhiteSpace(Closing.NoContributionReason))
            {
                c.RecordNoContributionReason(Closing.NoContributionReason, by, now);
            }

            c.Close(by, now, (await Work.EffectSettingsAsync(c.NeighbourhoodId, HttpContext.RequestAborted)).FollowUpMonths);
        },
        "De casus is afgesloten.");

    public Task<IActionResult> OnPostReopenAsync() =>
        ChangeAsync(Reopen, nameof(Reopen), (c, by, now) => c.Reopen(Reopen.Reason, by, now), "De casus is heropend.");

    public Task<IActionResult> OnPostHandOverAsync() => ChangeAsync(HandOver, nameof(HandOver), async (c, by, now) =>
        {
            var next = await Work.StaffMemberAsync(HandOver.StaffMemberId!.Value, HttpContext.RequestAborted);
            c.HandOverTo(next, by, now);
        },
        "De casus is overgedragen. U blijft aan tafel.", "/Cases/CaseOverview");

    protected override async Task PrepareAsync() =>
        Professionals = [.. (await db.StaffMembers.AsNoTracking()
                .Where(s => s.Id != Case.CaseBringerId && (s.Function == StaffFunction.Professional || s.Function == StaffFunction.Coordinator)
                            && s.WorkAreas.Any(w => w.NeighbourhoodId == Case.NeighbourhoodId))
                .Select(s => new { s.Id, s.Name, Organisation = s.Organisation == null ? null : s.Organisation.Name })
                .ToListAsync(HttpContext.RequestAborted))
            .OrderBy(s => s.Name.Family).ThenBy(s => s.Name.Given)
            .Select(s => new SelectListItem(s.Organisation is null ? s.Name.Display : $"{s.Name.Display}, {s.Organisation}", s.Id.ToString()))];
}

public sealed class EvaluationInput
{
    [Required(ErrorMessage = "Schrijf kort op hoe het ging, samen met de bewoner."), StringLength(4000)]
    public string Evaluation { get; set; } = "";
}

public sealed class CloseInput
{
    /// <summary>Contributions in the plan that the resident has done by now.</summary>
    public List<Guid> DoneContributionIds { get; set; } = [];

    /// <summary>What the resident did in return, if it is not in the plan yet.</summary>
    [StringLength(1000)]
    public string? Contribution { get; set; }

    [StringLength(2000)]
    public string? NoContributionReason { get; set; }
}

public sealed class ReopenInput
{
    [Required(ErrorMessage = "Schrijf op waarom de casus weer open gaat."), StringLength(2000)]
    public string Reason { get; set; } = "";
}

public sealed class HandOverInput
{
    [Required(ErrorMessage = "Kies aan wie u de casus overdraagt.")]
    public Guid? StaffMemberId { get; set; }
}
