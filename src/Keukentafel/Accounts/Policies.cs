using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Accounts;

/// <summary>
/// Authorisation by policy: every page and endpoint names the policy it needs, and links are
/// shown by asking the same policy, so hiding a link is never what protects a page.
/// </summary>
public static class Policies
{
    /// <summary>People who work in the approach and may see its organisations and staff.</summary>
    public const string Staff = "staff";

    /// <summary>Starting the approach in a new neighbourhood: aanjagers and administrators.</summary>
    public const string Spreading = "spreading";

    /// <summary>IT administrators: accounts and roles.</summary>
    public const string Administration = "administration";

    /// <summary>Professionals and coordinators: they bring cases and sit at the table. Which case, the case access check decides.</summary>
    public const string CaseWork = "case-work";

    /// <summary>Neighbourhood coordinators: the overview of the neighbourhood's cases (without names).</summary>
    public const string Coordination = "coordination";

    /// <summary>Coordinators, managers, directors and financiers: outcomes and costs in aggregate, never a file.</summary>
    public const string Effects = "effects";

    /// <summary>The municipality overview, every neighbourhood side by side: as <see cref="Effects"/>, and the aanjager.</summary>
    public const string Overview = "overview";

    /// <summary>Managers: they back the deviations put to them.</summary>
    public const string Management = "management";

    /// <summary>Residents on their own pages, and the people they let look along (whose pages, each page checks per request).</summary>
    public const string Resident = "resident";

    /// <summary>The API takes bearer tokens only, so a browser's cookie can never be abused for it (no CSRF on /api).</summary>
    public const string Api = "api";

    public static AuthorizationBuilder AddKeukentafelPolicies(this AuthorizationBuilder authorization) => authorization
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Staff, p => p.RequireRole(Roles.Staff))
        .AddPolicy(Spreading, p => p.RequireRole(Roles.Administrator, Roles.Aanjager))
        .AddPolicy(Administration, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(CaseWork, p => p.RequireRole(Roles.Professional, Roles.Coordinator))
        .AddPolicy(Management, p => p.RequireRole(Roles.Manager))
        .AddPolicy(Coordination, p => p.RequireRole(Roles.Coordinator))
        .AddPolicy(Effects, p => p.RequireRole(Roles.Coordinator, Roles.Manager, Roles.Director))
        .AddPolicy(Overview, p => p.RequireRole(Roles.Coordinator, Roles.Manager, Roles.Director, Roles.Aanjager))
        .AddPolicy(Resident, p => p.RequireRole(Roles.Resident, Roles.TrustedPerson))
        .AddPolicy(Api, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
}
