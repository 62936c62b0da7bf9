using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Keukentafel.Tests.Accounts;

public sealed class ApiTokenTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task A_token_tells_who_the_caller_is()
    {
        var api = await app.ApiAsync(PageSession.Professional);

        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me", TestContext.Current.CancellationToken);

        me.GetProperty("displayName").GetString().ShouldBe("Sanne Verhoeven");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["professional"]);
        me.GetProperty("staffMemberId").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task The_ping_of_the_benchmarks_answers_a_signed_in_caller_only()
    {
        using var anonymous = await app.CreateClient().GetAsync("/api/v1/ping", TestContext.Current.CancellationToken);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await app.ApiAsync(PageSession.Professional)).GetJsonAsync("/api/v1/ping")).GetProperty("pong").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_password_gets_401_with_a_Dutch_problem()
    {
        using var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = PageSession.Coordinator, password = "Verkeerd-wachtwoord-1" }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("detail").GetString().ShouldBe("Het e-mailadres of het wachtwoord klopt niet.");
        problem.GetProperty("code").GetString().ShouldBe("sign_in.failed");
    }

    [Fact]
    public async Task A_token_request_without_an_email_is_a_validation_problem()
    {
        using var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = "", password = "x" }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("errors").EnumerateObject().Single().Value[0].GetString()
            .ShouldBe("Geef het e-mailadres, of de inlognaam van een bewoner zonder e-mailadres.");
    }

    [Fact]
    public async Task A_sign_in_name_with_a_NUL_character_is_refused_before_the_database()
    {
        using var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
            new { email = "appel\u0000fiets", password = "x" }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).Code().ShouldBe("request.control_character");
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_and_a_forged_one_gives_nothing()
    {
        var client = app.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/v1/auth/token",
            new { email = PageSession.Manager, password = PageSession.DemoPassword }, TestContext.Current.CancellationToken);
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        using var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh",
            new { refreshToken = tokens.GetProperty("refreshToken").GetString() }, TestContext.Current.CancellationToken);
        using var forged = await client.PostAsJsonAsync("/api/v1/auth/refresh",
            new { refreshToken = "niet-echt" }, TestContext.Current.CancellationToken);

        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var access = (await refreshed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        (await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_made_up_bearer_token_gets_401()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-verzonnen");

        using var response = await client.GetAsync("/api/v1/neighbourhoods", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
