using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Residents;

/// <summary>
/// "My kitchen table" (issue 10): the resident's own case as he needs it: his three questions, who is at his table, the
/// next meeting, his plan and his contribution, the six weeks in words. Only his own case; every look is logged as his.
/// </summary>
public sealed class MyTablePage(KeukentafelDbContext db, CaseFiles files, CaseWork work, CaseAccess access, TrustedPeople trusted,
    IStringLocalizer<MyTablePage> texts, TimeProvider time) : ResidentPageModel(trusted), IRefusablePage
{
    /// <summary>Where the sent form shows a refusal, and what a stale save says, in the page's language.</summary>
    private string? refusedKey;
    private string? staleText;

    /// <summary>The page's texts: Resources/Residents/MyTablePage.resx (Dutch) and its translations.</summary>
    public IStringLocalizer<MyTablePage> Texts => texts;

    /// <summary>What a trusted person's changes say about who made them, in the case history.</summary>
    public const string TrustedPersonLabel = "kijkt mee met de bewoner";

    public CaseFile? Case { get; private set; }

    public DateOnly Today { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The residents this person looks along with (shown on his own start, never on a resident's pages he looks at).</summary>
    public IReadOnlyList<LookingAlong> Along { get; private set; } = [];

    /// <summary>The moment his wellbeing mark is asked now: at the start, and when his solution was carried out.</summary>
    public Effects.MeasurementMoment? Asked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? message)
    {
        Message = message;
        return await ShowAsync() ? Page() : NotFound();
    }

    /// <summary>
    /// The resident says himself whether a proposed professional may come to his table (core rule 3): the same agreement
    /// his professional records for him, with the same consequences. Only on his own case, taken from his sign-in.
    /// </summary>
    public Task<IActionResult> OnPostAgreementAsync(Guid meetingId, Guid participantId, bool agreed, int version) =>
        ChangeAsync(version, "", texts["StaleTable"], "tafel",
            agreed ? texts["AgreedDone"] : texts["RefusedDone"],
            (c, by, now) =>
            {
                c.RecordAgreement(meetingId, participantId, agreed, by, now);
                return Task.CompletedTask;
            });

    /// <summary>
    /// The resident invites someone of his own to his table (core rule 3: his own people are part of the solution): they
    /// join his network and the planned meeting, no agreement needed.
    /// </summary>
    public Task<IActionResult> OnPostInviteAsync(string? name, string? relation, int version)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            ModelState.AddModelError("invite-name", texts["InviteNameRequired"]);
        }

        if (string.IsNullOrWhiteSpace(relation) || relation.Length > 100)
        {
            ModelState.AddModelError("invite-relation", texts["InviteRelationRequired"]);
        }

        return ChangeAsync(version, "invite-name", texts["StaleTable"], "netwerk", texts["InviteDone", name?.Trim() ?? ""], (c, by, now) =>
        {
            c.AddNetworkMember(name!.Trim(), relation!.Trim(), null, by, now);
            return Task.CompletedTask;
        });
    }

    /// <summary>The resident changes one of his three answers in his own words; the earlier answer stays in the history.</summary>
    public Task<IActionResult> OnPostAnswerAsync(Question question, string? text, int version)
    {
        var key = $"answer-{question}";
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(key, texts["AnswerRequired"]);
        }

        return ChangeAsync(version, key, texts["Stale"], "vragen", texts["AnswerDone"], (c, by, now) =>
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
            ModelState.AddModelError("mark", texts["MarkRequired"]);
        }

        return ChangeAsync(version, "mark", texts["Stale"], "welbevinden", texts["MarkDone", mark ?? 0], async (c, by, now) =>
            {
                var moment = Cases.Case.AskedOfResident([.. c.Measurements.Select(m => m.Moment)], c.Status, c.FollowUpDue, DutchTime.Date(now))
                    ?? throw DomainException.About("mark", "wellbeing.not_asked", texts["MarkNotAsked"]);
                c.RecordWellbeing(moment, mark!.Value, DutchTime.Date(now), null, null, null,
                    await work.EffectSettingsAsync(c.NeighbourhoodId, HttpContext.RequestAborted), by, now);
            });
    }

    /// <summary>
    /// One change by the resident to his own case (the case of his sign-in, never one named in the form), as himself:
    /// saved with the version he read, logged, and the page again with the message at <paramref name="key"/> when refused.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(int version, string key, string stale, string part, string done,
        Func<Cases.Case, Actor, DateTime, Task> change)
    {
        var ct = HttpContext.RequestAborted;
        if (await WhoseAsync(part, AuditAction.Change) is not { } whose || await CurrentCaseAsync(whose.ResidentId, ct) is not { } caseId)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await ShowAsync();
            return Page();
        }

        (refusedKey, staleText) = (key, stale);
        var actor = await access.ActorAsync(ct);
        await work.ChangeAsync(new CaseAccessDecision(true, caseId, whose.ResidentId,
                whose.ByTrustedPerson ? actor with { Organisation = TrustedPersonLabel } : actor, null, false),
            version, change, ct);
        await access.LogAsync(caseId, whose.ResidentId, AuditAction.Change, part, ct);
        return RedirectToPage(new { message = done, voor = Voor });
    }

    /// <summary>A refusal goes beside the one form that was sent; a stale one says so in the page's language.</summary>
    public string? FieldKey(DomainException refused) => refusedKey;

    public string MessageOf(DomainException refused) => refused is Cases.StaleCaseException ? staleText ?? refused.Message : refused.Message;

    public async Task<IActionResult> ShowAgainAsync(DomainException refused)
    {
        await ShowAsync();
        return Page();
    }

    /// <summary>Loads the page; false when it is not this person's to see (a withdrawn or someone else's consent).</summary>
    private async Task<bool> ShowAsync()
    {
        var ct = HttpContext.RequestAborted;
        Today = DutchTime.Today(time);
        var whose = await WhoseAsync("keukentafel");
        if (whose is null && Voor is not null)
        {
            return false;
        }

        if (!(whose?.ByTrustedPerson ?? false))
        {
            Along = await Trusted.AlongWithAsync(User, ct);
        }

        if (whose is { ResidentId: var resident } && await CurrentCaseAsync(resident, ct) is { } id)
        {
            Case = await files.GetAsync(id, ct);
            var measured = await db.WellbeingMeasurements.AsNoTracking().Where(m => m.CaseId == id).Select(m => m.Moment).Distinct().ToListAsync(ct);
            var followUpDue = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.FollowUpDue).SingleAsync(ct);
            Asked = Cases.Case.AskedOfResident(measured, Case!.Status, followUpDue, Today);
            await access.LogAsync(id, resident, AuditAction.Read, "keukentafel", ct);
        }

        return true;
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
            return solved ? texts["InTime"] : texts["Late"];
        }

        var days = c.Deadline.DayNumber - Today.DayNumber;
        var date = c.Deadline.ToString(texts["DayMonth"], Web.Language.OfTexts);
        return days switch
        {
            > 1 => texts["DaysLeft", days, date],
            1 => texts["DayLeft", date],
            0 => texts["DueToday"],
            _ => texts["Over", date],
        };
    }
}
