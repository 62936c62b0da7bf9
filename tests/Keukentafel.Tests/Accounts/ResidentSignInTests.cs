using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Tests.Cases;
using Keukentafel.Tests.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Keukentafel.Tests.Accounts;

/// <summary>The residents' broker configured as in production (a DigiD broker speaking OpenID Connect).</summary>
public sealed class ResidentBrokerApp : KeukentafelApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() =>
    [
        new("Authentication:Residents:OpenIdConnect:Authority", "https://broker.gemeente.example"),
        new("Authentication:Residents:OpenIdConnect:ClientId", "keukentafel-bewoners"),
        new("Authentication:Residents:OpenIdConnect:ClientSecret", "geheim"),
        new("Authentication:Residents:OpenIdConnect:DisplayName", "DigiD"),
        new("Authentication:Residents:OpenIdConnect:AcrValues", "urn:nl:digid:midden"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The broker's discovery document, given directly: the test reaches no network.
        var discovery = new OpenIdConnectConfiguration
        {
            Issuer = "https://broker.gemeente.example",
            AuthorizationEndpoint = "https://broker.gemeente.example/authorize",
            TokenEndpoint = "https://broker.gemeente.example/token",
        };
        builder.ConfigureTestServices(services => services.PostConfigure<OpenIdConnectOptions>(ResidentSignIn.Scheme, o =>
        {
            o.Configuration = discovery;
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(discovery);
        }));
    }
}

public sealed class ResidentBrokerTests(ResidentBrokerApp app) : IClassFixture<ResidentBrokerApp>
{
    [Fact]
    public async Task When_configured_the_sign_in_page_offers_DigiD_to_residents_apart_from_the_organisations()
    {
        var page = await app.Browser().GetPageAsync("/inloggen");

        page.QuerySelectorAll("form[action='/inloggen/digid'] button").Select(b => b.TextContent).ShouldBe(["Inloggen met DigiD"]);
        page.QuerySelectorAll("form[action='/inloggen/extern']").ShouldBeEmpty();
    }

    [Fact]
    public async Task Choosing_it_sends_the_browser_to_the_broker_with_PKCE_asking_only_for_openid_and_the_level_of_assurance()
    {
        using var response = await app.Browser().SubmitAsync("/inloggen", new Dictionary<string, string>(), action: "/inloggen/digid");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe("https://broker.gemeente.example/authorize");
        var query = Uri.UnescapeDataString(location.Query);
        query.ShouldContain("client_id=keukentafel-bewoners");
        query.ShouldContain("code_challenge_method=S256");
        query.ShouldContain("scope=openid&");
        query.ShouldContain("acr_values=urn:nl:digid:midden");
        query.ShouldContain("redirect_uri=https://localhost/signin-digid");
    }

    [Fact]
    public async Task The_broker_sends_the_browser_back_with_a_plain_get_which_carries_the_lax_host_cookies_of_the_sign_in()
    {
        var recorder = new SetCookieRecorder();

        using var response = await app.RecordingBrowser(recorder).SubmitAsync("/inloggen", new Dictionary<string, string>(), action: "/inloggen/digid");

        // A cross-site form post back would leave SameSite=Lax cookies behind, and the answer would be refused. Without a
        // response_mode the code flow answers in the query of a GET.
        Uri.UnescapeDataString(response.Headers.Location!.Query).ShouldNotContain("response_mode=");
        recorder.Names.ShouldContain(n => n.StartsWith("__Host-kt.correlation.", StringComparison.Ordinal));
        recorder.Names.ShouldContain(n => n.StartsWith("__Host-kt.nonce.", StringComparison.Ordinal));
        recorder.Headers.ShouldAllBeHostCookies();
    }

    [Fact]
    public async Task It_cannot_be_used_through_the_organisations_page_which_links_by_e_mail_address()
    {
        var browser = app.Browser();
        var token = (await browser.GetPageAsync("/inloggen")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        using var refused = await browser.PostAsync("/inloggen/extern", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["provider"] = ResidentSignIn.Scheme,
        }), TestContext.Current.CancellationToken);

        (await PageSession.ParseAsync(refused)).Text().ShouldContain("Inloggen via deze organisatie is hier niet ingesteld.");
    }
}

/// <summary>
/// The application with a stand-in for the broker under the residents' scheme: a challenge "signs in" at once with the
/// pseudonym in the X-Test-Pseudonym header (and any e-mail address in X-Test-Email) and comes back, as the broker would.
/// </summary>
public sealed class FakeBrokerApp : KeukentafelApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, FakeBroker>(ResidentSignIn.Scheme, "DigiD", _ => { }));
    }

    private sealed class FakeBroker(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

        protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            List<Claim> claims = [new("sub", Request.Headers["X-Test-Pseudonym"].ToString())];
            if (Request.Headers["X-Test-Email"].ToString() is { Length: > 0 } email)
            {
                claims.Add(new("email", email));
                claims.Add(new("email_verified", "true"));
            }

            var principal = ResidentSignIn.Pseudonymous(new ClaimsPrincipal(new ClaimsIdentity(claims, "broker")), "sub", Scheme.Name)
                ?? new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)); // lets a BSN through, to test the page's own check
            await Context.SignInAsync(IdentityConstants.ExternalScheme, principal, properties);
            Response.Redirect(properties.RedirectUri!);
        }
    }
}

public sealed class ResidentSignInTests(FakeBrokerApp app) : IClassFixture<FakeBrokerApp>
{
    private const string BirthDate = "1951-03-14";

    /// <summary>The resident chooses DigiD on the sign-in page and comes back from the broker.</summary>
    private static async Task<HttpResponseMessage> ThroughTheBrokerAsync(HttpClient browser, string pseudonym, string? email = null)
    {
        browser.DefaultRequestHeaders.Remove("X-Test-Pseudonym");
        browser.DefaultRequestHeaders.Remove("X-Test-Email");
        browser.DefaultRequestHeaders.Add("X-Test-Pseudonym", pseudonym);
        if (email is not null)
        {
            browser.DefaultRequestHeaders.Add("X-Test-Email", email);
        }

        using var toBroker = await browser.SubmitAsync("/inloggen", new Dictionary<string, string>(), action: "/inloggen/digid");
        toBroker.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await browser.GetAsync(toBroker.Headers.Location!.PathAndQuery());
    }

    private async Task<string> InvitedAsync(string family)
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: family);
        return (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/resident-invitation", new { })).GetProperty("code").GetString()!;
    }

    private async Task<List<IdentityUserLogin<Guid>>> LoginsAsync(string pseudonym)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().UserLogins
            .Where(l => l.ProviderKey == pseudonym).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task What_the_broker_said_waits_in_a_host_cookie_until_the_link_is_made()
    {
        var recorder = new SetCookieRecorder();

        using var back = await ThroughTheBrokerAsync(app.RecordingBrowser(recorder), "pseudoniem-koekje");

        back.Headers.Location!.PathAndQuery().ShouldStartWith("/inloggen/digid");
        recorder.Names.ShouldContain("__Host-kt.external");
        recorder.Headers.ShouldAllBeHostCookies();
    }

    [Fact]
    public async Task A_new_DigiD_login_proves_itself_once_with_the_invitation_code_and_then_signs_the_resident_in_at_once()
    {
        var code = await InvitedAsync("Digitaal");
        var browser = app.Browser();

        using var back = await ThroughTheBrokerAsync(browser, "pseudoniem-digitaal");
        back.Headers.Location!.PathAndQuery().ShouldStartWith("/inloggen/digid");
        var asks = await browser.GetPageAsync(back.Headers.Location!.PathAndQuery());
        asks.Text().ShouldContain("Vul één keer de code in");
        (await browser.GetAsync("/mijn/gegevens", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in yet");

        using var empty = await browser.SubmitAsync("/inloggen/digid",
            new Dictionary<string, string> { ["Input.Code"] = "" }.WithDate("Input.DateOfBirth", "", "", ""),
            action: "/inloggen/digid?handler=Link");
        var emptyPage = await PageSession.ParseAsync(empty);
        emptyPage.QuerySelector("#Input_Code-error")!.TextContent.ShouldBe("Vul de code in die u kreeg.");
        emptyPage.QuerySelector("#Input_DateOfBirth-error")!.TextContent.ShouldBe("Vul uw geboortedatum in.");
        using var wrong = await browser.SubmitAsync("/inloggen/digid",
            new Dictionary<string, string> { ["Input.Code"] = code }.WithDate("Input.DateOfBirth", "1951-03-15"), action: "/inloggen/digid?handler=Link");
        (await PageSession.ParseAsync(wrong)).QuerySelector("#Input_DateOfBirth-error")!.TextContent.ShouldContain("hoort niet bij de code");

        using var linked = await browser.SubmitAsync("/inloggen/digid",
            new Dictionary<string, string> { ["Input.Code"] = code }.WithDate("Input.DateOfBirth", BirthDate), action: "/inloggen/digid?handler=Link");

        linked.Headers.Location!.PathAndQuery().ShouldBe("/mijn/tafel");
        (await browser.GetPageAsync("/mijn/gegevens")).Text().ShouldContain("Digitaal");
        var login = (await LoginsAsync("pseudoniem-digitaal")).ShouldHaveSingleItem();
        login.LoginProvider.ShouldBe(ResidentSignIn.Scheme);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>()
                .Users.SingleAsync(a => a.Id == login.UserId, TestContext.Current.CancellationToken);
            account.ResidentId.ShouldNotBeNull();
            account.Email.ShouldBeNull();
            account.PasswordHash.ShouldBeNull("DigiD is his sign-in; no password was made");
        }

        // From now on DigiD alone signs him in, in another browser too.
        var later = app.Browser();
        using var again = await ThroughTheBrokerAsync(later, "pseudoniem-digitaal");
        again.Headers.Location!.PathAndQuery().ShouldBe("/mijn/tafel");
        (await later.GetPageAsync("/mijn/gegevens")).Text().ShouldContain("Digitaal");
    }

    [Fact]
    public async Task A_DigiD_login_is_never_matched_on_e_mail_address()
    {
        var browser = app.Browser();

        using var back = await ThroughTheBrokerAsync(browser, "pseudoniem-onbekend", email: PageSession.Resident);

        back.Headers.Location!.PathAndQuery().ShouldStartWith("/inloggen/digid");
        (await browser.GetAsync("/mijn/gegevens", TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in as the resident with that address");
        (await LoginsAsync("pseudoniem-onbekend")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signed_in_resident_links_his_DigiD_himself_by_confirming_with_his_password_and_can_unlink_it()
    {
        var browser = await app.SignedInAsync(PageSession.Resident);
        var start = await browser.GetPageAsync("/inloggen/digid");
        start.QuerySelector("main form:not([action]) button")!.TextContent.ShouldBe("Inloggen met DigiD instellen");
        (await browser.GetPageAsync("/account/beveiliging")).QuerySelector("a[href='/inloggen/digid']").ShouldNotBeNull();

        using var back = await ThroughTheBrokerAsync(browser, "pseudoniem-ingelogd");
        var confirm = await browser.GetPageAsync(back.Headers.Location!.PathAndQuery());
        confirm.Text().ShouldContain("Wilt u voortaan inloggen met DigiD?");
        confirm.QuerySelector("#Input_Code").ShouldBeNull("no code is asked of someone signed in");
        confirm.QuerySelector("#Input_Password").ShouldNotBeNull("but his password, fresh");

        // Without his password, or with a wrong one, nothing is linked: an open session alone is no proof.
        using (var none = await browser.SubmitAsync("/inloggen/digid", new Dictionary<string, string>(), action: "/inloggen/digid?handler=Link"))
        {
            (await PageSession.ParseAsync(none)).QuerySelector("#Input_Password-error")!.TextContent.ShouldBe("Vul uw wachtwoord in.");
        }

        using (var wrong = await browser.SubmitAsync("/inloggen/digid", new Dictionary<string, string> { ["Input.Password"] = "Niet-mijn-wachtwoord-1" },
                   action: "/inloggen/digid?handler=Link"))
        {
            (await PageSession.ParseAsync(wrong)).QuerySelector("#Input_Password-error")!.TextContent.ShouldBe("Dit wachtwoord klopt niet.");
        }

        (await LoginsAsync("pseudoniem-ingelogd")).ShouldBeEmpty();
        using var linked = await browser.SubmitAsync("/inloggen/digid", new Dictionary<string, string> { ["Input.Password"] = PageSession.DemoPassword },
            action: "/inloggen/digid?handler=Link");
        linked.Headers.Location!.PathAndQuery().ShouldBe("/mijn/tafel");

        var later = app.Browser();
        using var again = await ThroughTheBrokerAsync(later, "pseudoniem-ingelogd");
        again.Headers.Location!.PathAndQuery().ShouldBe("/mijn/tafel");
        (await later.GetAsync("/mijn/gegevens", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = app.Services.CreateAsyncScope();
        var resident = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>()
            .Users.SingleAsync(a => a.Email == PageSession.Resident, TestContext.Current.CancellationToken);
        (await LoginsAsync("pseudoniem-ingelogd")).ShouldHaveSingleItem().UserId.ShouldBe(resident.Id);

        // His security page lists it, says a new password leaves it, and unlinks it.
        var security = await browser.GetPageAsync("/account/beveiliging");
        security.QuerySelector("#linked-logins")!.TextContent.ShouldContain("DigiD");
        security.Text().ShouldContain("een nieuw wachtwoord kiezen ontkoppelt deze inlogs niet");
        using var unlinked = await browser.SubmitAsync("/account/beveiliging", new Dictionary<string, string> { ["provider"] = ResidentSignIn.Scheme },
            formSelector: "#linked-logins form");
        unlinked.Headers.Location!.PathAndQuery().ShouldContain("ontkoppeld");
        (await LoginsAsync("pseudoniem-ingelogd")).ShouldBeEmpty();
        using var gone = await ThroughTheBrokerAsync(app.Browser(), "pseudoniem-ingelogd");
        gone.Headers.Location!.PathAndQuery().ShouldStartWith("/inloggen/digid", customMessage: "DigiD no longer signs him in");
    }

    [Fact]
    public async Task A_resident_without_a_password_links_only_after_a_fresh_sign_in_link_and_keeps_his_last_way_in()
    {
        // A resident who signs in with DigiD alone (no password, no address).
        var code = await InvitedAsync("Zonderwachtwoord");
        var browser = app.Browser();
        using (await ThroughTheBrokerAsync(browser, "pseudoniem-zonder"))
        using (var made = await browser.SubmitAsync("/inloggen/digid",
                   new Dictionary<string, string> { ["Input.Code"] = code }.WithDate("Input.DateOfBirth", BirthDate), action: "/inloggen/digid?handler=Link"))
        {
            made.Headers.Location!.PathAndQuery().ShouldBe("/mijn/tafel");
        }

        // Another DigiD (someone else's, at his open session) is not linked without a sign-in link of the last minutes.
        using var back = await ThroughTheBrokerAsync(browser, "pseudoniem-iemand-anders");
        var confirm = await browser.GetPageAsync(back.Headers.Location!.PathAndQuery());
        confirm.QuerySelector("#Input_Password").ShouldBeNull();
        confirm.Text().ShouldContain("met een link uit uw e-mail");
        using var refused = await browser.SubmitAsync("/inloggen/digid", new Dictionary<string, string>(), action: "/inloggen/digid?handler=Link");
        (await PageSession.ParseAsync(refused)).Text().ShouldContain("Log eerst opnieuw in met een link uit uw e-mail");
        (await LoginsAsync("pseudoniem-iemand-anders")).ShouldBeEmpty();

        // His DigiD is his only way in: unlinking it is refused.
        using var kept = await browser.SubmitAsync("/account/beveiliging", new Dictionary<string, string> { ["provider"] = ResidentSignIn.Scheme },
            formSelector: "#linked-logins form");
        (await PageSession.ParseAsync(kept)).Text().ShouldContain("daarna kunt u niet meer inloggen");
        (await LoginsAsync("pseudoniem-zonder")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_broker_that_sends_a_BSN_is_refused_and_the_number_is_stored_nowhere()
    {
        var browser = app.Browser();

        using var back = await ThroughTheBrokerAsync(browser, "111222333");

        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PageSession.ParseAsync(back);
        page.Text().ShouldContain("Inloggen met DigiD is niet gelukt.");
        page.QuerySelector("#Input_Code").ShouldBeNull("nothing to link");
        (await browser.GetPageAsync("/inloggen/digid")).QuerySelector("#Input_Code").ShouldBeNull("the broker's answer is gone");
        (await LoginsAsync("111222333")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("urn:nl:bsn:111222333", true)]
    [InlineData("11122233", false)]
    [InlineData("111222334", false)]
    [InlineData("000000000", false)]
    [InlineData("3f9a0c51-2b7e-4d0a-9c1e-77a0e2f4b6d8", false)]
    public void A_BSN_is_recognised_by_the_eleven_test(string subject, bool isBsn) => ResidentSignIn.LooksLikeBsn(subject).ShouldBe(isBsn);

    [Fact]
    public void Only_the_pseudonym_and_how_he_signed_in_are_kept_of_the_brokers_answer()
    {
        var answer = new ClaimsPrincipal(new ClaimsIdentity(
            [new("sub", "abc"), new("pseudonym", "p-123"), new("email", "greet@voorbeeld.example"), new("name", "Greet"), new("acr", "urn:nl:digid:midden"),
                new("urn:nl:bsn", "111222333")], "oidc"));

        var kept = ResidentSignIn.Pseudonymous(answer, "pseudonym", ResidentSignIn.Scheme).ShouldNotBeNull();

        kept.Claims.Select(c => (c.Type, c.Value)).ShouldBe([("sub", "p-123"), (ClaimTypes.NameIdentifier, "p-123"), ("acr", "urn:nl:digid:midden")]);
        ResidentSignIn.Pseudonymous(answer, "urn:nl:bsn", ResidentSignIn.Scheme).ShouldBeNull("a BSN is no pseudonym");
        ResidentSignIn.Pseudonymous(answer, "missing", ResidentSignIn.Scheme).ShouldBeNull();
    }
}
