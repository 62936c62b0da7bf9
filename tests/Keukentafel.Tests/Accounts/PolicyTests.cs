using System.Net;
using Keukentafel.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Accounts;

public sealed class PolicyTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/wijken")]
    [InlineData("/organisaties")]
    [InlineData("/beheer/accounts")]
    [InlineData("/account/beveiliging")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string page)
    {
        using var response = await app.Browser().GetAsync(page, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery().ShouldBe($"/inloggen?ReturnUrl={Uri.EscapeDataString(page)}");
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/neighbourhoods")]
    [InlineData("/api/v1/organisations")]
    [InlineData("/api/v1/admin/accounts")]
    public async Task Anonymous_api_calls_get_401(string endpoint)
    {
        using var response = await app.CreateClient().GetAsync(endpoint, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/wijken")]
    [InlineData("/organisaties")]
    [InlineData("/beheer/accounts")]
    public async Task A_resident_gets_403_on_staff_pages(string page)
    {
        var resident = await app.SignedInAsync(PageSession.Resident);

        using var response = await resident.GetAsync(page, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PageSession.ParseAsync(response)).Text().ShouldContain("Geen toegang");
    }

    [Theory]
    [InlineData("/api/v1/neighbourhoods")]
    [InlineData("/api/v1/organisations")]
    [InlineData("/api/v1/admin/accounts")]
    public async Task A_resident_gets_403_on_the_staff_api(string endpoint)
    {
        var resident = await app.ApiAsync(PageSession.Resident);

        using var response = await resident.GetAsync(endpoint, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(PageSession.Professional)]
    [InlineData(PageSession.Coordinator)]
    [InlineData(PageSession.Director)]
    public async Task Staff_who_are_not_administrators_get_403_on_administration(string email)
    {
        var page = await app.SignedInAsync(email);
        var api = await app.ApiAsync(email);

        using var pageResponse = await page.GetAsync("/beheer/accounts", TestContext.Current.CancellationToken);
        using var apiResponse = await api.GetAsync("/api/v1/admin/accounts", TestContext.Current.CancellationToken);

        pageResponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        apiResponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_navigation_follows_the_same_policies()
    {
        var professional = await (await app.SignedInAsync(PageSession.Professional)).GetPageAsync("/");
        var administrator = await (await app.SignedInAsync(PageSession.Administrator)).GetPageAsync("/");

        professional.QuerySelector("nav a[href='/beheer/accounts']").ShouldBeNull();
        administrator.QuerySelector("nav a[href='/beheer/accounts']").ShouldNotBeNull();
    }

    [Fact]
    public async Task An_administrator_sees_the_accounts_page_and_api()
    {
        var page = await (await app.SignedInAsync(PageSession.Administrator)).GetPageAsync("/beheer/accounts?q=sanne");
        var api = await app.ApiAsync(PageSession.Administrator);

        page.Text().ShouldContain(PageSession.Professional);
        using var response = await api.GetAsync("/api/v1/admin/accounts?limit=5", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_does_not_accept_a_browser_session_cookie()
    {
        // Bearer tokens only: a page on another site can never use the browser's cookie against the API.
        var browser = await app.SignedInAsync(PageSession.Professional);

        using var response = await browser.GetAsync("/api/v1/neighbourhoods", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Every_api_endpoint_requires_a_bearer_token_or_is_a_sign_in_endpoint()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .ToList();

        endpoints.ShouldNotBeEmpty();
        foreach (var endpoint in endpoints)
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (anonymous)
            {
                // Open: signing in, and the API's own description (the NL API Design Rules ask it be readable to anyone).
                var path = endpoint.RoutePattern.RawText!;
                (path.StartsWith("/api/v1/auth/", StringComparison.Ordinal) || path == "/api/v1/openapi.json")
                    .ShouldBeTrue($"{endpoint.DisplayName} is open to anyone");
            }
            else
            {
                policies.ShouldContain(Policies.Api, $"{endpoint.DisplayName} must require the bearer-token policy");
            }
        }
    }
}
