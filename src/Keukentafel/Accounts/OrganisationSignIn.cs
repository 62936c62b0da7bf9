using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Accounts;

/// <summary>
/// Sign-in through an organisation's own identity provider (OpenID Connect), switched on by
/// configuration only: Authentication:OpenIdConnect:Authority, ClientId, ClientSecret and
/// DisplayName. The provider proves who someone is; the account (and so its roles) must already
/// exist in Keukentafel with the same e-mail address. Nobody gets in just by having an account elsewhere.
/// </summary>
public static class OrganisationSignIn
{
    public const string Scheme = "oidc";

    public static AuthenticationBuilder AddOrganisationSignIn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var section = configuration.GetSection("Authentication:OpenIdConnect");
        if (string.IsNullOrWhiteSpace(section["Authority"]) || string.IsNullOrWhiteSpace(section["ClientId"]))
        {
            return authentication;
        }

        return authentication.AddOpenIdConnect(Scheme, section["DisplayName"] ?? "uw organisatie", o =>
        {
            o.Authority = section["Authority"];
            o.ClientId = section["ClientId"];
            o.ClientSecret = section["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.ReturnWithHostCookies();
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = section["CallbackPath"] ?? "/signin-oidc";
            o.MapInboundClaims = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
        });
    }
}
