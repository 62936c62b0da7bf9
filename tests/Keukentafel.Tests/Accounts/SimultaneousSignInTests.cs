using System.Net;
using System.Net.Http.Json;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Accounts;

public sealed class HighLockoutApp : KeukentafelApp
{
    public const int Attempts = 20;

    protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() =>
        [new("Identity:Lockout:MaxFailedAccessAttempts", Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>
/// Wrong passwords sent at the same moment each count: the lock-out is not a number read, raised and written back, where
/// two at once count as one (a script firing guesses in parallel would never be locked out).
/// </summary>
public sealed class SimultaneousSignInTests(HighLockoutApp app) : IClassFixture<HighLockoutApp>
{
    [Fact]
    public async Task Fifteen_wrong_passwords_at_once_count_fifteen_and_the_limit_locks_the_account()
    {
        var ct = TestContext.Current.CancellationToken;

        var first = await GuessAsync(15, ct);

        first.ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        var (count, lockedUntil) = await AccountAsync(ct);
        count.ShouldBe(15);
        lockedUntil.ShouldBeNull();

        var second = await GuessAsync(HighLockoutApp.Attempts - 15, ct);

        second.ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        (count, lockedUntil) = await AccountAsync(ct);
        lockedUntil.ShouldNotBeNull();
        lockedUntil.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(10));
        count.ShouldBe(0, "the count starts again for after the lock-out");
        using var client = app.CreateClient();
        using var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = PageSession.Director, password = PageSession.DemoPassword }, ct);
        right.StatusCode.ShouldNotBe(HttpStatusCode.OK, "the right password is refused while locked out");
    }

    private async Task<HttpStatusCode[]> GuessAsync(int guesses, CancellationToken ct)
    {
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, guesses).Select(i => Task.Run(async () =>
        {
            using var client = app.CreateClient();
            start.Wait(ct);
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = PageSession.Director, password = $"Geraden-{i}!" }, ct);
            return response.StatusCode;
        })).ToList();
        start.Set();
        return await Task.WhenAll(attempts);
    }

    private async Task<(int Count, DateTimeOffset? LockedUntil)> AccountAsync(CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Users.AsNoTracking()
            .SingleAsync(a => a.Email == PageSession.Director, ct);
        return (account.AccessFailedCount, account.LockoutEnd);
    }
}
