using Keukentafel.Cases;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Residents;

/// <summary>
/// "My kitchen table" (issue 10): the resident's own case as he needs it: his three questions, who is at his table, the
/// next meeting, his plan and his contribution, the six weeks in words. Only his own case; every look is logged as his.
/// What he reads and does here is <see cref="ResidentTable"/>'s, which the API uses too.
/// </summary>
public sealed class MyTablePage(ResidentTable table, TrustedPeople trusted, IStringLocalizer<MyTablePage> texts, MyPlanPdf plan,
    IStringLocalizer<MyPlanTexts> planTexts, TimeProvider time)
    : ResidentPageModel(trusted), IRefusablePage
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

    /// <summary>The texts of the link to "Mijn plan".</summary>
    public IStringLocalizer<MyPlanTexts> PlanTexts => planTexts;

    /// <summary>"Mijn plan" as a PDF for his fridge, in his language; a download, logged as one.</summary>
    public async Task<IActionResult> OnGetPlanAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (await WhoseAsync(ResidentTable.PlanPart, AuditAction.Export) is not { } whose || await table.PlanAsync(whose.ResidentId, ct) is not { } file)
        {
            return NotFound();
        }

        return File(await plan.BuildAsync(file, ct), "application/pdf", $"{planTexts["Title"].Value.ToLowerInvariant().Replace(' ', '-')}.pdf");
    }

    /// <summary>The resident says himself whether a proposed professional may come to his table (core rule 3).</summary>
    public Task<IActionResult> OnPostAgreementAsync(Guid meetingId, Guid participantId, bool agreed, int version) =>
        ChangeAsync("", texts["StaleTable"], ResidentTable.AgreementPart, agreed ? texts["AgreedDone"] : texts["RefusedDone"],
            (whose, caseId, ct) => table.AgreeAsync(whose, caseId, version, meetingId, participantId, agreed, ct));

    /// <summary>The resident invites someone of his own to his table (core rule 3: his own people are part of the solution).</summary>
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

        return ChangeAsync("invite-name", texts["StaleTable"], ResidentTable.InvitePart, texts["InviteDone", name?.Trim() ?? ""],
            (whose, caseId, ct) => table.InviteAsync(whose, caseId, version, name!, relation!, ct));
    }

    /// <summary>The resident changes one of his three answers in his own words; the earlier answer stays in the history.</summary>
    public Task<IActionResult> OnPostAnswerAsync(Question question, string? text, int version)
    {
        var key = $"answer-{question}";
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(key, texts["AnswerRequired"]);
        }

        return ChangeAsync(key, texts["Stale"], ResidentTable.AnswerPart, texts["AnswerDone"],
            (whose, caseId, ct) => table.AnswerAsync(whose, caseId, version, question, text!, ct));
    }

    /// <summary>The resident gives his wellbeing mark himself, at the moment it is asked (never a moment he picks in the form).</summary>
    public Task<IActionResult> OnPostWellbeingAsync(int? mark, int version)
    {
        if (mark is not (>= 1 and <= 10))
        {
            ModelState.AddModelError("mark", texts["MarkRequired"]);
        }

        return ChangeAsync("mark", texts["Stale"], ResidentTable.WellbeingPart, texts["MarkDone", mark ?? 0],
            (whose, caseId, ct) => table.GiveMarkAsync(whose, caseId, version, mark!.Value, ct));
    }

    /// <summary>
    /// One change by the resident to his own case (the case of his sign-in, never one named in the form): the page again
    /// with the message at <paramref name="key"/> when refused.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(string key, string stale, string part, string done, Func<PagesOf, Guid, CancellationToken, Task> change)
    {
        var ct = HttpContext.RequestAborted;
        if (await WhoseAsync(part, AuditAction.Change) is not { } whose || await table.CaseOfAsync(whose.ResidentId, ct) is not { } caseId)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await ShowAsync();
            return Page();
        }

        (refusedKey, staleText) = (key, stale);
        await change(whose, caseId, ct);
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
        var whose = await WhoseAsync(ResidentTable.ReadPart);
        if (whose is null && Voor is not null)
        {
            return false;
        }

        if (!(whose?.ByTrustedPerson ?? false))
        {
            Along = await Trusted.AlongWithAsync(User, ct);
        }

        if (whose is { ResidentId: var resident } && await table.ReadAsync(resident, ct) is { } read)
        {
            (Case, Asked) = read;
        }

        return true;
    }

    /// <summary>The six weeks in plain words: how many days are left, or how it went.</summary>
    public string SixWeeks(CaseFile c) => table.SixWeeks(c, Today);
}
