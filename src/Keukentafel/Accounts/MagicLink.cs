using System.Security.Cryptography;
using System.Text;

namespace Keukentafel.Accounts;

/// <summary>
/// A one-time sign-in link sent by e-mail to a resident (issue 10): valid for <see cref="Lifetime"/>, used once. Only a
/// hash of its token is stored, so a copy of the database signs nobody in.
/// </summary>
public sealed class MagicLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>At most this many open links per account: asking again and again fills nobody's mailbox.</summary>
    public const int MaxOpen = 3;

    private MagicLink() { TokenHash = ""; }

    private MagicLink(Guid accountId, string tokenHash, DateTime nowUtc)
    {
        AccountId = accountId;
        TokenHash = tokenHash;
        CreatedAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc + Lifetime;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid AccountId { get; private set; }
    public string TokenHash { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public DateTime? UsedAtUtc { get; private set; }

    /// <summary>A new link with its token (256 random bits, URL-safe): in the mail once, never stored.</summary>
    public static (MagicLink Link, string Token) Issue(Guid accountId, DateTime nowUtc)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new MagicLink(accountId, Hash(token), nowUtc), token);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    public MagicLinkState StateAt(DateTime nowUtc) =>
        UsedAtUtc is not null ? MagicLinkState.Used
        : nowUtc >= ExpiresAtUtc ? MagicLinkState.Expired
        : MagicLinkState.Open;
}

/// <summary>What a link is worth when someone follows it.</summary>
public enum MagicLinkState
{
    Open,
    Unknown,
    Used,
    Expired,
    LockedOut,
}
