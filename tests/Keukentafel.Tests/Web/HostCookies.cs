using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Keukentafel.Tests.Web;

/// <summary>Keeps every Set-Cookie header the app sends a client, to hold each one to the host-cookie rules.</summary>
public sealed class SetCookieRecorder : DelegatingHandler
{
    public List<string> Headers { get; } = [];

    /// <summary>The names of the cookies set (or deleted), in order.</summary>
    public IEnumerable<string> Names => Headers.Select(h => h[..h.IndexOf('=', StringComparison.Ordinal)]);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            Headers.AddRange(values);
        }

        return response;
    }
}

public static class HostCookies
{
    /// <summary>A browser client (cookies kept, redirects not followed) that records every Set-Cookie header.</summary>
    public static HttpClient RecordingBrowser(this KeukentafelApp app, SetCookieRecorder recorder) =>
        app.CreateDefaultClient(KeukentafelApp.HttpsAddress, new CookieContainerHandler(new CookieContainer()), recorder);

    /// <summary>
    /// Each header makes a cookie a browser keeps for this host alone and sends only over HTTPS: the __Host- prefix
    /// (which a browser refuses unless Secure, Path=/ and no Domain), HttpOnly, and SameSite Lax or Strict.
    /// </summary>
    public static void ShouldAllBeHostCookies(this IEnumerable<string> setCookieHeaders)
    {
        foreach (var header in setCookieHeaders)
        {
            var parts = header.Split(';').Select(p => p.Trim()).ToList();
            parts[0].ShouldStartWith("__Host-", Case.Sensitive, header);
            var attributes = parts.Skip(1).Select(p => p.ToLowerInvariant()).ToList();
            attributes.ShouldContain("secure", header);
            attributes.ShouldContain("path=/", header);
            attributes.ShouldContain("httponly", header);
            attributes.ShouldNotContain(a => a.StartsWith("domain", StringComparison.Ordinal), header);
            attributes.Count(a => a is "samesite=lax" or "samesite=strict").ShouldBe(1, header);
        }
    }
}
