using Keukentafel.Residents;
using Keukentafel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Privacy;

/// <summary>
/// The resident's own page: with whom his file is shared, for what and until when; he withdraws a consent himself,
/// and it counts from the next request on.
/// </summary>
public sealed class MyConsentsPage(ResidentConsents consents, TrustedPeople trusted, IStringLocalizer<MyConsentsPage> texts)
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
        if (await WhoseAsync(ResidentConsents.Part, AuditAction.Change) is not { } whose)
        {
            return NotFound(); // refused and logged by the check of whose pages these are
        }

        await consents.WithdrawAsync(whose, caseId, consentId, HttpContext.RequestAborted);
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
        if (await WhoseAsync(ResidentConsents.Part) is not { ResidentId: var resident })
        {
            return Voor is null;
        }

        Cases = await consents.OfAsync(resident, HttpContext.RequestAborted);
        return true;
    }
}
