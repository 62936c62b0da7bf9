using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Residents;

/// <summary>
/// "Who looks along with me" (issue 10, part 4): the resident lets someone he trusts see and act on his pages, hands
/// him the code himself, and stops it himself, at once. Only the resident: someone looking along cannot add others.
/// </summary>
public sealed class MyTrustedPeoplePage(TrustedPeople trusted, Privacy.CaseAccess access, IStringLocalizer<MyTrustedPeoplePage> texts, TimeProvider time)
    : PageModel, IRefusablePage
{
    public IStringLocalizer<MyTrustedPeoplePage> Texts => texts;

    [BindProperty]
    public TrustedPersonInput Input { get; set; } = new();

    public IReadOnlyList<TrustedPersonView> People { get; private set; } = [];

    /// <summary>The code just made, shown once on the answer to his request.</summary>
    public string? Code { get; private set; }

    public string? CodeFor { get; private set; }

    public DateTime Now { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? message)
    {
        Message = message;
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostGiveAsync()
    {
        if (User.ResidentOf() is not { } resident)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var (consent, code) = await trusted.GiveAsync(resident, Input.Name, Input.Relation, Input.Consent, HttpContext.RequestAborted);
            Code = code;
            CodeFor = consent.Name;
            Input = new();
            ModelState.Clear();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id)
    {
        if (User.ResidentOf() is not { } resident)
        {
            return NotFound();
        }

        if (!await trusted.WithdrawAsync(resident, id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        return RedirectToPage(new { message = texts["StoppedDone"].Value });
    }

    public string MessageOf(DomainException refused) => texts.Refusal(refused);

    public async Task<IActionResult> ShowAgainAsync(DomainException refused)
    {
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        Now = time.GetUtcNow().UtcDateTime;
        if (User.ResidentOf() is not { } resident)
        {
            return false;
        }

        People = await trusted.OfAsync(resident, HttpContext.RequestAborted);
        await access.LogAsync(null, resident, Privacy.AuditAction.Read, TrustedPeople.Part, HttpContext.RequestAborted);
        return true;
    }
}

[TextsOfPage(typeof(MyTrustedPeoplePage))]
public sealed class TrustedPersonInput
{
    [Required(ErrorMessage = "trusted.name_required"), StringLength(200, ErrorMessage = "trusted.too_long")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "trusted.relation_required"), StringLength(100, ErrorMessage = "trusted.too_long")]
    public string? Relation { get; set; }

    public bool Consent { get; set; }
}
