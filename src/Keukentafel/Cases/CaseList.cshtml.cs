using Keukentafel.Accounts;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Cases;

/// <summary>My cases: those I bring or sit at the table of, the work still to do first (overdue on top), with search and filters.</summary>
public sealed class CaseListPage(CaseLists lists, CaseAccess access, Effects.Wellbeing wellbeing) : PageModel, Web.IRefusablePage
{
    public Web.Page<CaseListItem> Cases { get; private set; } = new([], null);

    /// <summary>Closed cases of mine whose follow-up measurement of wellbeing is due.</summary>
    public IReadOnlyList<Effects.FollowUpDue> FollowUps { get; private set; } = [];
    public string? Q { get; private set; }
    public CaseStatus? Status { get; private set; }
    public LifeDomains? Domain { get; private set; }
    public bool Closed { get; private set; }

    public async Task OnGetAsync(string? q, CaseStatus? status, LifeDomains? domain, bool closed, string? cursor)
    {
        (Q, Status, Domain, Closed) = (q, status, domain, closed);
        await ShowAsync(cursor);
    }

    /// <summary>A cursor that cannot be read: the message at the top, and the first page.</summary>
    public async Task<IActionResult> ShowAgainAsync(DomainException refused)
    {
        await ShowAsync(null);
        return Page();
    }

    private async Task ShowAsync(string? cursor)
    {
        Cases = await lists.MineAsync(User.StaffId() ?? Guid.Empty, new CaseFilter(Closed, Status, Domain, Q), cursor, CaseLists.PageSize,
            HttpContext.RequestAborted);
        FollowUps = cursor is null && !Closed ? await wellbeing.DueForAsync(User.StaffId() ?? Guid.Empty, HttpContext.RequestAborted) : [];
        await access.LogListAsync([.. Cases.Items.Select(i => (i.Id, i.ResidentId)), .. FollowUps.Select(f => (f.CaseId, f.ResidentId))],
            "casuslijst", "mijn casussen (0)", HttpContext.RequestAborted);
    }

    public string NextLink(string cursor)
    {
        var query = new QueryBuilder();
        if (Q is not null) query.Add("q", Q);
        if (Status is not null) query.Add("status", Status.ToString()!);
        if (Domain is not null) query.Add("domain", Domain.ToString()!);
        if (Closed) query.Add("closed", "true");
        query.Add("cursor", cursor);
        return "/casussen" + query;
    }
}
