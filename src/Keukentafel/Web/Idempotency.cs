using System.Security.Claims;
using System.Security.Cryptography;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keukentafel.Web;

/// <summary>
/// A POST to the API sent again with the same <c>Idempotency-Key</c> header (a client that lost the answer and retries)
/// gets the first answer again and creates nothing new, for 24 hours. The key belongs to the signed-in account: another
/// account's key is another key. The same key with another request is refused (422); a repeat while the first is still
/// running is refused (409). Only a successful answer is kept: after a refusal the client corrects and sends again.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;
    public static readonly TimeSpan Kept = TimeSpan.FromHours(24);

    /// <summary>A first request that has run longer than this without an answer is taken to have died with its instance.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    /// <summary>
    /// After authentication and the case access check, so a replay is answered only to someone who may still make the
    /// request, and his access is logged as for any other request.
    /// </summary>
    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) =>
        app.UseWhen(c => HttpMethods.IsPost(c.Request.Method) && WebExtensions.IsApi(c) && c.Request.Headers.ContainsKey(Header)
                && Keeps(c.GetEndpoint()?.Metadata ?? []),
            keyed => keyed.Use(async (context, next) => await OnceAsync(context, next)));

    /// <summary>
    /// Whether an endpoint's answers are kept for a repeat: not an open one (a token), and not one whose answer holds a
    /// secret shown once (<see cref="NotKeptAttribute"/>, an invitation code): those are not kept anywhere, also not here.
    /// </summary>
    public static bool Keeps(IEnumerable<object> endpointMetadata) =>
        endpointMetadata.Any() && !endpointMetadata.Any(m => m is Microsoft.AspNetCore.Authorization.IAllowAnonymous or NotKeptAttribute);

    /// <summary>An endpoint whose answer is not kept for a repeat with the same Idempotency-Key (it holds a secret).</summary>
    public static TBuilder NotKeptForRepeats<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NotKeptAttribute());

    /// <summary>Removes every kept answer older than 24 hours, whoever's (the retention job, and each keyed request).</summary>
    public static Task<int> PurgeAsync(KeukentafelDbContext db, DateTime nowUtc, CancellationToken ct) =>
        db.IdempotentRequests.Where(r => r.CreatedAtUtc < nowUtc - Kept).ExecuteDeleteAsync(ct);

    private static async Task OnceAsync(HttpContext context, Func<Task> next)
    {
        var key = context.Request.Headers[Header].ToString();
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } account)
        {
            await next(); // anonymous (a token request): nothing to keep it under
            return;
        }

        if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "idempotency.key_invalid",
                $"De Idempotency-Key moet 1 tot {MaxKeyLength} tekens lang zijn.", field: Header);
            return;
        }

        var ct = context.RequestAborted;
        var db = context.RequestServices.GetRequiredService<KeukentafelDbContext>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var fingerprint = await FingerprintAsync(context);
        var mine = db.IdempotentRequests.Where(r => r.AccountId == account && r.Key == key);
        await PurgeAsync(db, now, ct);
        await mine.Where(r => r.Status == 0 && r.CreatedAtUtc < now - Abandoned).ExecuteDeleteAsync(ct);

        if (await mine.AsNoTracking().SingleOrDefaultAsync(ct) is { } earlier)
        {
            await AnswerAgainAsync(context, earlier, fingerprint);
            return;
        }

        var kept = new IdempotentRequest(account, key, fingerprint, now);
        db.IdempotentRequests.Add(kept);
        try
        {
            await db.SaveChangesAsync(ct);
            db.Entry(kept).State = EntityState.Detached; // the endpoint's own work may clear the context; the answer is written apart
        }
        catch (DbUpdateException)
        {
            // The same key at the same moment: the other request holds it.
            await RefuseAsync(context, StatusCodes.Status409Conflict, "idempotency.in_progress",
                "Dit verzoek met deze Idempotency-Key loopt nog. Probeer het zo opnieuw.");
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var succeeded = false;
        try
        {
            await next();
            succeeded = context.Response.StatusCode is >= 200 and < 300;
            if (succeeded)
            {
                var (status, type, location, body) = (context.Response.StatusCode, context.Response.ContentType,
                    context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, buffer.ToArray());
                await mine.Where(r => r.Status == 0).ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Status, status).SetProperty(r => r.ContentType, type).SetProperty(r => r.Location, location)
                    .SetProperty(r => r.Body, body), CancellationToken.None);
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!succeeded)
            {
                await mine.ExecuteDeleteAsync(CancellationToken.None);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, ct);
    }

    private static async Task AnswerAgainAsync(HttpContext context, IdempotentRequest earlier, string fingerprint)
    {
        if (earlier.Fingerprint != fingerprint)
        {
            await RefuseAsync(context, StatusCodes.Status422UnprocessableEntity, "idempotency.key_reused",
                "Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel.", field: Header);
            return;
        }

        if (earlier.Status == 0)
        {
            await RefuseAsync(context, StatusCodes.Status409Conflict, "idempotency.in_progress",
                "Dit verzoek met deze Idempotency-Key loopt nog. Probeer het zo opnieuw.");
            return;
        }

        context.Response.StatusCode = earlier.Status;
        context.Response.Headers[ReplayedHeader] = "true";
        if (!string.IsNullOrEmpty(earlier.Location))
        {
            context.Response.Headers.Location = earlier.Location;
        }

        if (earlier.ContentType is { } type)
        {
            context.Response.ContentType = type;
        }

        if (earlier.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>What makes a repeat the same request: the method, the path and query, and the body's bytes.</summary>
    private static async Task<string> FingerprintAsync(HttpContext context)
    {
        context.Request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        context.Request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static Task RefuseAsync(HttpContext context, int status, string code, string title, string? field = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null)
        {
            extensions["field"] = field;
        }

        return Results.Problem(statusCode: status, title: title, extensions: extensions).ExecuteAsync(context);
    }
}

/// <summary>The first answer to a POST with an <c>Idempotency-Key</c>, kept for 24 hours (status 0 while it runs).</summary>
public sealed class IdempotentRequest(string accountId, string key, string fingerprint, DateTime createdAtUtc)
{
    public string AccountId { get; private set; } = accountId;
    public string Key { get; private set; } = key;
    public string Fingerprint { get; private set; } = fingerprint;
    public DateTime CreatedAtUtc { get; private set; } = createdAtUtc;
    public int Status { get; private set; }
    public string? ContentType { get; private set; }
    public string? Location { get; private set; }
    public byte[]? Body { get; private set; }
}

/// <summary>See <see cref="Idempotency.NotKeptForRepeats"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NotKeptAttribute : Attribute;

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> e)
    {
        e.HasKey(r => new { r.AccountId, r.Key });
        e.Property(r => r.AccountId).HasMaxLength(64);
        e.Property(r => r.Key).HasMaxLength(Idempotency.MaxKeyLength);
        e.Property(r => r.Fingerprint).HasMaxLength(64);
        e.Property(r => r.ContentType).HasMaxLength(200);
        e.Property(r => r.Location).HasMaxLength(500);
        e.HasIndex(r => new { r.AccountId, r.CreatedAtUtc });
    }
}
