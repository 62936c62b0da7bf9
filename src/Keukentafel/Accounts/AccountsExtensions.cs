using System.Security.Cryptography.X509Certificates;
using Keukentafel.Data;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Keukentafel.Accounts;

public static class AccountsExtensions
{
    /// <summary>
    /// ASP.NET Core Identity with local accounts (strong passwords for staff, a simpler safe rule for residents, lock-out,
    /// TOTP two-factor),
    /// cookie sessions kept in the database for the pages, bearer tokens for the API and, when
    /// configured, an organisation's own OpenID Connect provider and DigiD for residents through a broker.
    /// </summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<Account, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Password.RequiredUniqueChars = 6;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Off because it demands an address, and a resident may have none: AccountEmailValidator keeps addresses
                // unique (backed by a unique index) and demands one of everyone else.
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false; // accounts are made by an administrator or an invitation
                o.Stores.SchemaVersion = IdentitySchema.Version;
            })
            .AddEntityFrameworkStores<KeukentafelDbContext>()
            .AddUserManager<AccountManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrors>()
            .AddUserValidator<AccountEmailValidator>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();

        // The staff rule above stays Identity's own; this validator chooses it or the resident's rule per account.
        services.Replace(ServiceDescriptor.Scoped<IPasswordValidator<Account>, AccountPasswordValidator>());

        // Passkeys that prove the person too (fingerprint, face, PIN), stored on the device so no e-mail address
        // needs typing, and only for this site as the browser sees it (behind a proxy: via the forwarded headers).
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.ResidentKeyRequirement = "required";
            o.UserVerificationRequirement = "required";
            o.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin && string.Equals(
                context.Origin, $"{context.HttpContext.Request.Scheme}://{context.HttpContext.Request.Host}", StringComparison.OrdinalIgnoreCase));
        });

        // A link to choose a new password (from /wachtwoord-vergeten) works an hour.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(1));

        // Operators can set these in configuration too: Identity:Lockout:MaxFailedAccessAttempts, Identity:Password:RequiredLength, ...
        services.Configure<IdentityOptions>(builder.Configuration.GetSection("Identity"));

        services.ConfigureApplicationCookie(o =>
        {
            // Lax, not Strict: the session must come along when the browser returns from DigiD or an organisation's
            // sign-in, or opens a link from a mail.
            o.Cookie.AsHostCookie("kt.session", SameSiteMode.Lax);
            o.LoginPath = "/inloggen";
            o.LogoutPath = "/uitloggen";
            // A refused page answers 403 itself (shown as a Dutch status page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // The API is never sent to the sign-in page: it says 401 (as a problem).
            o.Events.OnRedirectToLogin = context =>
            {
                if (Web.WebExtensions.IsApi(context.HttpContext))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
            o.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Sessions:IdleMinutes", 60));
            o.SlidingExpiration = true;
        });
        // Set and read on the way back from an outside sign-in (a visit that started elsewhere), so Lax like the session.
        services.ConfigureExternalCookie(o => o.Cookie.AsHostCookie("kt.external", SameSiteMode.Lax));
        // Who is halfway through signing in (before the second step, or during a passkey ceremony); a sign-in link from a
        // mail or an outside sign-in sets it too. "Remember this browser" is never offered, but gets the same rules.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme,
            o => o.Cookie.AsHostCookie("kt.second-step", SameSiteMode.Lax));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme,
            o => o.Cookie.AsHostCookie("kt.remembered", SameSiteMode.Lax));
        // A changed password, a removed role or two-factor switched off ends the other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromSeconds(builder.Configuration.GetValue("Sessions:SecurityCheckSeconds", 60)));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<ResidentInvitations>();
        services.AddScoped<MagicLinks>();
        services.AddScoped<EmailConfirmations>();
        services.AddScoped<Mail.IMailComposer, MagicLinkMail>();
        services.AddScoped<Mail.IMailComposer, PasswordResetMail>();
        services.AddScoped<Mail.IMailComposer, EmailConfirmationMail>();
        services.AddSingleton<DatabaseSessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseSessionStore>((o, store) => o.SessionStore = store);

        var authentication = services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));
        authentication.AddOrganisationSignIn(builder.Configuration);
        authentication.AddResidentSignIn(builder.Configuration);

        services.AddAuthorizationBuilder().AddKeukentafelPolicies();

        // Keys in the database: every instance can read every other instance's cookies and tokens.
        var certificate = builder.Configuration["DataProtection:CertificatePath"];
        if (builder.Environment.IsProduction() && string.IsNullOrEmpty(certificate)
            && !builder.Configuration.GetValue("DataProtection:AllowUnencryptedKeys", false))
        {
            // Unencrypted keys next to the sessions would let anyone with a copy of the database forge a sign-in.
            throw new InvalidOperationException(
                "Set DataProtection:CertificatePath (and DataProtection:CertificatePassword) to a PFX certificate that encrypts the " +
                "data-protection keys in the database, or set DataProtection:AllowUnencryptedKeys=true to accept the risk.");
        }

        var keys = services.AddDataProtection()
            .SetApplicationName("Keukentafel")
            .PersistKeysToDbContext<KeukentafelDbContext>();
        if (!string.IsNullOrEmpty(certificate))
        {
            // Encrypts the keys at rest; every instance needs the same certificate.
            keys.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate, builder.Configuration["DataProtection:CertificatePassword"]));
        }

        return builder;
    }
}
