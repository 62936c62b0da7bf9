using Keukentafel.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keukentafel.Accounts;

/// <summary>
/// Identity's user manager, with wrong passwords counted in the database itself. Identity reads the count, adds one and
/// writes the account back guarded by its concurrency stamp: wrong passwords sent at the same moment (to one instance
/// or to several) lose each other's count, and the account was not locked after fifteen of them. Here each wrong
/// password adds one in a single statement, and whoever sees the limit reached locks the account.
/// </summary>
public sealed class AccountManager(
    IUserStore<Account> store, IOptions<IdentityOptions> options, IPasswordHasher<Account> hasher,
    IEnumerable<IUserValidator<Account>> userValidators, IEnumerable<IPasswordValidator<Account>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<Account>> logger,
    KeukentafelDbContext db, TimeProvider time)
    : UserManager<Account>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AccessFailedAsync(Account user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var ct = CancellationToken;
        var accounts = db.Users.Where(a => a.Id == user.Id);
        await accounts.ExecuteUpdateAsync(s => s.SetProperty(a => a.AccessFailedCount, a => a.AccessFailedCount + 1), ct);
        var max = Options.Lockout.MaxFailedAccessAttempts;
        if (await accounts.Select(a => a.AccessFailedCount).SingleAsync(ct) >= max)
        {
            // Only the request that finds the count at the limit locks; the count starts again for after the lock-out.
            var until = time.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan);
            await accounts.Where(a => a.AccessFailedCount >= max)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LockoutEnd, until).SetProperty(a => a.AccessFailedCount, 0), ct);
        }

        // The account this request holds takes what the database now says, so a later save of it writes nothing stale.
        if (db.Entry(user).State != EntityState.Detached)
        {
            await db.Entry(user).ReloadAsync(ct);
        }

        return IdentityResult.Success;
    }
}
