using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Cases;

/// <summary>
/// What every page of a case file shares: the file (read after the access check the page filter did), the version
/// the user saw, and one way to make a change: Post, Redirect, Get on success; the Dutch message beside the field
/// (or at the top) when a rule refuses (<see cref="RefusalPageFilter"/>); and, when someone else changed the case in
/// between, what he changed.
/// </summary>
public abstract class CasePageModel(CaseWork work, CaseFiles files) : PageModel, IRefusablePage
{
    public CaseFile Case { get; private set; } = null!;

    public CaseAccessDecision Decision => HttpContext.CaseDecision();

    /// <summary>The case bringer or the coordinator: they steer the case and decide who is invited.</summary>
    public bool MayLead => Decision.Role == CaseRole.Bringer || Decision.IsCoordinator;

    /// <summary>The version the user saw when the page was built; every form sends it back.</summary>
    [BindProperty]
    public int Version { get; set; }

    public string? Message { get; private set; }

    /// <summary>After a refused stale save: what the other person changed.</summary>
    public IReadOnlyList<CaseEvent> OtherChanges { get; private set; } = [];

    protected CaseWork Work => work;

    protected CaseFiles Files => files;

    public async Task<IActionResult> OnGetAsync(string? message)
    {
        await LoadAsync();
        Message = message;
        Version = Case.Version;
        return Page();
    }

    /// <summary>What a page needs besides the file (lists to choose from, history), each time it is shown.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>Binds one form's fields, validates them, applies the change; a refusal shows the page again (<see cref="ShowAgainAsync"/>).</summary>
    protected Task<IActionResult> ChangeAsync<TInput>(TInput input, string prefix, Func<Case, Actor, DateTime, Task> change, string done, string? page = null)
        where TInput : class =>
        ChangeAsync(input, prefix, change, () => done, page);

    /// <summary>As above, with the message made after binding, when it depends on what was posted.</summary>
    protected async Task<IActionResult> ChangeAsync<TInput>(TInput input, string prefix, Func<Case, Actor, DateTime, Task> change, Func<string> done,
        string? page = null)
        where TInput : class
    {
        if (!await TryUpdateModelAsync(input, prefix) || !ModelState.IsValid)
        {
            return await AgainAsync();
        }

        return await ApplyAsync(change, done(), page);
    }

    protected Task<IActionResult> ChangeAsync<TInput>(TInput input, string prefix, Action<Case, Actor, DateTime> change, string done, string? page = null)
        where TInput : class =>
        ChangeAsync(input, prefix, Sync(change), done, page);

    protected Task<IActionResult> ApplyAsync(Action<Case, Actor, DateTime> change, string done, string? page = null) =>
        ApplyAsync(Sync(change), done, page);

    protected async Task<IActionResult> ApplyAsync(Func<Case, Actor, DateTime, Task> change, string done, string? page = null)
    {
        await work.ChangeAsync(Decision, Version, change, HttpContext.RequestAborted);
        return RedirectToPage(page, new { id = Decision.CaseId, message = done });
    }

    /// <summary>
    /// After a refusal: the page again with what the user typed (the message is beside its field already); after a stale
    /// save, with what the other person changed and the newest version to try again on.
    /// </summary>
    public virtual async Task<IActionResult> ShowAgainAsync(DomainException refused)
    {
        if (refused is StaleCaseException stale)
        {
            OtherChanges = await work.ChangesSinceAsync(stale.CaseId, stale.ExpectedVersion, HttpContext.RequestAborted);
            return await AgainAsync(keepVersion: false);
        }

        return await AgainAsync();
    }

    /// <summary>Where a page shows a refusal when its form's field names do not follow the rule's (null: beside the posted field).</summary>
    public virtual string? FieldKey(DomainException refused) => null;

    /// <summary>The page again, with what the user typed; after a stale save, with the newest version to try again on.</summary>
    protected async Task<IActionResult> AgainAsync(bool keepVersion = true)
    {
        await LoadAsync();
        if (!keepVersion)
        {
            ModelState.Remove(nameof(Version));
            Version = Case.Version;
        }

        return Page();
    }

    private async Task LoadAsync()
    {
        Case = (await files.GetAsync(Decision.CaseId, HttpContext.RequestAborted))!;
        await PrepareAsync();
    }

    private static Func<Case, Actor, DateTime, Task> Sync(Action<Case, Actor, DateTime> change) => (c, by, now) =>
    {
        change(c, by, now);
        return Task.CompletedTask;
    };
}
