using Keukentafel.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Accounts;

/// <summary>What an administrator (or the operator's CLI) does with accounts.</summary>
public sealed class AccountAdministration(UserManager<Account> users, RoleManager<IdentityRole<Guid>> roles, KeukentafelDbContext db, TimeProvider time)
{
    /// <summary>Makes sure every role of <see cref="Roles"/> exists.</summary>
    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var role in Roles.All.Except(existing))
        {
            var result = await roles.CreateAsync(new IdentityRole<Guid>(role!) { Id = Guid.CreateVersion7() });
            Throw(result);
        }
    }

    public async Task<Account> CreateAdministratorAsync(string email, string displayName, string password, CancellationToken ct = default)
    {
        await EnsureRolesAsync(ct);
        var account = new Account(email, displayName, time.GetUtcNow().UtcDateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Throw(await users.CreateAsync(account, password));
        Throw(await users.AddToRoleAsync(account, Roles.Administrator));
        await transaction.CommitAsync(ct);
        return account;
    }

    public async Task UnlockAsync(Guid accountId)
    {
        var account = await users.FindByIdAsync(accountId.ToString())
            ?? throw new DomainException("account.not_found", "Dit account bestaat niet.");
        Throw(await users.SetLockoutEndDateAsync(account, null));
        Throw(await users.ResetAccessFailedCountAsync(account));
    }

    /// <summary>One page of accounts in a stable order (keyset on the time-ordered id).</summary>
    public async Task<IReadOnlyList<AccountRow>> PageAsync(Guid? after, int limit, string? search = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var query = db.Users.AsNoTracking();
        if (Text.Optional(search) is { } term)
        {
            var normalized = term.ToUpperInvariant();
            query = query.Where(a => a.NormalizedEmail!.Contains(normalized));
        }

        if (after is { } cursor)
        {
            query = query.Where(a => a.Id.CompareTo(cursor) > 0);
        }

        var rows = await query.OrderBy(a => a.Id).Take(Math.Clamp(limit, 1, 200))
            .Select(a => new { a.Id, a.DisplayName, a.Email, a.LockoutEnd, a.TwoFactorEnabled, a.StaffMemberId, a.ResidentId })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roleNames = await db.UserRoles.AsNoTracking()
            .Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return [.. rows.Select(r => new AccountRow(
            r.Id, r.DisplayName, r.Email ?? "",
            [.. roleNames.Where(x => x.UserId == r.Id).Select(x => x.Name!).Order()],
            r.LockoutEnd is { } end && end > now, r.TwoFactorEnabled, r.StaffMemberId, r.ResidentId))];
    }

    private static void Throw(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException($"account.{result.Errors.First().Code}", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record AccountRow(
    Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool LockedOut, bool TwoFactorEnabled, Guid? StaffMemberId, Guid? ResidentId);
