using System.Collections.Concurrent;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Web;

/// <summary>How many requests one caller made in one minute, counted in the database that every instance shares.</summary>
public sealed class RateCount
{
    private RateCount() { Key = ""; }

    public string Key { get; private set; }

    /// <summary>The minute, as minutes since 1970 (UTC).</summary>
    public long Window { get; private set; }

    public int Count { get; private set; }
}

internal sealed class RateCountConfiguration : IEntityTypeConfiguration<RateCount>
{
    public void Configure(EntityTypeBuilder<RateCount> e)
    {
        e.ToTable("RateCounts");
        e.HasKey(r => new { r.Key, r.Window });
        e.Property(r => r.Key).HasMaxLength(100);
        e.HasIndex(r => r.Window);
    }
}

/// <summary>Marks a sign-in step (a password, a code, a link, an invitation): sending it counts towards the sign-in limit.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SignInLimitedAttribute : Attribute;

/// <summary>
/// The rate limits, the same across every instance of the application: they count in the database, not in each
/// process (three instances behind a load balancer would otherwise allow three times the limit).
/// <list type="bullet">
/// <item>Sign-in steps, per client network: exact. Every attempt adds one in a single statement and is refused above the
/// limit, whichever instance it reaches; the previous minute counts for the part of it within the last sixty seconds.</item>
/// <item>The API, per bearer token or client network: within a few percent. An instance counts by itself and adds its
/// count to the shared one every <see cref="ApiShare"/> of the limit, learning the others' count as it does; so the
/// instances together pass at most that share each beyond the limit, at one statement per that many requests.</item>
/// </list>
/// </summary>
public sealed class SharedRateLimits(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration)
{
    /// <summary>The part of the API limit an instance counts by itself before it adds to the shared count.</summary>
    public const double ApiShare = 0.02;

    private readonly ConcurrentDictionary<string, ApiCount> api = new(StringComparer.Ordinal);
    private long sweptWindow;
    private long apiWindow;

    public int SignInPerMinute { get; } = configuration.GetValue("RateLimiting:SignInPerMinute", 30);

    public int ApiPerMinute { get; } = configuration.GetValue("RateLimiting:ApiPerMinute", 600);

    /// <summary>Counts a sign-in attempt from a network; null when it may go on, else the seconds until it may try again.</summary>
    public async Task<int?> SignInAsync(string network, CancellationToken ct)
    {
        var (window, secondsLeft) = Now();
        var key = $"signin:{network}";
        var count = await AddAsync(key, window, 1, ct);
        if (count > SignInPerMinute)
        {
            return secondsLeft;
        }

        // A sliding minute: the previous minute's attempts count for the part of it that is still within the last sixty
        // seconds, so a burst at the turn of the minute gets no second allowance.
        await using var scope = scopes.CreateAsyncScope();
        var previous = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Set<RateCount>().AsNoTracking()
            .Where(r => r.Key == key && r.Window == window - 1).Select(r => r.Count).FirstOrDefaultAsync(ct);
        return count + (previous * secondsLeft / 60.0) > SignInPerMinute ? secondsLeft : null;
    }

    /// <summary>Counts an API request of a caller; null when it may go on, else the seconds until it may try again.</summary>
    public async ValueTask<int?> ApiAsync(string caller, CancellationToken ct)
    {
        var (window, secondsLeft) = Now();
        if (Interlocked.Exchange(ref apiWindow, window) != window)
        {
            // A new minute: this instance's counts of the minutes that are over go (a caller seen once is not kept).
            foreach (var old in api.Where(a => a.Value.Window < window))
            {
                api.TryRemove(old);
            }
        }

        var count = api.AddOrUpdate(caller, _ => new ApiCount(window), (_, c) => c.Window == window ? c : new ApiCount(window));
        int toShare;
        lock (count)
        {
            if (count.Shared + count.Own >= ApiPerMinute)
            {
                return secondsLeft;
            }

            count.Own++;
            if (count.Own < Math.Max(1, (int)(ApiPerMinute * ApiShare)))
            {
                return null;
            }

            toShare = count.Own;
            count.Own = 0;
            count.Shared += toShare;
        }

        var shared = await AddAsync($"api:{caller}", window, toShare, ct);
        lock (count)
        {
            count.Shared = Math.Max(count.Shared, shared);
        }

        return null;
    }

    private (long Window, int SecondsLeft) Now()
    {
        var seconds = time.GetUtcNow().ToUnixTimeSeconds();
        return (seconds / 60, (int)(60 - (seconds % 60)));
    }

    private async Task<int> AddAsync(string key, long window, int count, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var total = (await db.Database.SqlQuery<int>($"""
                INSERT INTO "RateCounts" ("Key", "Window", "Count") VALUES ({key}, {window}, {count})
                ON CONFLICT ("Key", "Window") DO UPDATE SET "Count" = "RateCounts"."Count" + {count}
                RETURNING "Count" AS "Value"
                """).ToListAsync(ct)).Single();
        if (Interlocked.Exchange(ref sweptWindow, window) != window)
        {
            // Once a minute per instance: the shared counts of the minutes that are over.
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "RateCounts" WHERE "Window" < {window - 1}""", ct);
        }

        return total;
    }

    /// <summary>One caller's minute as this instance sees it: the shared count it last heard, and its own since.</summary>
    private sealed class ApiCount(long window)
    {
        public long Window { get; } = window;

        public int Shared { get; set; }

        public int Own { get; set; }
    }
}

public static class SharedRateLimitExtensions
{
    /// <summary>
    /// Refuses a request over a limit with 429 and when to try again: the API with a problem and the IETF RateLimit
    /// fields, a page with the Dutch status page. Opening a sign-in page is not an attempt; sending its form is.
    /// </summary>
    public static IApplicationBuilder UseSharedRateLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limits = context.RequestServices.GetRequiredService<SharedRateLimits>();
        var ct = context.RequestAborted;
        var signIn = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && context.GetEndpoint()?.Metadata.GetMetadata<SignInLimitedAttribute>() is not null;
        var wait = signIn ? await limits.SignInAsync(ClientNetwork.Of(context.Connection.RemoteIpAddress), ct) : null;
        var api = WebExtensions.IsApi(context);
        if (wait is null && api)
        {
            wait = await limits.ApiAsync(ApiCaller(context), ct);
        }

        if (wait is not { } seconds)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (api)
        {
            var limit = signIn ? limits.SignInPerMinute : limits.ApiPerMinute;
            var headers = context.Response.Headers;
            headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            headers["RateLimit-Policy"] = $"{limit};w=60";
            headers["RateLimit"] = $"limit={limit}, remaining=0, reset={seconds}";
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Te veel verzoeken",
                detail: "U stuurt te veel verzoeken achter elkaar. Wacht een minuut en probeer het opnieuw.").ExecuteAsync(context);
        }
    });

    /// <summary>Who is calling the API, for its rate limit: a digest of the bearer token, or the client network.</summary>
    private static string ApiCaller(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is { Length: > 7 } authorization
                && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? $"token:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(authorization[7..])), 0, 16)}"
            : $"network:{ClientNetwork.Of(context.Connection.RemoteIpAddress)}";
}
