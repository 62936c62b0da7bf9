using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Learning;

/// <summary>One learning session: its proposed agenda as the user may see it, and the minutes (kept by the coordinator).</summary>
public sealed class LearningSessionPage(LearningSessions sessions) : PageModel, IRefusablePage
{
    public SessionView Session { get; private set; } = null!;
    public string? Message { get; private set; }
    public bool Coordinates { get; private set; }

    public MinutesInput Minutes { get; set; } = new();

    public LessonInput Lesson { get; set; } = new();

    public bool WorksWithCases => User.WorksWithCases();

    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Kinds { get; } =
        Enum.GetValues<LessonKind>().Select(k => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(k.Dutch(), k.ToString()));

    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Statuses { get; } =
        Enum.GetValues<LessonStatus>().Select(k => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(k.Dutch(), k.ToString()));

    /// <summary>The lesson whose follow-up was refused: its form shows the message.</summary>
    public Guid? Refused { get; private set; }

    public string? RefusedMessage { get; private set; }

    /// <summary>Where the handler's refusal goes, where the form's names differ from the rule's.</summary>
    private Func<DomainException, string?>? fieldKey;

    public async Task<IActionResult> OnGetAsync(Guid id, string? message)
    {
        Message = message;
        return await ShowAsync(id, keepInput: false);
    }

    public async Task<IActionResult> OnPostMinutesAsync(Guid id, [Bind(Prefix = nameof(Minutes))] MinutesInput input)
    {
        Minutes = input;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, keepInput: true);
        }

        fieldKey = _ => $"{nameof(Minutes)}.Text";
        await sessions.RecordMinutesAsync(id, input.Version, input.Text, HttpContext.RequestAborted);
        return RedirectToPage(new { id, message = "Het verslag is bewaard." });
    }

    public async Task<IActionResult> OnPostLessonAsync(Guid id, [Bind(Prefix = nameof(Lesson))] LessonInput input)
    {
        Lesson = input;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, keepInput: true);
        }

        // The rule calls the lesson's cases "Cases"; the form has their numbers.
        fieldKey = refused => refused.Field == "Cases" ? $"{nameof(Lesson)}.{nameof(LessonInput.CaseNumbers)}" : null;
        var numbers = (input.CaseNumbers ?? "").Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await sessions.RecordLessonAsync(id, input.Kind, input.Text, null, input.Owner, numbers, HttpContext.RequestAborted);
        return RedirectToPage(new { id, message = "De les is vastgelegd." });
    }

    public async Task<IActionResult> OnPostFollowAsync(Guid id, Guid lessonId, int version, LessonStatus status, string? note)
    {
        Refused = lessonId;
        fieldKey = _ => "";
        await sessions.FollowLessonAsync(lessonId, status, note, version, HttpContext.RequestAborted);
        return RedirectToPage(new { id, message = "Bijgewerkt wat er van de les geworden is." });
    }

    public string? FieldKey(DomainException refused) => fieldKey?.Invoke(refused);

    public Task<IActionResult> ShowAgainAsync(DomainException refused)
    {
        var id = this.RouteId();
        if (Refused is not null)
        {
            // The follow-up of one lesson: its own form shows the message, with the lesson as it is now.
            RefusedMessage = refused.Message;
            return ShowAsync(id, keepInput: false);
        }

        return ShowAsync(id, keepInput: true);
    }

    private async Task<IActionResult> ShowAsync(Guid id, bool keepInput)
    {
        var ct = HttpContext.RequestAborted;
        if (await sessions.GetAsync(id, ct) is not { } session)
        {
            return NotFound();
        }

        Session = session;
        Coordinates = (await sessions.NeighbourhoodsAsync(ct)).Any(n => n.Id == Session.NeighbourhoodId && n.Coordinates);
        if (!keepInput)
        {
            Minutes = new MinutesInput { Text = Session.Minutes, Version = Session.Version };
        }

        return Page();
    }
}

public sealed class LessonInput
{
    public LessonKind Kind { get; set; } = LessonKind.Learned;

    [Required(ErrorMessage = "Schrijf de les op."), StringLength(4_000, ErrorMessage = "De les is te lang (meer dan 4.000 tekens).")]
    public string? Text { get; set; }

    [Required(ErrorMessage = "Noem wie deze les oppakt."), StringLength(300)]
    public string? Owner { get; set; }

    [StringLength(2_000)]
    public string? CaseNumbers { get; set; }
}

public sealed class MinutesInput
{
    [StringLength(20_000, ErrorMessage = "Het verslag is te lang (meer dan 20.000 tekens).")]
    public string? Text { get; set; }

    public int Version { get; set; }
}
