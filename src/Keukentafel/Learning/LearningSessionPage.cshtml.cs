using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Budget;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Learning;

/// <summary>One learning session: its proposed agenda as the user may see it, and the minutes (kept by the coordinator).</summary>
public sealed class LearningSessionPage(LearningSessions sessions) : PageModel
{
    public SessionView Session { get; private set; } = null!;
    public string? Message { get; private set; }
    public bool Coordinates { get; private set; }

    public MinutesInput Minutes { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? message)
    {
        Message = message;
        return await ShowAsync(id, keepInput: false);
    }

    public async Task<IActionResult> OnPostMinutesAsync(Guid id, [Bind(Prefix = nameof(Minutes))] MinutesInput input)
    {
        Minutes = input;
        if (ModelState.IsValid)
        {
            try
            {
                await sessions.RecordMinutesAsync(HttpContext, id, input.Version, input.Text, HttpContext.RequestAborted);
                return RedirectToPage(new { id, message = "Het verslag is bewaard." });
            }
            catch (NotYoursException)
            {
                return NotFound();
            }
            catch (DomainException refused)
            {
                ModelState.AddModelError($"{nameof(Minutes)}.Text", refused.Message);
            }
        }

        return await ShowAsync(id, keepInput: true);
    }

    private async Task<IActionResult> ShowAsync(Guid id, bool keepInput)
    {
        var ct = HttpContext.RequestAborted;
        try
        {
            if (await sessions.GetAsync(HttpContext, id, ct) is not { } session)
            {
                return NotFound();
            }

            Session = session;
        }
        catch (NotYoursException)
        {
            return NotFound();
        }

        Coordinates = (await sessions.NeighbourhoodsAsync(HttpContext, ct)).Any(n => n.Id == Session.NeighbourhoodId && n.Coordinates);
        if (!keepInput)
        {
            Minutes = new MinutesInput { Text = Session.Minutes, Version = Session.Version };
        }

        return Page();
    }
}

public sealed class MinutesInput
{
    [StringLength(20_000, ErrorMessage = "Het verslag is te lang (meer dan 20.000 tekens).")]
    public string? Text { get; set; }

    public int Version { get; set; }
}
