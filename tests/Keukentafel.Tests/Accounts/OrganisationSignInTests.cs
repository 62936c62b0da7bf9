using System.Net;
using Keukentafel.Accounts;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Keukentafel.Tests.Accounts;

public sealed class OrganisationSignInApp : KeukentafelApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() =>
    [
        new("Authentication:OpenIdConnect:Authority", "https://idp.zorggroep.example"),
        new("Authentication:OpenIdConnect:ClientId", "keukentafel"),
        new("Authentication:OpenIdConnect:ClientSecret", "geheim"),
        new("Authentication:OpenIdConnect:DisplayName", "Zorggroep Eikenrode"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The provider's discovery document, given directly: the test reaches no network.
        var discovery = new OpenIdConnectConfiguration
        {
            Issuer = "https://idp.zorggroep.example",
            AuthorizationEndpoint = "https://idp.zorggroep.example/authorize",
            TokenEndpoint = "https://idp.zorggroep.example/token",
        };
        builder.ConfigureTestServices(services => services.PostConfigure<OpenIdConnectOptions>(OrganisationSignIn.Scheme, o =>
        {
            o.Configuration = discovery;
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(discovery);
        }));
    }
}

public sealed class OrganisationSignInTests(OrganisationSignInApp app) : IClassFixture<OrganisationSignInApp>
{
    [Fact]
    public async Task When_configured_the_sign_in_page_offers_the_organisations_provider()
    {
        var page = await app.Browser().GetPageAsync("/inloggen");

        page.QuerySelectorAll("form[action='/inloggen/extern'] button").Select(b => b.TextContent).ShouldBe(["Inloggen met Zorggroep Eikenrode"]);
    }

    [Fact]
    public async Task Choosing_it_sends_the_browser_to_the_provider_with_PKCE()
    {
        var client = app.Browser();

        using var response = await client.SubmitAsync("/inloggen", new Dictionary<string, string> { ["provider"] = OrganisationSignIn.Scheme },
            action: "/inloggen/extern");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe("https://idp.zorggroep.example/authorize");
        location.Query.ShouldContain("client_id=keukentafel");
        location.Query.ShouldContain("code_challenge_method=S256");
        location.Query.ShouldContain("response_type=code");
    }

    [Fact]
    public async Task An_unknown_provider_is_refused()
    {
        using var response = await app.Browser().SubmitAsync("/inloggen", new Dictionary<string, string> { ["provider"] = "elders" },
            action: "/inloggen/extern");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageSession.ParseAsync(response)).Text().ShouldContain("Inloggen via deze organisatie is hier niet ingesteld.");
    }
}
