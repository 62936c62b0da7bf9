using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Accounts;

/// <summary>Identity's messages in plain Dutch.</summary>
public sealed class DutchIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Er ging iets mis. Probeer het opnieuw.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Er is al een account met het e-mailadres {email}.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Er is al een account met de naam {userName}.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"{email} is geen geldig e-mailadres.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Het wachtwoord klopt niet.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Het wachtwoord moet minstens {length} tekens lang zijn.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens hebben.");
    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "Het wachtwoord moet een leesteken of symbool bevatten, zoals ! of #.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Het wachtwoord moet een cijfer bevatten.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Het wachtwoord moet een kleine letter bevatten.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Het wachtwoord moet een hoofdletter bevatten.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "De code is ongeldig of verlopen.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "De herstelcode is ongeldig.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Blokkeren is voor dit account niet ingeschakeld.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Het account heeft de rol {Roles.Dutch(role)} al.");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Het account heeft de rol {Roles.Dutch(role)} niet.");
    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "Iemand anders heeft dit account intussen gewijzigd. Probeer het opnieuw.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
