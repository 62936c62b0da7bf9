namespace Keukentafel.Web;

/// <summary>
/// How every cookie of Keukentafel is made. The <c>__Host-</c> prefix makes the browser keep it only when it came over a
/// secure connection for this host alone (Secure, Path=/, no Domain), so a neighbouring subdomain or a plain-HTTP answer
/// can neither set nor overwrite a session or a token. No script reads any of them, so all are HttpOnly. SameSite is
/// chosen per cookie: Lax where a visit from elsewhere must carry it (the session after DigiD or a link in a mail), Strict
/// where only the app's own forms need it.
/// </summary>
public static class HostCookies
{
    public const string Prefix = "__Host-";

    /// <summary>
    /// The last word on every cookie, also on one no code here names: Secure, HttpOnly and SameSite at least Lax. On plain
    /// HTTP (http://localhost in development) it marks the antiforgery cookie Secure, which antiforgery will not do itself.
    /// </summary>
    public static void Enforce(CookiePolicyOptions policy)
    {
        policy.Secure = CookieSecurePolicy.Always;
        policy.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
        policy.MinimumSameSitePolicy = SameSiteMode.Lax;
    }

    /// <summary>Makes <paramref name="cookie"/> a host cookie named <c>__Host-</c> + <paramref name="name"/>.</summary>
    public static CookieBuilder AsHostCookie(this CookieBuilder cookie, string name, SameSiteMode sameSite)
    {
        cookie.Name = Prefix + name;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.HttpOnly = true;
        cookie.SameSite = sameSite;
        return cookie;
    }
}
