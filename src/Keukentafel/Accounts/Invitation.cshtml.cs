using System.ComponentModel.DataAnnotations;
using Keukentafel.Privacy;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Accounts;

/// <summary>
/// The resident turns the code from his professional into his own sign-in: code, date of birth, e-mail address (or none:
/// then he gets a sign-in name, shown once on the next page), password. Rate limited like the sign-in page; every refusal is a plain message beside the field.
/// </summary>
[AllowAnonymous]
[SignInLimited]
public sealed class InvitationModel(ResidentInvitations invitations, SignInManager<Account> signIn, CaseAccess access, EmailConfirmations confirmations,
    IStringLocalizer<InvitationModel> texts) : PageModel, Web.IRefusablePage
{
    public IStringLocalizer<InvitationModel> Texts => texts;

    [BindProperty]
    public InvitationInput Input { get; set; } = new();

    public void OnGet(string? code) => Input.Code ??= code;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var redeemed = await invitations.RedeemAsync(Input.Code, Input.DateOfBirth, Input.Email, Input.Password, HttpContext.RequestAborted);
        await signIn.SignInAsync(redeemed.Account, isPersistent: false);
        HttpContext.User = await signIn.CreateUserPrincipalAsync(redeemed.Account);
        await access.LogAsync(redeemed.CaseId, redeemed.ResidentId, AuditAction.Change, ResidentInvitations.RedeemedPart, HttpContext.RequestAborted);
        await confirmations.SendAsync(redeemed.Account, Request, HttpContext.RequestAborted);
        if (redeemed.Account.Email is null)
        {
            TempData[SignInNameModel.ShowOnce] = true;
            return RedirectToPage("/Accounts/SignInName");
        }

        return RedirectToPage("/Residents/MyTablePage");
    }

    public string MessageOf(DomainException refused) => texts.Refusal(refused);

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => Task.FromResult<IActionResult>(Page());
}

[TextsOfPage(typeof(InvitationModel))]
public sealed class InvitationInput
{
    [Required(ErrorMessage = "CodeRequired"), StringLength(40, ErrorMessage = "TooLong")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "BornRequired"), DateParts]
    public DateOnly? DateOfBirth { get; set; }

    [StringLength(256, ErrorMessage = "TooLong"), EmailAddress(ErrorMessage = "EmailInvalid")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "PasswordRequired"), StringLength(200, ErrorMessage = "TooLong")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "RepeatRequired"), Compare(nameof(Password), ErrorMessage = "PasswordsDiffer")]
    public string? RepeatPassword { get; set; }
}
