using Keukentafel.Web;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Keukentafel.Accounts;

/// <summary>What the organisations' provider and the residents' broker share: how the browser comes back.</summary>
public static class OutsideSignInCookies
{
    /// <summary>
    /// The provider sends the browser back with a plain GET (the code in the query, OpenID Connect's own default for the
    /// code flow), not with a form posted from its site: a browser sends SameSite=Lax cookies along on a top-level GET from
    /// elsewhere, never on a cross-site POST, and the correlation and nonce cookies must come back for the answer to be
    /// accepted. The code in the address works once and is useless without the PKCE verifier and the client secret.
    /// </summary>
    public static void ReturnWithHostCookies(this OpenIdConnectOptions o)
    {
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.AsHostCookie("kt.correlation.", SameSiteMode.Lax);
        o.NonceCookie.AsHostCookie("kt.nonce.", SameSiteMode.Lax);
    }
}
