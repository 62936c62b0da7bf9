using System.Net;
using System.Text.Json;

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
        body.GetProperty("checks")[0].GetProperty("name").GetString().ShouldBe("database");
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
