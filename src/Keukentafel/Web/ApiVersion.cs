namespace Keukentafel.Web;

/// <summary>
/// The API's version (NL API Design Rules): the major version in every path (<c>/api/v1/...</c>), the full version in the
/// <c>API-Version</c> header of every API response and in the OpenAPI document, which is at <c>/api/v1/openapi.json</c>.
/// </summary>
public static class ApiVersion
{
    /// <summary>Semantic: a breaking change raises the major version, and with it the path.</summary>
    public const string Full = "1.0.0";

    public const string Prefix = "/api/v1";

    public const string DocumentPath = Prefix + "/openapi.json";

    public static IApplicationBuilder UseApiVersionHeader(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (WebExtensions.IsApi(http))
        {
            // Just before the answer goes out: an error answer starts from cleared headers.
            http.Response.OnStarting(() =>
            {
                http.Response.Headers["API-Version"] = Full;
                return Task.CompletedTask;
            });
        }

        await next(http);
    });
}
