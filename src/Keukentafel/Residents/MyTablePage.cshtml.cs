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
    public async Task<IActionResult> OnPostAgreementAsync(Guid meetingId, Guid participantId, bool agreed, int version)
    {
        var ct = HttpContext.RequestAborted;
        if (User.ResidentOf() is not { } resident || await CurrentCaseAsync(resident, ct) is not { } caseId)
        {
            return NotFound();
        }

        var decision = new CaseAccessDecision(true, caseId, resident, await access.ActorAsync(User, ct), null, false);
        try
        {
            await work.ChangeAsync(decision, version, (c, by, now) => c.RecordAgreement(meetingId, participantId, agreed, by, now), ct);
        }
        catch (StaleCaseException)
        {
            ModelState.AddModelError("", "Er is intussen iets veranderd aan uw tafel. Kijk nog een keer en kies opnieuw.");
            await ShowAsync();
            return Page();
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError("", refused.Message);
            await ShowAsync();
            return Page();
        }

        await access.LogAsync(HttpContext, caseId, resident, AuditAction.Change, "mijn keukentafel: wie aan tafel komt", ct);
        return RedirectToPage(new { message = agreed ? "U wilt dat deze persoon komt. Uw hulpverlener ziet het meteen." : "U wilt dat deze persoon niet komt. Uw hulpverlener ziet het meteen." });
    }

    /// <summary>The resident changes one of his three answers in his own words; the earlier answer stays in the history.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(Question question, string? text, int version)
    {
        var ct = HttpContext.RequestAborted;
        if (User.ResidentOf() is not { } resident || await CurrentCaseAsync(resident, ct) is not { } caseId)
        {
            return NotFound();
        }

        var key = $"answer-{question}";
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(key, "Schrijf hier uw antwoord.");
            await ShowAsync();
            return Page();
        }

        var decision = new CaseAccessDecision(true, caseId, resident, await access.ActorAsync(User, ct), null, false);
        try
        {
            await work.ChangeAsync(decision, version, (c, by, now) =>
                c.Answer(question, text, c.CurrentAnswer(question)?.Domains ?? LifeDomains.None, withResident: true, by, now), ct);
        }
        catch (StaleCaseException)
        {
            ModelState.AddModelError(key, "Er is intussen iets veranderd. Kijk nog een keer en probeer het opnieuw.");
            await ShowAsync();
            return Page();
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError(key, refused.Message);
            await ShowAsync();
            return Page();
        }

        await access.LogAsync(HttpContext, caseId, resident, AuditAction.Change, "mijn keukentafel: mijn vragen", ct);
        return RedirectToPage(new { message = "Uw antwoord is bewaard. Uw hulpverlener ziet het meteen." });
    }

    /// <summary>The resident gives his wellbeing mark himself, at the moment it is asked (never a moment he picks in the form).</summary>
    public async Task<IActionResult> OnPostWellbeingAsync(int? mark, int version)
    {
        var ct = HttpContext.RequestAborted;
        if (User.ResidentOf() is not { } resident || await CurrentCaseAsync(resident, ct) is not { } caseId)
        {
            return NotFound();
        }

        await ShowAsync();
        if (Asked is not { } moment)
        {
            ModelState.AddModelError("mark", "Er wordt nu geen cijfer gevraagd.");
            return Page();
        }

        if (mark is not (>= 1 and <= 10))
        {
            ModelState.AddModelError("mark", "Kies een cijfer van 1 tot en met 10.");
            return Page();
        }

        var decision = new CaseAccessDecision(true, caseId, resident, await access.ActorAsync(User, ct), null, false);
        try
        {
            await work.ChangeAsync(decision, version, async (c, by, now) =>
                c.RecordWellbeing(moment, mark.Value, DutchTime.Date(now), null, null, null, await work.EffectSettingsAsync(c.NeighbourhoodId, ct), by, now), ct);
        }
        catch (StaleCaseException)
        {
            ModelState.AddModelError("mark", "Er is intussen iets veranderd. Kijk nog een keer en kies opnieuw.");
            return Page();
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError("mark", refused.Message);
            return Page();
        }

        await access.LogAsync(HttpContext, caseId, resident, AuditAction.Change, "mijn keukentafel: mijn cijfer", ct);
        return RedirectToPage(new { message = $"Dank u. U gaf een {mark}. Uw hulpverlener ziet het meteen." });
    }

    private async Task ShowAsync()
    {
        var ct = HttpContext.RequestAborted;
        Today = DutchTime.Today(time);
        if (User.ResidentOf() is { } resident && await CurrentCaseAsync(resident, ct) is { } id)
        {
            Case = await files.GetAsync(id, ct);
            var given = await db.WellbeingMeasurements.AsNoTracking().Where(m => m.CaseId == id).Select(m => m.Moment).Distinct().ToListAsync(ct);
            Asked = !given.Contains(Effects.MeasurementMoment.Intake) ? Effects.MeasurementMoment.Intake
                : Case!.Status is CaseStatus.SolutionCarriedOut or CaseStatus.Evaluated or CaseStatus.Closed && !given.Contains(Effects.MeasurementMoment.Closure)
                    ? Effects.MeasurementMoment.Closure : null;
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
