using System.Net;
using System.Net.Http.Json;

namespace Keukentafel.Tests.Accounts;

public sealed class SignInRateLimitApp : KeukentafelApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() => [new("RateLimiting:SignInPerMinute", "4")];
}

public sealed class SignInRateLimitTests(SignInRateLimitApp app) : IClassFixture<SignInRateLimitApp>
{
    [Fact]
    public async Task Guessing_passwords_from_one_address_is_slowed_down_across_accounts()
    {
        // The lock-out protects one account; the rate limit protects all of them from one address.
        var client = app.CreateClient();
        var answers = new List<HttpStatusCode>();
        foreach (var email in new[] { PageSession.Professional, PageSession.Coordinator, PageSession.Manager, PageSession.Director, PageSession.Financier })
        {
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Geraden-wachtwoord-1" },
                TestContext.Current.CancellationToken);
            answers.Add(response.StatusCode);
        }

        answers.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests]);

        // Opening the sign-in page is not an attempt; sending its form is.
        using var attempt = await app.Browser().SignInAsync(PageSession.Professional);
        attempt.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await PageSession.ParseAsync(attempt)).Text().ShouldContain("Er zijn te veel pogingen gedaan.");
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Addresses_of_one_IPv6_network_count_together(string address, string network)
    {
        Keukentafel.Web.ClientNetwork.Of(IPAddress.Parse(address)).ShouldBe(network);
    }
}
