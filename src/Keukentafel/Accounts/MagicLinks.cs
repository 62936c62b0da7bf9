using Keukentafel.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Accounts;

/// <summary>A link asked for an account that may sign in by link, with the token for its mail.</summary>
public sealed record IssuedMagicLink(Account Account, string Token);

/// <summary>The outcome of following a link: the account to sign in when it was <see cref="MagicLinkState.Open"/>.</summary>
public sealed record UsedMagicLink(MagicLinkState State, Account? Account);

/// <summary>
/// Sign-in by a link in an e-mail, for residents (issue 10) and, later, the people they trust: never for staff, whose
/// accounts open residents' files and so need their password (and second factor). Nobody can tell from the answers
/// which addresses have an account: an address that gets no link is answered like one that does.
/// </summary>
public sealed class MagicLinks(KeukentafelDbContext db, UserManager<Account> users, TimeProvider time)
{
    /// <summary>A new link for the account with this address, or nothing: no such account, a staff account, or enough open links already.</summary>
    public async Task<IssuedMagicLink?> IssueAsync(string email, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(email) is not { } account || !await MaySignInByLinkAsync(account))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        // Kept a day after they run out, so a late click still gets "used" or "expired" rather than "unknown".
        await db.MagicLinks.Where(l => l.ExpiresAtUtc < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        if (await db.MagicLinks.CountAsync(l => l.AccountId == account.Id && l.UsedAtUtc == null && l.ExpiresAtUtc > now, ct) >= MagicLink.MaxOpen)
        {
            return null;
        }

        var (link, token) = MagicLink.Issue(account.Id, now);
        db.MagicLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return new IssuedMagicLink(account, token);
    }

    /// <summary>What the link is worth, without using it (for the page with the button).</summary>
    public async Task<MagicLinkState> StateAsync(string? token, CancellationToken ct) =>
        await FindAsync(token, ct) is { } link ? link.StateAt(time.GetUtcNow().UtcDateTime) : MagicLinkState.Unknown;

    /// <summary>
    /// Uses the link: once, also when it is followed twice at the same moment. A locked-out account is not signed in
    /// (and its link stays unused); an account that became a staff account no longer signs in by link.
    /// </summary>
    public async Task<UsedMagicLink> UseAsync(string? token, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await FindAsync(token, ct) is not { } link)
        {
            return new UsedMagicLink(MagicLinkState.Unknown, null);
        }

        if (link.StateAt(now) is not MagicLinkState.Open and var state)
        {
            return new UsedMagicLink(state, null);
        }

        if (await users.FindByIdAsync(link.AccountId.ToString()) is not { } account || !await MaySignInByLinkAsync(account))
        {
            return new UsedMagicLink(MagicLinkState.Unknown, null);
        }

        if (await users.IsLockedOutAsync(account))
        {
            return new UsedMagicLink(MagicLinkState.LockedOut, null);
        }

        var used = await db.MagicLinks.Where(l => l.Id == link.Id && l.UsedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAtUtc, now), ct);
        return used == 1 ? new UsedMagicLink(MagicLinkState.Open, account) : new UsedMagicLink(MagicLinkState.Used, null);
    }

    /// <summary>
    /// Residents and the people they trust: no staff member behind the account and no staff role; and only to an address
    /// its owner confirmed (he typed it himself: a typo must not open his file to a stranger).
    /// </summary>
    public async Task<bool> MaySignInByLinkAsync(Account account) =>
        account.EmailConfirmed && !await StaffAccount.IsAsync(users, account);

    private async Task<MagicLink?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = MagicLink.Hash(token);
        return await db.MagicLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
    }
}
