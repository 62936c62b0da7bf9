using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Keukentafel.Tests.Web;

public sealed class HostTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task Health_answers_when_the_database_is_reachable()
    {
        using var response = await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldBe(["database", "schema"]);
    }

    [Fact]
    public async Task The_probes_say_live_and_ready_on_a_current_schema()
    {
        using var client = app.CreateClient();
        using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Metrics_are_scraped_in_Prometheus_format_from_inside_only()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = await app.ApiAsync(PageSession.Coordinator);
        (await api.GetAsync("/api/v1/me", ct)).Dispose();

        using var scraped = await app.CreateClient().GetAsync("/metrics", ct);

        scraped.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await scraped.Content.ReadAsStringAsync(ct);
        text.ShouldContain("http_server_request_duration_seconds");
        text.ShouldContain("keukentafel_sign_ins_total");
        text.ShouldContain("keukentafel_audit_queue");

        var outside = await ScrapeAsync("203.0.113.9", forwardedFor: null, ct);
        outside.Response.StatusCode.ShouldBe(StatusCodes.Status404NotFound, "from outside, /metrics is an address that does not exist");
        new StreamReader(outside.Response.Body).ReadToEnd().ShouldNotContain("keukentafel_");

        // Through a proxy nobody named, whose own address is private: still not answered.
        var proxied = await ScrapeAsync("10.0.0.2", forwardedFor: "203.0.113.9", ct);
        proxied.Response.StatusCode.ShouldBe(StatusCodes.Status404NotFound);
    }

    /// <summary>A scrape of /metrics as it reaches the host from an address, maybe through a proxy that names the visitor.</summary>
    private Task<HttpContext> ScrapeAsync(string from, string? forwardedFor, CancellationToken ct) => app.Server.SendAsync(c =>
    {
        c.Request.Method = "GET";
        c.Request.Scheme = "https";
        c.Request.Host = new HostString("localhost");
        c.Request.Path = "/metrics";
        if (forwardedFor is not null)
        {
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        c.Connection.RemoteIpAddress = IPAddress.Parse(from);
    }, ct);

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.5", true)]
    [InlineData("192.168.1.10", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("203.0.113.9", false)]
    [InlineData("2001:db8::1", false)]
    public void Internal_addresses_are_the_operators_own_networks(string address, bool inside)
    {
        Keukentafel.Web.ClientNetwork.IsInternal(IPAddress.Parse(address)).ShouldBe(inside);
    }

    [Fact]
    public async Task Every_page_carries_secure_headers()
    {
        using var response = await app.CreateClient().GetAsync("/inloggen", TestContext.Current.CancellationToken);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_page_answers_404_in_Dutch()
    {
        var client = await app.SignedInAsync(PageSession.Professional);

        using var response = await client.GetAsync("/bestaat-niet", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PageSession.ParseAsync(response)).Text().ShouldContain("Pagina niet gevonden");
    }

    [Fact]
    public async Task An_unknown_api_resource_answers_with_problem_details()
    {
        var api = await app.ApiAsync(PageSession.Professional);

        using var response = await api.GetAsync($"/api/v1/neighbourhoods/{Guid.CreateVersion7()}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_api_is_described_in_an_OpenAPI_document_with_its_bearer_sign_in()
    {
        using var response = await app.CreateClient().GetAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/v1/neighbourhoods", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/auth/token", out _).ShouldBeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
    }

    [Fact]
    public async Task The_api_reference_is_open_to_read()
    {
        using var response = await app.CreateClient().GetAsync("/docs/api/", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Keukentafel API");
    }
}
