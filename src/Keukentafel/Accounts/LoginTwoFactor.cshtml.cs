using System.ComponentModel.DataAnnotations;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Keukentafel.Accounts;

/// <summary>The second step with the six-digit code from the authenticator app.</summary>
[AllowAnonymous]
[SignInLimited]
public sealed class LoginTwoFactorModel(SignInManager<Account> signIn, KeukentafelMetrics metrics) : SecondSignInStep(signIn, metrics)
{
    [BindProperty]
    public TwoFactorInput Input { get; set; } = new();

    protected override string Way => "page_two_factor";

    protected override string CodeField => "Input.Code";

    protected override string WrongCode => "Deze code klopt niet. Let op: een code is maar 30 seconden geldig.";

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<Account> signIn) =>
        signIn.TwoFactorAuthenticatorSignInAsync(SignInOutcome.CleanCode(Input.Code), isPersistent: false, rememberClient: false);
}

public sealed class TwoFactorInput
{
    [Required(ErrorMessage = "Vul de code uit uw app in.")]
    [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "De code bestaat uit zes cijfers.")]
    public string Code { get; set; } = "";
}
