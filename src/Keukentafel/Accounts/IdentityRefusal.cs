using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Accounts;

/// <summary>An Identity step that failed while someone makes his own sign-in, as a refusal beside the field it is about.</summary>
public static class IdentityRefusal
{
    /// <summary>
    /// Throws a <see cref="DomainException"/> coded <c>{prefix}.{Identity's code}</c> with Identity's (Dutch) reasons, at
    /// <paramref name="field"/>, or else at the password for a password rule and at the e-mail address for the rest.
    /// </summary>
    public static void ThrowIfFailed(IdentityResult result, string prefix, string? field = null)
    {
        if (!result.Succeeded)
        {
            var passwordError = result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal));
            throw DomainException.About(field ?? (passwordError ? "Password" : "Email"), $"{prefix}.{result.Errors.First().Code}",
                string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
