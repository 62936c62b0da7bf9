using System.Security.Claims;
using Keukentafel.Web;

namespace Keukentafel.Accounts;

/// <summary>
/// Who is asking: the person signed in for this request (a staff member, a resident, or someone looking along with him)
/// and the network he asks from. Services take this instead of an HttpContext: they say what they need of the request,
/// and outside one (a background job, an operator command) nobody is signed in.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    /// <summary>The request's principal as it is now (a sign-in during the request replaces it).</summary>
    public ClaimsPrincipal Principal => accessor.HttpContext?.User ?? Nobody;

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    public Guid? AccountId => Principal.AccountId();

    public Guid? StaffId => Principal.StaffId();

    /// <summary>The resident whose own account this is; null for staff and for someone looking along.</summary>
    public Guid? ResidentId => Principal.ResidentOf();

    public bool WorksWithCases => Principal.WorksWithCases();

    public string? DisplayName => Principal.FindFirstValue(AccountClaims.DisplayName);

    /// <summary>His roles, in a fixed order, as the audit log records them.</summary>
    public string Roles => string.Join(",", Principal.FindAll(ClaimTypes.Role).Select(r => r.Value).Order());

    /// <summary>The client's address as the audit log keeps it.</summary>
    public string ClientAddress => ClientNetwork.Address(accessor.HttpContext?.Connection.RemoteIpAddress);

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
