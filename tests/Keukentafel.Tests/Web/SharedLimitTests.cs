using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Keukentafel.Tests.Web;

/// <summary>Two instances of the application on one database, as behind a load balancer, on one clock that stands still.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const int SignInPerMinute = 4;
    public const int ApiPerMinute = 500;

    private readonly TestDatabase database = TestDatabase.Create();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public KeukentafelApp First { get; private set; } = null!;

    public KeukentafelApp Second { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await database.CreateAsync();
        // One after the other: the first migrates and seeds, the second finds it done.
        First = new Instance(database, Clock);
        await First.InitializeAsync();
        Second = new Instance(database, Clock);
        await Second.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await database.DisposeAsync();
    }

    private sealed class Instance(TestDatabase database, FakeTimeProvider clock) : KeukentafelApp(database, ownsDatabase: false)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() =>
        [
            new("RateLimiting:SignInPerMinute", SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("RateLimiting:ApiPerMinute", ApiPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}

/// <summary>
/// The limits hold across instances: three instances behind a load balancer must not let three times as many
/// password guesses or API calls through.
/// </summary>
public sealed class SharedLimitTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task The_sign_in_limit_counts_the_attempts_at_every_instance_together()
    {
        var ct = TestContext.Current.CancellationToken;
        instances.Clock.Advance(TimeSpan.FromMinutes(2)); // a sliding minute of its own
        var answers = new List<HttpStatusCode>();
        foreach (var app in new[] { instances.First, instances.Second, instances.First, instances.Second, instances.First, instances.Second })
        {
            using var client = app.CreateClient();
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = PageSession.Manager, password = "Geraden-1!" }, ct);
            answers.Add(response.StatusCode);
        }

        answers.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, TwoInstances.SignInPerMinute), HttpStatusCode.TooManyRequests,
            HttpStatusCode.TooManyRequests]);

        instances.Clock.Advance(TimeSpan.FromMinutes(2));
        using var next = instances.Second.CreateClient();
        using var later = await next.PostAsJsonAsync("/api/v1/auth/token", new { email = PageSession.Manager, password = "Geraden-2!" }, ct);
        later.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a minute later, the attempts no longer count");
    }

    [Fact]
    public async Task The_API_limit_holds_across_instances_within_ten_percent()
    {
        var ct = TestContext.Current.CancellationToken;
        instances.Clock.Advance(TimeSpan.FromMinutes(1));
        using var first = await instances.First.ApiAsync(PageSession.Coordinator);
        using var second = instances.Second.CreateClient();
        second.DefaultRequestHeaders.Authorization = first.DefaultRequestHeaders.Authorization; // the same caller at the other instance
        instances.Clock.Advance(TimeSpan.FromMinutes(1)); // the token request counted in the minute before

        var passed = 0;
        var refused = 0;
        for (var i = 0; i < TwoInstances.ApiPerMinute * 3 / 2; i++)
        {
            using var response = await (i % 2 == 0 ? first : second).GetAsync("/api/v1/me", ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused++;
                response.Headers.RetryAfter.ShouldNotBeNull();
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                passed++;
            }
        }

        passed.ShouldBeInRange(TwoInstances.ApiPerMinute, TwoInstances.ApiPerMinute * 11 / 10);
        refused.ShouldBe((TwoInstances.ApiPerMinute * 3 / 2) - passed);
    }

    [Fact]
    public async Task A_due_job_runs_at_one_instance_and_is_taken_over_when_that_one_dies()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = instances.First.Services.GetRequiredService<Keukentafel.Data.JobLeases>();
        var second = instances.Second.Services.GetRequiredService<Keukentafel.Data.JobLeases>();
        var every = TimeSpan.FromHours(24);
        var hold = TimeSpan.FromHours(1);
        var runs = 0;
        async Task Run(IServiceProvider services, CancellationToken token)
        {
            Interlocked.Increment(ref runs);
            await Task.Delay(200, token); // long enough for the other instance to look while this one runs
        }

        // Both instances look at the same moment, five times each: one runs it.
        var looks = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? first : second).RunIfDueAsync("test-job", every, hold, Run, ct)));
        looks.Count(ran => ran).ShouldBe(1);
        runs.ShouldBe(1);

        // Not due again until the interval has passed, at either instance; then once more.
        (await second.RunIfDueAsync("test-job", every, hold, Run, ct)).ShouldBeFalse();
        instances.Clock.Advance(every);
        (await second.RunIfDueAsync("test-job", every, hold, Run, ct)).ShouldBeTrue();
        (await first.RunIfDueAsync("test-job", every, hold, Run, ct)).ShouldBeFalse();
        runs.ShouldBe(2);

        // A run that fails gives the job back at once, to be tried at the next look.
        instances.Clock.Advance(every);
        await Should.ThrowAsync<InvalidOperationException>(first.RunIfDueAsync("test-job", every, hold,
            (_, _) => throw new InvalidOperationException("de taak mislukt"), ct));
        (await second.RunIfDueAsync("test-job", every, hold, Run, ct)).ShouldBeTrue();
        runs.ShouldBe(3);

        // An instance killed midway (no end, no give-back) keeps the job for its hold time; then another takes it over.
        instances.Clock.Advance(every);
        await using (var scope = instances.First.Services.CreateAsyncScope())
        {
            var until = instances.Clock.GetUtcNow().Add(hold).ToUnixTimeMilliseconds();
            await scope.ServiceProvider.GetRequiredService<Keukentafel.Data.KeukentafelDbContext>().Database.ExecuteSqlAsync(
                $"""UPDATE "JobLeases" SET "Holder" = 'gestopte-instantie', "UntilMs" = {until} WHERE "Name" = 'test-job'""", ct);
        }

        (await second.RunIfDueAsync("test-job", every, hold, Run, ct)).ShouldBeFalse("still held by the killed instance");
        instances.Clock.Advance(hold + TimeSpan.FromSeconds(1));
        (await second.RunIfDueAsync("test-job", every, hold, Run, ct)).ShouldBeTrue("taken over after the hold time");
        runs.ShouldBe(4);
    }
}
