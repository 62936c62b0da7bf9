using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Accounts;

/// <summary>The administrator's list of accounts, where he lifts a lock-out.</summary>
public sealed class AccountsAdminPage(AccountAdministration admin) : PageModel, Web.IRefusablePage
{
    private const int PageSize = 50;

    public IReadOnlyList<AccountRow> Rows { get; private set; } = [];
    public Guid? Next { get; private set; }
    public string? Message { get; private set; }

    public string? Q { get; private set; }

    private Guid? shownAfter;

    public async Task OnGetAsync(Guid? after, string? message, string? q)
    {
        Message = message == "gedeblokkeerd" ? "Het account is gedeblokkeerd." : null;
        Q = q;
        await LoadAsync(after);
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, Guid? after)
    {
        shownAfter = after;
        await admin.UnlockAsync(id);
        return RedirectToPage(new { message = "gedeblokkeerd", after });
    }

    public async Task<IActionResult> ShowAgainAsync(DomainException refused)
    {
        await LoadAsync(shownAfter);
        return Page();
    }

    private async Task LoadAsync(Guid? after)
    {
        // One row more than a page tells whether there is a next page.
        var rows = await admin.PageAsync(after, PageSize + 1, Q, HttpContext.RequestAborted);
        Rows = [.. rows.Take(PageSize)];
        Next = rows.Count > PageSize ? Rows[^1].Id : null;
        After = after;
    }

    public Guid? After { get; private set; }
}
