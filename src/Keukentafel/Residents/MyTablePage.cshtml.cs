using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Residents;

/// <summary>
/// "My kitchen table" (issue 10): the resident's own case as he needs it: his three questions, who is at his table, the
/// next meeting, his plan and his contribution, the six weeks in words. Only his own case; every look is logged as his.
/// </summary>
public sealed class MyTablePage(KeukentafelDbContext db, CaseFiles files, CaseWork work, CaseAccess access, TimeProvider time) : PageModel
{
    public CaseFile? Case { get; private set; }

    public DateOnly Today { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The moment his wellbeing mark is asked now: at the start, and when his solution was carried out.</summary>
    public Effects.MeasurementMoment? Asked { get; private set; }

    public async Task OnGetAsync(string? message)
    {
        Message = message;
        await ShowAsync();
    }

    /// <summary>
    /// The resident says himself whether a proposed professional may come to his table (core rule 3): the same agreement
    /// his professional records for him, with the same consequences. Only on his own case, taken from his sign-in.
    /// </summary>
    public Task<IActionResult> OnPostAgreementAsync(Guid meetingId, Guid participantId, bool agreed, int version) =>
        ChangeAsync(version, "", "Er is intussen iets veranderd aan uw tafel. Kijk nog een keer en kies opnieuw.", "mijn keukentafel: wie aan tafel komt",
            agreed ? "U wilt dat deze persoon komt. Uw hulpverlener ziet het meteen." : "U wilt dat deze persoon niet komt. Uw hulpverlener ziet het meteen.",
            (c, by, now) =>
            {
                c.RecordAgreement(meetingId, participantId, agreed, by, now);
                return Task.CompletedTask;
            });

    /// <summary>The resident changes one of his three answers in his own words; the earlier answer stays in the history.</summary>
    public Task<IActionResult> OnPostAnswerAsync(Question question, string? text, int version)
    {
        var key = $"answer-{question}";
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(key, "Schrijf hier uw antwoord.");
        }

        return ChangeAsync(version, key, "Er is intussen iets veranderd. Kijk nog een keer en probeer het opnieuw.", "mijn keukentafel: mijn vragen",
            "Uw antwoord is bewaard. Uw hulpverlener ziet het meteen.", (c, by, now) =>
            {
                c.Answer(question, text!, c.CurrentAnswer(question)?.Domains ?? LifeDomains.None, withResident: true, by, now);
                return Task.CompletedTask;
            });
    }

    /// <summary>The resident gives his wellbeing mark himself, at the moment it is asked (never a moment he picks in the form).</summary>
    public Task<IActionResult> OnPostWellbeingAsync(int? mark, int version)
    {
        if (mark is not (>= 1 and <= 10))
        {
            ModelState.AddModelError("mark", "Kies een cijfer van 1 tot en met 10.");
        }

        return ChangeAsync(version, "mark", "Er is intussen iets veranderd. Kijk nog een keer en kies opnieuw.", "mijn keukentafel: mijn cijfer",
            $"Dank u. U gaf een {mark}. Uw hulpverlener ziet het meteen.", async (c, by, now) =>
            {
                var moment = Cases.Case.AskedOfResident([.. c.Measurements.Select(m => m.Moment)], c.Status)
                    ?? throw DomainException.About("mark", "wellbeing.not_asked", "Er wordt nu geen cijfer gevraagd.");
                c.RecordWellbeing(moment, mark!.Value, DutchTime.Date(now), null, null, null, await work.EffectSettingsAsync(c.NeighbourhoodId, HttpContext.RequestAborted), by, now);
            });
    }

    /// <summary>
    /// One change by the resident to his own case (the case of his sign-in, never one named in the form), as himself:
    /// saved with the version he read, logged, and the page again with the message at <paramref name="key"/> when refused.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(int version, string key, string stale, string part, string done, Func<Cases.Case, Actor, DateTime, Task> change)
    {
        var ct = HttpContext.RequestAborted;
        if (User.ResidentOf() is not { } resident || await CurrentCaseAsync(resident, ct) is not { } caseId)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                await work.ChangeAsync(new CaseAccessDecision(true, caseId, resident, await access.ActorAsync(User, ct), null, false), version, change, ct);
                await access.LogAsync(HttpContext, caseId, resident, AuditAction.Change, part, ct);
                return RedirectToPage(new { message = done });
            }
            catch (StaleCaseException)
            {
                ModelState.AddModelError(key, stale);
            }
            catch (DomainException refused)
            {
                ModelState.AddModelError(key, refused.Message);
            }
        }

        await ShowAsync();
        return Page();
    }

    private async Task ShowAsync()
    {
        var ct = HttpContext.RequestAborted;
        Today = DutchTime.Today(time);
        if (User.ResidentOf() is { } resident && await CurrentCaseAsync(resident, ct) is { } id)
        {
            Case = await files.GetAsync(id, ct);
            var measured = await db.WellbeingMeasurements.AsNoTracking().Where(m => m.CaseId == id).Select(m => m.Moment).Distinct().ToListAsync(ct);
            Asked = Cases.Case.AskedOfResident(measured, Case!.Status);
            await access.LogAsync(HttpContext, id, resident, AuditAction.Read, "mijn keukentafel", ct);
        }
    }

    /// <summary>His open case first, else the newest one.</summary>
    private Task<Guid?> CurrentCaseAsync(Guid resident, CancellationToken ct) =>
        db.Cases.AsNoTracking().Where(c => c.ResidentId == resident)
            .OrderBy(c => c.Status == CaseStatus.Closed).ThenByDescending(c => c.SignalledAtUtc)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

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
