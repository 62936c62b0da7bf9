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
    public HandOverInput HandOver { get; set; } = new();
    public IReadOnlyList<SelectListItem> Professionals { get; private set; } = [];

    public Task<IActionResult> OnPostCarriedOutAsync() =>
        ApplyAsync((c, by, now) => c.MarkSolutionCarriedOut(by, now), "De oplossing is uitgevoerd.");

    public Task<IActionResult> OnPostEvaluateAsync() =>
        ChangeAsync(Evaluation, nameof(Evaluation), (c, by, now) => c.Evaluate(Evaluation.Evaluation, by, now), "De evaluatie is vastgelegd.");

    public Task<IActionResult> OnPostCloseAsync() =>
        ApplyAsync(async (c, by, now) => c.Close(by, now, (await Work.EffectSettingsAsync(c.NeighbourhoodId, HttpContext.RequestAborted)).FollowUpMonths),
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
