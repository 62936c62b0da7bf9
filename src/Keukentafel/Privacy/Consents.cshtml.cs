using System.ComponentModel.DataAnnotations;
using Keukentafel.Cases;
using Keukentafel.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Privacy;

/// <summary>The consent register of one case: what the resident agreed to, and withdrawing it at his request.</summary>
public sealed class ConsentsPage(CaseWork work, CaseFiles files, KeukentafelDbContext db, Accounts.ResidentInvitations invitations) : CasePageModel(work, files)
{
    /// <summary>The code just made for the resident: shown once, on this answer only (never in a URL or stored).</summary>
    public Accounts.IssuedInvitation? Invitation { get; private set; }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        Invitation = await invitations.IssueAsync(Decision, HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
        return await AgainAsync();
    }

    public ConsentInput Consent { get; set; } = new();
    public WithdrawalInput Withdrawal { get; set; } = new();
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnPostRecordAsync()
    {
        await TryUpdateModelAsync(Consent, nameof(Consent));
        var organisation = Consent.OrganisationId is { } organisationId
            ? await db.Organisations.Include(o => o.Neighbourhoods).SingleOrDefaultAsync(o => o.Id == organisationId, HttpContext.RequestAborted)
            : null;
        if (organisation is null)
        {
            if (ModelState.GetFieldValidationState("Consent.OrganisationId") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError("Consent.OrganisationId", "Kies een organisatie.");
            }

            return await AgainAsync();
        }

        return await ChangeAsync(Consent, nameof(Consent),
            (c, by, now) => c.RecordConsent(organisation, Consent.Purpose, Consent.ValidUntil, by, now),
            $"De toestemming voor {organisation.Name} is vastgelegd.");
    }

    public Task<IActionResult> OnPostWithdrawAsync() => ChangeAsync(Withdrawal, nameof(Withdrawal),
        (c, by, now) => c.WithdrawConsent(Withdrawal.ConsentId, Withdrawal.Reason, by, now), "De toestemming is ingetrokken. Dat geldt meteen.");

    protected override async Task PrepareAsync() =>
        Organisations = [.. (await db.Organisations.AsNoTracking()
                .Where(o => o.Neighbourhoods.Any(n => n.NeighbourhoodId == Case.NeighbourhoodId))
                .Select(o => new { o.Id, o.Name })
                .ToListAsync(HttpContext.RequestAborted))
            .OrderBy(o => o.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString()))];
}

public sealed class ConsentInput
{
    [Required(ErrorMessage = "Kies een organisatie.")]
    public Guid? OrganisationId { get; set; }

    [Required(ErrorMessage = "Schrijf op waarvoor de bewoner toestemming geeft."), StringLength(1000)]
    public string Purpose { get; set; } = "";

    public DateOnly? ValidUntil { get; set; }
}

public sealed class WithdrawalInput
{
    public Guid ConsentId { get; set; }

    [StringLength(2000)]
    public string? Reason { get; set; }
}
