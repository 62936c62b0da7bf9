using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Keukentafel.Data;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keukentafel.Accounts;

/// <summary>Bearer tokens for the API, and who the caller is.</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/v1/auth").WithTags("Sign-in").AllowAnonymous();
        auth.MapPost("/token", IssueToken).WithMetadata(new SignInLimitedAttribute()).Produces<AccessTokenResponse>()
            .WithSummary("Exchange e-mail, password (and a two-factor code when the account has one) for a bearer token.");
        auth.MapPost("/refresh", Refresh).Produces<AccessTokenResponse>()
            .WithSummary("Exchange a refresh token for a new bearer token.");

        var signedIn = endpoints.MapGroup("/api/v1").WithTags("Sign-in").RequireAuthorization(Policies.Api);
        signedIn.MapGet("/me", Me)
            .WithSummary("The signed-in account: name, roles and the staff member or resident it belongs to.");
        return endpoints;
    }

    public sealed record TokenRequest(
        [property: Required(ErrorMessage = "Geef het e-mailadres, of de inlognaam van een bewoner zonder e-mailadres."), StringLength(256)] string Email,
        [property: Required(ErrorMessage = "Geef het wachtwoord."), StringLength(200)] string Password,
        [property: StringLength(20)] string? TwoFactorCode,
        [property: StringLength(50)] string? RecoveryCode);

    public sealed record RefreshRequest([property: Required(ErrorMessage = "Geef het vernieuwingstoken."), StringLength(4000)] string RefreshToken);

    public sealed record MeResponse(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, Guid? StaffMemberId, Guid? ResidentId);

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> IssueToken(
        TokenRequest request, SignInManager<Account> signIn, KeukentafelMetrics metrics)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        // An e-mail address, or the sign-in name of a resident without one (as on the sign-in page).
        var result = await SignInNames.PasswordSignInAsync(signIn, request.Email, request.Password);
        var codeRefused = false;
        if (result.RequiresTwoFactor && (!string.IsNullOrWhiteSpace(request.TwoFactorCode) || !string.IsNullOrWhiteSpace(request.RecoveryCode)))
        {
            result = string.IsNullOrWhiteSpace(request.TwoFactorCode)
                ? await signIn.TwoFactorRecoveryCodeSignInAsync(SignInOutcome.CleanRecoveryCode(request.RecoveryCode!))
                : await signIn.TwoFactorAuthenticatorSignInAsync(SignInOutcome.CleanCode(request.TwoFactorCode), isPersistent: false, rememberClient: false);
            codeRefused = !result.Succeeded && !result.IsLockedOut;
        }

        var outcome = codeRefused ? "code_refused" : SignInOutcome.Of(result);
        metrics.SignIn("api", outcome);
        if (result.Succeeded)
        {
            return TypedResults.Empty; // the bearer handler has written the token response
        }

        var (title, detail) = outcome switch
        {
            "locked_out" => ("Account tijdelijk geblokkeerd", SignInOutcome.LockedOutMessage),
            "code_refused" => ("Code klopt niet", "De code uit de authenticator-app klopt niet, of de herstelcode is al gebruikt."),
            "requires_two_factor" => ("Tweestapsverificatie nodig", "Geef de code uit uw authenticator-app (twoFactorCode) of een herstelcode (recoveryCode)."),
            _ => ("Inloggen mislukt", "Het e-mailadres of het wachtwoord klopt niet."),
        };
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = $"sign_in.{outcome}" });
    }

    private static async Task<Results<EmptyHttpResult, SignInHttpResult, UnauthorizedHttpResult>> Refresh(
        RefreshRequest request, SignInManager<Account> signIn, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time)
    {
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires)
        {
            return TypedResults.Unauthorized();
        }

        // A changed password or a removed role changes the security stamp and ends every refresh token.
        if (await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } account || await signIn.UserManager.IsLockedOutAsync(account))
        {
            return TypedResults.Unauthorized();
        }

        var principal = await signIn.CreateUserPrincipalAsync(account);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> Me(ClaimsPrincipal user, KeukentafelDbContext db)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return TypedResults.Unauthorized();
        }

        var account = await db.Users.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new { a.Id, a.DisplayName, a.Email, a.StaffMemberId, a.ResidentId })
            .SingleOrDefaultAsync();
        if (account is null)
        {
            return TypedResults.Unauthorized();
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList();
        return TypedResults.Ok(new MeResponse(account.Id, account.DisplayName, account.Email ?? "", roles, account.StaffMemberId, account.ResidentId));
    }
}
