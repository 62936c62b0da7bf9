using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Residents;

/// <summary>
/// "My kitchen table" (issue 10): the resident's own case as he needs it: his three questions, who is at his table, the
/// next meeting, his plan and his contribution, the six weeks in words. Only his own case; every look is logged as his.
/// </summary>
public sealed class MyTablePage(KeukentafelDbContext db, CaseFiles files, CaseAccess access, TimeProvider time) : PageModel
{
    public CaseFile? Case { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Today = DutchTime.Today(time);
        if (User.ResidentOf() is not { } resident)
        {
            return;
        }

        // His open case first, else the newest one.
        var caseId = await db.Cases.AsNoTracking().Where(c => c.ResidentId == resident)
            .OrderBy(c => c.Status == CaseStatus.Closed).ThenByDescending(c => c.SignalledAtUtc)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (caseId is { } id)
        {
            Case = await files.GetAsync(id, ct);
            await access.LogAsync(HttpContext, id, resident, AuditAction.Read, "mijn keukentafel", ct);
        }
    }

    /// <summary>The six weeks in plain words: how many days are left, or how it went.</summary>
    public string SixWeeks(CaseFile c)
    {
        if (c.SolvedWithinSixWeeks is { } solved)
        {
            return solved ? "Uw oplossing is binnen zes weken uitgevoerd." : "Uw oplossing is uitgevoerd, maar later dan zes weken.";
        }

        var days = c.Deadline.DayNumber - Today.DayNumber;
        var date = c.Deadline.ToString("d MMMM", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
        return days switch
        {
            > 1 => $"Nog {days} dagen. Op {date} moet uw oplossing klaar zijn.",
            1 => $"Nog 1 dag. Morgen, {date}, moet uw oplossing klaar zijn.",
            0 => "Vandaag moet uw oplossing klaar zijn.",
            _ => $"De zes weken zijn voorbij sinds {date}. Uw hulpverlener praat met u over hoe het verder gaat.",
        };
    }
}
