using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Accounts;

/// <summary>Whether an account is one someone works with, as opposed to a resident's or that of someone looking along with one.</summary>
public static class StaffAccount
{
    /// <summary>A staff member behind it, or a staff role (an administrator has no staff member).</summary>
    public static async Task<bool> IsAsync(UserManager<Account> users, Account account) =>
        account.StaffMemberId is not null || (await users.GetRolesAsync(account)).Any(Roles.Staff.Contains);
}
