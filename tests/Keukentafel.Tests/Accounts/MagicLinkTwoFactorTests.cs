using System.Net;
using Keukentafel.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Accounts;

/// <summary>With two-factor sign-in on, a link by e-mail counts as the password: the code is still asked (real clock, for the code).</summary>
public sealed class MagicLinkTwoFactorTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task A_link_leads_to_the_code_page_not_in()
    {
        const string email = "tweestaps@voorbeeld.example";
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = new Account(email, "Twan Tweestaps", DateTime.UtcNow) { EmailConfirmed = true };
            (await users.CreateAsync(account)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(account, Roles.Resident)).Succeeded.ShouldBeTrue();
            (await users.ResetAuthenticatorKeyAsync(account)).Succeeded.ShouldBeTrue();
            key = (await users.GetAuthenticatorKeyAsync(account))!;
            (await users.SetTwoFactorEnabledAsync(account, true)).Succeeded.ShouldBeTrue();
        }

        using var asked = await app.Browser().SubmitAsync("/inloggen/link", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = (await app.LastMailToAsync(email)).LinkTo("/inloggen/link/openen");
        var browser = app.Browser();

        using var followed = await browser.SubmitAsync(link, new Dictionary<string, string>());
        followed.Headers.Location!.PathAndQuery().ShouldStartWith("/inloggen/tweestaps");
        using var notYet = await browser.GetAsync("/", TestContext.Current.CancellationToken);
        notYet.StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in before the code");

        using var code = await browser.SubmitAsync("/inloggen/tweestaps",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetPageAsync("/")).Text().ShouldContain("Twan Tweestaps");
    }
}
