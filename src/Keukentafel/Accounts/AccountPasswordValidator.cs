using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Accounts;

/// <summary>
/// Checks a new password with the rule that fits the account: the resident's rule (<see cref="ResidentPasswordRule"/>)
/// for an account that belongs to a resident (or to someone he trusts) and has no other role, the strong rule of
/// <see cref="IdentityOptions.Password"/> for everyone else. The account's link decides, not its roles, because a new
/// account gets its roles only after its password is set; an account without a link (an administrator) is staff.
/// </summary>
public sealed class AccountPasswordValidator(IdentityErrorDescriber errors) : IPasswordValidator<Account>
{
    private readonly PasswordValidator<Account> strong = new(errors);

    public async Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        if (!await HasResidentRuleAsync(manager, user))
        {
            return await strong.ValidateAsync(manager, user, password);
        }

        var problems = ResidentPasswordRule.Check(password, user.Email, user.DisplayName, user.UserName);
        return problems.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. problems]);
    }

    /// <summary>
    /// A resident's account, or the account of someone a resident trusts (who gets his role before his password, see
    /// <see cref="Residents.TrustedPeople"/>). A staff role given to either later brings the strong rule with it.
    /// </summary>
    public static async Task<bool> HasResidentRuleAsync(UserManager<Account> manager, Account account)
    {
        var roles = await manager.GetRolesAsync(account);
        return (account.BelongsToResident || roles.Contains(Roles.TrustedPerson)) && roles.All(role => role is Roles.Resident or Roles.TrustedPerson);
    }
}
