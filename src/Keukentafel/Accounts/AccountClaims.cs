using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Keukentafel.Accounts;

/// <summary>The claims a signed-in account carries besides its id and roles.</summary>
public static class AccountClaims
{
    public const string DisplayName = "kt:name";
    public const string StaffMemberId = "kt:staff";
    public const string ResidentId = "kt:resident";

    public static Guid? AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The resident a resident's account belongs to (claim kt:resident).</summary>
    public static Guid? ResidentOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ResidentId), out var id) ? id : null;

    public static Guid? StaffId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(StaffMemberId), out var id) ? id : null;

    /// <summary>Professionals and coordinators: they bring cases and sit at the table (the <see cref="Policies.CaseWork"/> roles).</summary>
    public static bool WorksWithCases(this ClaimsPrincipal user) => user.IsInRole(Roles.Professional) || user.IsInRole(Roles.Coordinator);
}

public sealed class AccountClaimsFactory(UserManager<Account> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account account)
    {
        var identity = await base.GenerateClaimsAsync(account);
        identity.AddClaim(new Claim(AccountClaims.DisplayName, account.DisplayName));
        if (account.StaffMemberId is { } staff)
        {
            identity.AddClaim(new Claim(AccountClaims.StaffMemberId, staff.ToString()));
        }

        if (account.ResidentId is { } resident)
        {
            identity.AddClaim(new Claim(AccountClaims.ResidentId, resident.ToString()));
        }

        return identity;
    }
}
