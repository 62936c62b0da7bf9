using System.Security.Claims;
using System.Security.Cryptography;
using Keukentafel.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Accounts;

/// <summary>
/// Keeps cookie sessions in the database: the host holds no session state in memory, several
/// instances can share one database, and a session removed here is over everywhere.
/// </summary>
public sealed class DatabaseSessionStore(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, TimeProvider time, IConfiguration configuration)
    : ITicketStore
{
    // However active, a session ends this long after sign-in (a working day), then one signs in again.
    private readonly TimeSpan absoluteLifetime = TimeSpan.FromHours(configuration.GetValue("Sessions:AbsoluteHours", 12));

    private readonly IDataProtector protector = dataProtection.CreateProtector("Keukentafel.Accounts.Sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();

        // Sessions that ran out are of no use to anyone; clear them when a new one starts.
        await db.SignInSessions.Where(s => s.ExpiresAtUtc < now).ExecuteDeleteAsync();
        db.SignInSessions.Add(new SignInSession(key, AccountIdOf(ticket), Protect(ticket), ticket.Properties.ExpiresUtc?.UtcDateTime, now));
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var session = await db.SignInSessions.FindAsync(key);
        if (session is null)
        {
            return; // signed out elsewhere in the meantime: do not bring the session back
        }

        session.Renew(Protect(ticket), ticket.Properties.ExpiresUtc?.UtcDateTime, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var signedInAfter = now - absoluteLifetime;
        var ticket = await db.SignInSessions.AsNoTracking()
            .Where(s => s.Id == key && (s.ExpiresAtUtc == null || s.ExpiresAtUtc > now) && s.CreatedAtUtc > signedInAfter)
            .Select(s => s.Ticket)
            .FirstOrDefaultAsync();
        return ticket is null ? null : Unprotect(ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        await db.SignInSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    private byte[] Protect(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] protectedTicket)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(protectedTicket));
        }
        catch (CryptographicException)
        {
            return null; // keys were rotated away or the row was tampered with: treat as signed out
        }
    }

    private static Guid? AccountIdOf(AuthenticationTicket ticket) =>
        Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
