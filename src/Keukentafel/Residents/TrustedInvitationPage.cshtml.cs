using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Residents;

/// <summary>
/// "Look along with a code": the person a resident trusts uses the code the resident gave him, with the sign-in he has
/// or a new one (e-mail address and password). Rate limited like the sign-in page; refusals beside the field.
/// </summary>
[AllowAnonymous]
[SignInLimited]
public sealed class TrustedInvitationPage(TrustedPeople trusted, SignInManager<Account> signIn, CaseAccess access, EmailConfirmations confirmations,
    IStringLocalizer<TrustedInvitationPage> texts) : PageModel, IRefusablePage
{
    public IStringLocalizer<TrustedInvitationPage> Texts => texts;

    [BindProperty]
    public TrustedInvitationInput Input { get; set; } = new();

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet(string? code) => Input.Code ??= code;

    public async Task<IActionResult> OnPostAsync()
    {
        if (SignedIn)
        {
            // Signed in already: only the code counts.
            foreach (var key in ModelState.Keys.Where(k => k != $"{nameof(Input)}.{nameof(Input.Code)}").ToList())
            {
                ModelState.Remove(key);
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(Input.Email))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", texts["EmailRequired"]);
            }

            if (string.IsNullOrEmpty(Input.Password))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", texts["PasswordRequired"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var ct = HttpContext.RequestAborted;
        var (account, consent) = await trusted.RedeemAsync(Input.Code, SignedIn ? User.AccountId() : null, Input.Email, Input.Password, ct);
        await signIn.SignInAsync(account, isPersistent: false);
        HttpContext.User = await signIn.CreateUserPrincipalAsync(account);
        await access.LogAsync(null, consent.ResidentId, AuditAction.Change, TrustedPeople.CodePart, ct);
        await confirmations.SendAsync(account, Request, ct);
        return Redirect($"/mijn/tafel?voor={consent.Id}");
    }

    public string MessageOf(DomainException refused) => texts.Refusal(refused);

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => Task.FromResult<IActionResult>(Page());
}

[TextsOfPage(typeof(TrustedInvitationPage))]
public sealed class TrustedInvitationInput
{
    [Required(ErrorMessage = "CodeRequired"), StringLength(40, ErrorMessage = "TooLong")]
    public string? Code { get; set; }

    [StringLength(256, ErrorMessage = "TooLong"), EmailAddress(ErrorMessage = "EmailInvalid")]
    public string? Email { get; set; }

    [StringLength(200, ErrorMessage = "TooLong")]
    public string? Password { get; set; }

    [Compare(nameof(Password), ErrorMessage = "PasswordsDiffer")]
    public string? RepeatPassword { get; set; }
}
