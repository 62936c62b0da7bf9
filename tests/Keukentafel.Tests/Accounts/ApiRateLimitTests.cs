using System.Net;

namespace Keukentafel.Tests.Accounts;

public sealed class ApiRateLimitApp : KeukentafelApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() => [new("RateLimiting:ApiPerMinute", "6")];
}

/// <summary>The API is rate limited per account: a runaway script is stopped, and only its own account.</summary>
public sealed class ApiRateLimitTests(ApiRateLimitApp app) : IClassFixture<ApiRateLimitApp>
{
    [Fact]
    public async Task One_account_sending_too_much_is_told_to_wait_and_another_account_is_not_hindered()
    {
        var ct = TestContext.Current.CancellationToken;
        var busy = await app.ApiAsync(PageSession.Professional);
        var calm = await app.ApiAsync(PageSession.Coordinator);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await busy.GetAsync("/api/v1/cases", ct);
            answers.Add(response.StatusCode);
        }

        answers.Take(6).ShouldAllBe(s => s == HttpStatusCode.OK);
        using var refused = await busy.GetAsync("/api/v1/cases", ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        refused.Headers.GetValues("RateLimit-Policy").ShouldBe(["6;w=60"]);
        refused.Headers.GetValues("RateLimit").Single().ShouldStartWith("limit=6, remaining=0, reset=");
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadAsStringAsync(ct)).ShouldContain("\"code\":\"rate_limited\"");
        (await refused.Content.ReadAsStringAsync(ct)).ShouldContain("Te veel verzoeken");
        using var other = await calm.GetAsync("/api/v1/cases", ct);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
