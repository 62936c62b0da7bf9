using System.Security.Claims;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Residents;
using Keukentafel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Privacy;

/// <summary>One of the resident's cases with what he agreed to.</summary>
public sealed record MyCaseConsents(Guid CaseId, string Number, int Version, bool Open, IReadOnlyList<ConsentView> Consents);

/// <summary>
/// The resident's own page: with whom his file is shared, for what and until when; he withdraws a consent himself,
/// and it counts from the next request on.
/// </summary>
public sealed class MyConsentsPage(KeukentafelDbContext db, CaseWork work, CaseAccess access, TrustedPeople trusted, IStringLocalizer<MyConsentsPage> texts,
    TimeProvider time)
    : ResidentPageModel(trusted), IRefusablePage
{
    public IReadOnlyList<MyCaseConsents> Cases { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? message)
    {
        Message = message;
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid caseId, Guid consentId)
    {
        var ct = HttpContext.RequestAborted;
        if (await WhoseAsync("toestemming", AuditAction.Change) is not { ResidentId: var resident } whose)
        {
            return NotFound(); // refused and logged by the check of whose pages these are
        }

        if (!await db.Cases.AnyAsync(c => c.Id == caseId && c.ResidentId == resident, ct))
        {
            // Not his case: refused like any other, and logged.
            await access.LogRefusalAsync(caseId, AuditAction.Change, "toestemming", ct);
            return NotFound();
        }

        var actor = await access.ActorAsync(ct);
        actor = whose.ByTrustedPerson ? actor with { Organisation = Residents.MyTablePage.TrustedPersonLabel } : actor;
        // His withdrawal does not depend on what the team changed meanwhile: it applies to the case as it is now.
        var current = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync(ct);
        await work.ChangeAsync(new CaseAccessDecision(true, caseId, resident, actor, null, false), current,
            (c, by, now) => c.WithdrawConsent(consentId,
                whose.ByTrustedPerson ? "Ingetrokken door iemand die met de bewoner meekijkt." : "Door de bewoner zelf ingetrokken.", by, now), ct);
        await access.LogAsync(caseId, resident, AuditAction.Change, "toestemming", ct);

        return RedirectToPage(new { message = texts["Withdrawn"].Value, voor = Voor });
    }

    public string? FieldKey(DomainException refused) => "";

    public string MessageOf(DomainException refused) => texts.Refusal(refused);

    public async Task<IActionResult> ShowAgainAsync(DomainException refused)
    {
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (await WhoseAsync("toestemming") is not { ResidentId: var resident })
        {
            return Voor is null;
        }

        var ct = HttpContext.RequestAborted;
        await access.LogAsync(null, resident, AuditAction.Read, "toestemming", ct);
        var today = DutchTime.Today(time);
        var cases = await db.Cases.AsNoTracking().Include(c => c.Consents)
            .Where(c => c.ResidentId == resident)
            .OrderByDescending(c => c.SignalledAtUtc)
            .ToListAsync(ct);
        Cases = [.. cases.Select(c => new MyCaseConsents(c.Id, c.Number, c.Version, c.IsOpen,
            [.. c.Consents.OrderByDescending(k => k.IsActive(today)).ThenByDescending(k => k.GivenAtUtc).Select(k => CaseFiles.ConsentView(k, today))]))];
        return true;
    }
}
