using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Accounts;

/// <summary>
/// Sign-in for residents through DigiD (or eHerkenning, or another means) by way of a broker that speaks OpenID Connect,
/// switched on by configuration only: Authentication:Residents:OpenIdConnect:Authority, ClientId, ClientSecret,
/// DisplayName ("DigiD"), CallbackPath, RequireHttpsMetadata, SubjectClaim, Scope, AcrValues (docs/digid.md).
/// A resident is never matched on e-mail address or name: the broker's pseudonym for him is linked to his account
/// only after he proved himself once with his invitation code and date of birth, or while signed in
/// (<see cref="ResidentExternalLoginModel"/>). Only that pseudonym is kept; a BSN is refused, never stored.
/// </summary>
public static partial class ResidentSignIn
{
    public const string Scheme = "resident-oidc";
    public const string Section = "Authentication:Residents:OpenIdConnect";

    public static AuthenticationBuilder AddResidentSignIn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (string.IsNullOrWhiteSpace(section["Authority"]) || string.IsNullOrWhiteSpace(section["ClientId"]))
        {
            return authentication;
        }

        var subjectClaim = section["SubjectClaim"] is { Length: > 0 } claim ? claim : "sub";
        return authentication.AddOpenIdConnect(Scheme, section["DisplayName"] ?? "DigiD", o =>
        {
            o.Authority = section["Authority"];
            o.ClientId = section["ClientId"];
            o.ClientSecret = section["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.ReturnWithHostCookies();
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = section["CallbackPath"] ?? "/signin-digid";
            o.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
            o.MapInboundClaims = false;
            // Nothing of the person beyond the pseudonym: no profile, no user info, no tokens kept in the cookie.
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            foreach (var scope in (section["Scope"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                o.Scope.Add(scope);
            }

            o.Events.OnRedirectToIdentityProvider = context =>
            {
                if (section["AcrValues"] is { Length: > 0 } acr)
                {
                    context.ProtocolMessage.AcrValues = acr; // the level of assurance asked of DigiD, as the broker names it
                }

                return Task.CompletedTask;
            };
            o.Events.OnTokenValidated = context =>
            {
                if (Pseudonymous(context.Principal, subjectClaim, Scheme) is { } principal)
                {
                    context.Principal = principal;
                }
                else
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ResidentSignIn)).LogNoPseudonym(subjectClaim);
                    context.Fail("The broker gave no usable pseudonym.");
                }

                return Task.CompletedTask;
            };
            // A refusal at the broker (or of its answer) ends on our own Dutch page, not on an error page.
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/inloggen/digid?handler=Callback&remoteError=1");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>
    /// The broker's answer reduced to what Keukentafel keeps: the pseudonym (from <paramref name="subjectClaim"/>) and
    /// how he signed in (acr, amr). Null when there is no pseudonym, or when it is a BSN.
    /// </summary>
    public static ClaimsPrincipal? Pseudonymous(ClaimsPrincipal? principal, string subjectClaim, string authenticationType)
    {
        var subject = principal?.FindFirst(subjectClaim)?.Value;
        if (string.IsNullOrWhiteSpace(subject) || LooksLikeBsn(subject))
        {
            return null;
        }

        List<Claim> claims = [new("sub", subject), new(ClaimTypes.NameIdentifier, subject)];
        claims.AddRange(principal!.Claims.Where(c => c.Type is "acr" or "amr").Select(c => new Claim(c.Type, c.Value)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, "sub", null));
    }

    /// <summary>
    /// A burgerservicenummer: 8 or 9 digits (on its own or after the last colon, as in urn:nl:bsn:...) that pass the
    /// eleven test. Such a subject is never linked or stored: the broker must be set to give a pseudonym.
    /// </summary>
    public static bool LooksLikeBsn(string subject)
    {
        var last = subject.Trim()[(subject.Trim().LastIndexOf(':') + 1)..];
        if (last.Length is < 8 or > 9 || !last.All(char.IsAsciiDigit))
        {
            return false;
        }

        var digits = last.PadLeft(9, '0');
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (digits[i] - '0') * (9 - i);
        }

        sum -= digits[8] - '0';
        return sum % 11 == 0 && sum != 0;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Resident sign-in refused: the broker's claim {Claim} holds no pseudonym (missing, or a BSN); configure the broker to send a pseudonym")]
    private static partial void LogNoPseudonym(this ILogger logger, string claim);
}
