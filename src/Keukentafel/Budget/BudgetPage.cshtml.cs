using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Budget;

/// <summary>One organisation's year in the budget, as the overview shows it.</summary>
public sealed record RoomRow(string Organisation, Balance Balance);

/// <summary>
/// The shared budget of a neighbourhood the user works in: what is in the pot, and per organisation its room, what is
/// committed, what is spent and what is left, for a year. Sums of the ledger; no resident's data.
/// </summary>
public sealed class BudgetPage(KeukentafelDbContext db, Financing financing, CaseAccess access, TimeProvider time) : PageModel
{
    public NeighbourhoodBudget? Budget { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Budgets { get; private set; } = [];
    public int Year { get; private set; }
    public IReadOnlyList<RoomRow> Rows { get; private set; } = [];
    public Balance Total { get; private set; } = new(0, 0, 0);
    public decimal ContributedThisYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, int? jaar)
    {
        var ct = HttpContext.RequestAborted;
        var staffId = User.StaffId();
        Budgets = [.. (await db.Budgets.AsNoTracking()
                .Where(b => db.StaffNeighbourhoods.Any(w => w.StaffMemberId == staffId && w.NeighbourhoodId == b.NeighbourhoodId))
                .OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct))
            .Select(b => (b.Id, b.Name))];
        var chosen = id ?? (Budgets.Count > 0 ? Budgets[0].Id : null);
        if (chosen is null)
        {
            return Page();
        }

        if (!Budgets.Any(b => b.Id == chosen))
        {
            await access.LogAsync(HttpContext, null, null, AuditAction.Read, "budget van een andere wijk", ct, allowed: false);
            return NotFound();
        }

        var book = await financing.BookAsync(chosen.Value, ct);
        Budget = await db.Budgets.AsNoTracking().Include(b => b.Contributions).SingleAsync(b => b.Id == chosen, ct);
        var today = DutchTime.Today(time).Year;
        Year = jaar is { } y && Budget.Covers(y) ? y : Math.Clamp(today, Budget.FirstYear, Budget.LastYear);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Rows = [.. book.Entries.Where(e => e.Year == Year).Select(e => e.OrganisationId).Distinct()
            .Select(o => new RoomRow(names.GetValueOrDefault(o, "?"), book.BalanceOf(o, Year)))
            .OrderBy(r => r.Organisation, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))];
        Total = new Balance(Rows.Sum(r => r.Balance.Room), Rows.Sum(r => r.Balance.Committed), Rows.Sum(r => r.Balance.Realised));
        ContributedThisYear = Budget.Contributions.Where(c => c.Date.Year == Year).Sum(c => c.Amount);
        await access.LogAsync(HttpContext, null, null, AuditAction.Read, "wijkbudget", ct);
        return Page();
    }
}
