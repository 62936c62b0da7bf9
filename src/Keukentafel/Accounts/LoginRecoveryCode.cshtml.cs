using System.ComponentModel.DataAnnotations;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Keukentafel.Accounts;

/// <summary>The second step with one of the recovery codes, when the app is not at hand; each code works once.</summary>
[AllowAnonymous]
[SignInLimited]
public sealed class LoginRecoveryCodeModel(SignInManager<Account> signIn, KeukentafelMetrics metrics) : SecondSignInStep(signIn, metrics)
{
    [BindProperty]
    public RecoveryCodeInput Input { get; set; } = new();

    protected override string Way => "page_recovery_code";

    protected override string CodeField => "Input.RecoveryCode";

    protected override string WrongCode => "Deze herstelcode klopt niet of is al gebruikt.";

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<Account> signIn) =>
        signIn.TwoFactorRecoveryCodeSignInAsync(SignInOutcome.CleanRecoveryCode(Input.RecoveryCode));
}

public sealed class RecoveryCodeInput
{
    [Required(ErrorMessage = "Vul een herstelcode in.")]
    public string RecoveryCode { get; set; } = "";
}
