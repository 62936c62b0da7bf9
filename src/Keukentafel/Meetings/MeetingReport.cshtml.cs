using System.ComponentModel.DataAnnotations;
using Keukentafel.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Keukentafel.Meetings;

/// <summary>The MDO was held: who was there, the decisions, and the plan agreed by all.</summary>
public sealed class MeetingReportPage(CaseWork work, CaseFiles files, TimeProvider time) : CasePageModel(work, files)
{
    /// <summary>The day of the planned meeting when it is still to come: its report waits until then.</summary>
    public DateOnly? NotYet => Case.PlannedMeeting is { } m && DutchTime.Date(m.PlannedAtUtc) > DutchTime.Today(time) ? DutchTime.Date(m.PlannedAtUtc) : null;

    public MeetingReportInput Report { get; set; } = new();

    /// <summary>After a refused post the boxes stay as the user left them; on a fresh page everyone is ticked.</summary>
    public bool Posted { get; private set; }

    public Task<IActionResult> OnPostAsync()
    {
        Posted = true;
        return ChangeAsync(Report, nameof(Report),
            (c, by, now) => c.RecordMeetingHeld(c.PlannedMeetingId(), Report.Attended.ToHashSet(), Report.Decisions, Report.PlanAgreedByAll, by, now),
            "Het verslag van het MDO is vastgelegd.", "/Meetings/Table");
    }
}

public sealed class MeetingReportInput
{
    public List<Guid> Attended { get; set; } = [];

    [Required(ErrorMessage = "Schrijf kort op wat er aan tafel is besloten."), StringLength(8000)]
    public string Decisions { get; set; } = "";

    public bool PlanAgreedByAll { get; set; }
}
