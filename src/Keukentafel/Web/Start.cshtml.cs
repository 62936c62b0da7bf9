using Keukentafel.Accounts;
using Keukentafel.Budget;
using Keukentafel.Cases;
using Keukentafel.Learning;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Keukentafel.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Web;

/// <summary>The start page: what the signed-in person needs first, by role.</summary>
public sealed class StartPage(
    StaffDirectory directory, ResidentTable table, TrustedPeople trusted, StaffWork work, DeviationBacking backing, Decisions decisions,
    LearningSessions learning, IAuthorizationService authorization) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public StaffStart? Staff { get; private set; }
    public bool IsResident { get; private set; }

    /// <summary>A professional's work first: late cases, the cases to do first, this week's meetings, follow-ups due.</summary>
    public WorkFirst? Work { get; private set; }
    public bool IsAdministrator { get; private set; }

    /// <summary>A coordinator's neighbourhoods: the late cases there.</summary>
    public NeighbourhoodWork? Coordination { get; private set; }

    /// <summary>A manager's: the deviations that wait for his backing and the budget requests for his decision.</summary>
    public (Waiting Deviations, Waiting Decisions)? Management { get; private set; }

    /// <summary>Every staff member's: the next learning session of each of his neighbourhoods.</summary>
    public IReadOnlyList<SessionSoon> Sessions { get; private set; } = [];

    /// <summary>The lessons of learning sessions he owns that are not done yet.</summary>
    public IReadOnlyList<LessonToFollow> Lessons { get; private set; } = [];

    /// <summary>The resident's own case, read as a look at his file, for what waits for him; null without one.</summary>
    public CaseFile? Case { get; private set; }

    /// <summary>The wellbeing mark asked of the resident now, if any.</summary>
    public Effects.MeasurementMoment? Asked { get; private set; }

    /// <summary>The residents a trusted person looks along with.</summary>
    public IReadOnlyList<LookingAlong> Along { get; private set; } = [];

    /// <summary>The people proposed for the resident's next meeting who wait for his yes or no.</summary>
    public int Decisions => Case?.PlannedMeeting?.Participants.Count(p => p.WaitsForResident) ?? 0;

    public async Task OnGetAsync()
    {
        DisplayName = User.FindFirst(AccountClaims.DisplayName)?.Value ?? "";
        IsResident = User.IsInRole(Roles.Resident);
        IsAdministrator = User.IsInRole(Roles.Administrator);
        var ct = HttpContext.RequestAborted;
        if (User.StaffId() is { } staffId)
        {
            Staff = await directory.StaffStartAsync(staffId, ct);
            if ((await authorization.AuthorizeAsync(User, Policies.CaseWork)).Succeeded)
            {
                Work = await work.ForAsync(staffId, ct);
            }

            if ((await authorization.AuthorizeAsync(User, Policies.Coordination)).Succeeded)
            {
                Coordination = await work.CoordinationAsync(staffId, ct);
            }

            if ((await authorization.AuthorizeAsync(User, Policies.Management)).Succeeded)
            {
                Management = (await backing.WaitingAsync(ct), await decisions.WaitingAsync(ct));
            }

            Sessions = await learning.NextAsync(ct);
            Lessons = await learning.MyLessonsAsync(ct);
        }
        else if (IsResident && await trusted.WhoseAsync(null, ResidentTable.ReadPart, ct) is { } own && await table.ReadAsync(own.ResidentId, ct) is { } read)
        {
            (Case, Asked) = read;
        }
        else if (User.IsInRole(Roles.TrustedPerson))
        {
            Along = await trusted.AlongWithAsync(User, ct);
        }
    }
}
