using System.ComponentModel.DataAnnotations;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Plans;

/// <summary>Rule deviations with the manager who backs them, and the bottlenecks the case ran into.</summary>
public sealed class DeviationsPage(CaseWork work, CaseFiles files, KeukentafelDbContext db) : CasePageModel(work, files)
{
    public DeviationInput Deviation { get; set; } = new();
    public BottleneckInput Bottleneck { get; set; } = new();
    public IReadOnlyList<SelectListItem> Managers { get; private set; } = [];

    public IEnumerable<SelectListItem> Categories { get; } =
        Enum.GetValues<BottleneckCategory>().Select(c => new SelectListItem(c.Dutch(), c.ToString()));

    public IEnumerable<SelectListItem> LawDomains { get; } = Enum.GetValues<LawDomain>().Select(d => new SelectListItem(d.Dutch(), d.ToString()));

    public Task<IActionResult> OnPostDeviationAsync() => ChangeAsync(Deviation, nameof(Deviation), async (c, by, now) =>
        {
            var manager = await Work.StaffMemberAsync(Deviation.ManagerId!.Value, HttpContext.RequestAborted, field: "ManagerId");
            c.RecordDeviation(Deviation.Rule, Deviation.LawDomain, Deviation.Reason, Deviation.Otherwise, Deviation.OtherwiseCost, manager, by, now);
        },
        "De afwijking is vastgelegd en voorgelegd aan de manager.");

    public Task<IActionResult> OnPostBottleneckAsync() => ChangeAsync(Bottleneck, nameof(Bottleneck),
        (c, by, now) => c.RecordBottleneck(Bottleneck.Category, Bottleneck.LawDomain, Bottleneck.Description, by, now), "Het knelpunt is vastgelegd.");

    protected override async Task PrepareAsync() =>
        Managers = [.. (await db.StaffMembers.AsNoTracking()
                .Where(s => s.Function == StaffFunction.Manager && s.WorkAreas.Any(w => w.NeighbourhoodId == Case.NeighbourhoodId))
                .Select(s => new { s.Id, s.Name, Organisation = s.Organisation!.Name })
                .ToListAsync(HttpContext.RequestAborted))
            .OrderBy(s => s.Organisation).ThenBy(s => s.Name.Family)
            .Select(s => new SelectListItem($"{s.Name.Display}, {s.Organisation}", s.Id.ToString()))];
}

public sealed class DeviationInput
{
    [Required(ErrorMessage = "Vul in van welke regel u afwijkt."), StringLength(500)]
    public string Rule { get; set; } = "";

    [Required(ErrorMessage = "Vul in waarom u afwijkt."), StringLength(4000)]
    public string Reason { get; set; } = "";

    [Required(ErrorMessage = "Vul in wat de regel anders had gekost of veroorzaakt."), StringLength(4000)]
    public string Otherwise { get; set; } = "";

    [Range(0, 10_000_000, ErrorMessage = "Vul een bedrag in tussen 0 en 10.000.000 euro.")]
    public decimal? OtherwiseCost { get; set; }

    [Required(ErrorMessage = "Kies de manager die u steunt.")]
    public Guid? ManagerId { get; set; }

    public LawDomain LawDomain { get; set; } = LawDomain.Other;
}

public sealed class BottleneckInput
{
    public BottleneckCategory Category { get; set; } = BottleneckCategory.Other;

    public LawDomain LawDomain { get; set; } = LawDomain.Other;

    [Required(ErrorMessage = "Beschrijf het knelpunt."), StringLength(4000)]
    public string Description { get; set; } = "";
}
