using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Accounts;

/// <summary>
/// The e-mail address of an account. A resident may have none (he signs in with a sign-in name made for him);
/// everyone else needs one. Where there is one it is valid and no other account has it (the database's unique
/// index on the normalised address backs this up). Identity's own check is off for this: it demands an address.
/// </summary>
public sealed class AccountEmailValidator(IdentityErrorDescriber errors) : IUserValidator<Account>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user)
    {
        var email = await manager.GetEmailAsync(user);
        if (string.IsNullOrWhiteSpace(email))
        {
            return user.BelongsToResident
                ? IdentityResult.Success
                : IdentityResult.Failed(new IdentityError { Code = "EmailRequired", Description = "Geef het e-mailadres." });
        }

        if (!new EmailAddressAttribute().IsValid(email))
        {
            return IdentityResult.Failed(errors.InvalidEmail(email));
        }

        var owner = await manager.FindByEmailAsync(email);
        return owner is not null && owner.Id != user.Id
            ? IdentityResult.Failed(errors.DuplicateEmail(email))
            : IdentityResult.Success;
    }
}
