namespace Keukentafel.Accounts;

/// <summary>
/// A signed-in browser session, kept in the database so that any instance behind a load balancer
/// can serve it and signing out really ends it (the cookie holds only the session key).
/// </summary>
public sealed class SignInSession
{
    private SignInSession() { Id = ""; Ticket = []; }

    public SignInSession(string id, Guid? accountId, byte[] ticket, DateTime? expiresAtUtc, DateTime nowUtc)
    {
        Id = id;
        AccountId = accountId;
        Ticket = ticket;
        ExpiresAtUtc = expiresAtUtc;
        CreatedAtUtc = LastRenewedAtUtc = nowUtc;
    }

    public string Id { get; private set; }
    public Guid? AccountId { get; private set; }

    /// <summary>The authentication ticket, serialised and encrypted with the data-protection keys.</summary>
    public byte[] Ticket { get; private set; }

    public DateTime? ExpiresAtUtc { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime LastRenewedAtUtc { get; private set; }

    public void Renew(byte[] ticket, DateTime? expiresAtUtc, DateTime nowUtc)
    {
        Ticket = ticket;
        ExpiresAtUtc = expiresAtUtc;
        LastRenewedAtUtc = nowUtc;
    }
}
