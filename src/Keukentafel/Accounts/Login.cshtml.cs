using System.ComponentModel.DataAnnotations;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Accounts;

[AllowAnonymous]
[SignInLimited]
public sealed class LoginModel(SignInManager<Account> signIn, KeukentafelMetrics metrics, IStringLocalizer<LoginModel> texts)
    : PageModel
{
    public IStringLocalizer<LoginModel> Texts => texts;

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty]
    public string? CredentialJson { get; set; }

    public string? ReturnUrl { get; private set; }

    /// <summary>Organisations' providers, for staff.</summary>
    public IReadOnlyList<AuthenticationScheme> Providers { get; private set; } = [];

    /// <summary>DigiD (through a broker) for residents, when configured.</summary>
    public AuthenticationScheme? ResidentProvider { get; private set; }

    public async Task OnGetAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        await ProvidersAsync();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        await ProvidersAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // An e-mail address, or the sign-in name of a resident without one.
        var result = await SignInNames.PasswordSignInAsync(signIn, Input.Email, Input.Password);
        metrics.SignIn("page", SignInOutcome.Of(result));
        if (result.Succeeded)
        {
            return LocalRedirect(SignInOutcome.SafeReturnUrl(returnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/LoginTwoFactor", new { returnUrl });
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? texts["LockedOut"]
            : Input.Email.Contains('@', StringComparison.Ordinal) ? texts["WrongEmail"] : texts["WrongName"]);
        return Page();
    }

    /// <summary>The challenge for a passkey sign-in (usernameless: the browser offers the passkeys it has for this site).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        await ProvidersAsync();
        ModelState.Clear(); // the password form's fields are not part of this one

        var result = await PasskeySignInAsync(CredentialJson);
        metrics.SignIn("page_passkey", SignInOutcome.Of(result));
        if (result.Succeeded)
        {
            return LocalRedirect(SignInOutcome.SafeReturnUrl(returnUrl));
        }

        ModelState.AddModelError("", result.IsLockedOut ? texts["LockedOut"] : texts["PasskeyRefused"]);
        return Page();
    }


    private async Task ProvidersAsync()
    {
        var schemes = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();
        ResidentProvider = schemes.FirstOrDefault(s => s.Name == ResidentSignIn.Scheme);
        Providers = [.. schemes.Where(s => s.Name != ResidentSignIn.Scheme)];
    }

    private async Task<Microsoft.AspNetCore.Identity.SignInResult> PasskeySignInAsync(string? credentialJson)
    {
        if (string.IsNullOrWhiteSpace(credentialJson))
        {
            return Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }

        try
        {
            return await signIn.PasskeySignInAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            return Microsoft.AspNetCore.Identity.SignInResult.Failed; // no challenge was asked for in this browser: a forged or replayed answer
        }
    }
}

[TextsOfPage(typeof(LoginModel))]
public sealed class LoginInput
{
    /// <summary>An e-mail address, or the sign-in name of a resident without one (the field keeps its name for the forms that fill it).</summary>
    [Required(ErrorMessage = "EmailRequired"), StringLength(256, ErrorMessage = "TooLong")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "PasswordRequired")]
    public string Password { get; set; } = "";
}
