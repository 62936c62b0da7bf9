using System.ComponentModel.DataAnnotations;
using Keukentafel.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Keukentafel.Meetings;

/// <summary>The table (core rules 2 and 3): the resident's own people, the MDO, and who the resident lets in.</summary>
public sealed class TablePage(CaseWork work, CaseFiles files, Suggestions suggestions, TimeProvider time) : CasePageModel(work, files)
{
    public NetworkInput Network { get; set; } = new();
    public PlanMeetingInput Plan { get; set; } = new();
    public ProposeInput Propose { get; set; } = new();
    public WithdrawInput Withdraw { get; set; } = new();
    public IReadOnlyList<SuggestedProfessional> Suggestions { get; private set; } = [];

    public IEnumerable<SelectListItem> SuggestionItems => Suggestions.Select(s =>
        new SelectListItem($"{s.Name}, {s.Organisation}{(s.Matches == LifeDomains.None ? "" : $" ({s.MatchesText})")}", s.StaffMemberId.ToString()));

    public IEnumerable<SelectListItem> TeamItems => Case.Team.Where(m => m.Role == CaseRole.Participant)
        .Select(m => new SelectListItem(m.Organisation is null ? m.Name : $"{m.Name}, {m.Organisation}", m.StaffMemberId.ToString()));

    public Task<IActionResult> OnPostNetworkAsync() => ChangeAsync(Network, nameof(Network),
        (c, by, now) => c.AddNetworkMember(Network.Name, Network.Relation, Network.Phone, by, now),
        "De persoon is toegevoegd aan het netwerk van de bewoner.");

    public Task<IActionResult> OnPostPlanAsync() => ChangeAsync(Plan, nameof(Plan),
        async (c, by, now) => c.PlanMeeting(DutchTime.ToUtc(Plan.PlannedAt!.Value), Plan.AtHome, Plan.Place, Plan.ReasonNotAtHome,
            await Work.ResidentNameAsync(c, HttpContext.RequestAborted), await Work.StaffMemberAsync(c.CaseBringerId, HttpContext.RequestAborted), by, now),
        "Het MDO is gepland. De bewoner en zijn netwerk staan al aan tafel.");

    public MoveMeetingInput Move { get; set; } = new();

    public Task<IActionResult> OnPostMoveAsync() => ChangeAsync(Move, nameof(Move),
        (c, by, now) => c.MoveMeeting(c.PlannedMeetingId(), DutchTime.ToUtc(Move.PlannedAt!.Value), by, now), "Het MDO is verzet.");

    public Task<IActionResult> OnPostProposeAsync() => ChangeAsync(Propose, nameof(Propose), async (c, by, now) =>
        {
            var professional = await Work.StaffMemberAsync(Propose.StaffMemberId!.Value, HttpContext.RequestAborted);
            c.ProposeProfessional(c.PlannedMeetingId(), professional, professional.Organisation?.Name, by, now);
        },
        "De professional is voorgesteld. Vraag de bewoner of hij dat goed vindt.");

    public Task<IActionResult> OnPostAgreementAsync(Guid participantId, bool agreed) => ApplyAsync(
        (c, by, now) => c.RecordAgreement(c.PlannedMeetingId(), participantId, agreed, by, now),
        agreed ? "De bewoner is akkoord. U kunt de professional nu uitnodigen." : "De bewoner wil dit niet. Deze professional komt niet aan tafel.");

    public Task<IActionResult> OnPostInviteAsync(Guid participantId) => ApplyAsync(
        (c, by, now) => c.Invite(c.PlannedMeetingId(), participantId, by, now), "De professional is uitgenodigd en werkt nu mee aan de casus.");

    public Task<IActionResult> OnPostWithdrawAsync() => ChangeAsync(Withdraw, nameof(Withdraw),
        (c, by, now) => c.WithdrawProfessional(Withdraw.StaffMemberId!.Value, Withdraw.Reason, by, now),
        "De professional werkt niet meer mee en kan de casus niet meer openen.");

    protected override async Task PrepareAsync()
    {
        if (Plan.Place.Length == 0)
        {
            Plan.Place = Case.Resident.Address;
        }

        Plan.PlannedAt ??= DutchTime.Local(time.GetUtcNow().UtcDateTime).Date.AddDays(7).AddHours(10);
        Suggestions = Case.PlannedMeeting is null || !MayLead ? [] : await suggestions.ForCaseAsync(Case.Id, HttpContext.RequestAborted);
    }
}

public sealed class NetworkInput
{
    [Required(ErrorMessage = "Vul de naam in."), StringLength(200)]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Vul in wie dit is voor de bewoner, bijvoorbeeld: dochter."), StringLength(100)]
    public string Relation { get; set; } = "";

    [StringLength(40)]
    public string? Phone { get; set; }
}

public sealed class MoveMeetingInput
{
    [Required(ErrorMessage = "Vul de nieuwe datum en tijd van het MDO in.")]
    public DateTime? PlannedAt { get; set; }
}

public sealed class PlanMeetingInput
{
    [Required(ErrorMessage = "Vul de datum en de tijd van het MDO in.")]
    public DateTime? PlannedAt { get; set; }

    public bool AtHome { get; set; } = true;

    [Required(ErrorMessage = "Vul in waar het MDO is."), StringLength(300)]
    public string Place { get; set; } = "";

    [StringLength(1000)]
    public string? ReasonNotAtHome { get; set; }
}

public sealed class ProposeInput
{
    [Required(ErrorMessage = "Kies de professional die u wilt voorstellen.")]
    public Guid? StaffMemberId { get; set; }
}

public sealed class WithdrawInput
{
    [Required(ErrorMessage = "Kies de professional.")]
    public Guid? StaffMemberId { get; set; }

    [Required(ErrorMessage = "Schrijf op waarom de bewoner dit niet meer wil."), StringLength(2000)]
    public string Reason { get; set; } = "";
}
