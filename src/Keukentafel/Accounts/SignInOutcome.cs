using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Accounts;

/// <summary>What every way of signing in shares: how an outcome is counted, the lock-out message, the code clean-up.</summary>
public static class SignInOutcome
{
    public const string LockedOutMessage =
        "Uw account is tijdelijk geblokkeerd, omdat er te vaak iets verkeerds is ingevuld. "
            + "Probeer het over een kwartier opnieuw, of vraag de beheerder om hulp.";

    /// <summary>The outcome as a metric tag and a stable code.</summary>
    public static string Of(SignInResult result) =>
        result.Succeeded ? "succeeded"
        : result.IsLockedOut ? "locked_out"
        : result.RequiresTwoFactor ? "requires_two_factor"
        : result.IsNotAllowed ? "not_allowed"
        : "failed";

    /// <summary>An authenticator code as people type it ("123 456", "123-456") as the server checks it.</summary>
    public static string CleanCode(string code) =>
        code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    /// <summary>A recovery code as people type it; its dash is part of it.</summary>
    public static string CleanRecoveryCode(string code) => code.Replace(" ", "", StringComparison.Ordinal).Trim();

    /// <summary>Only a path on this site, without control characters: a sign-in link can never send someone elsewhere.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl)
            ? url
            : "/";
}
