using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Scalar.AspNetCore;

namespace Keukentafel.Web;

/// <summary>The web host's plumbing: pages, API documentation, errors and secure defaults.</summary>
public static class WebExtensions
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Feature folders: a page lives beside the rules and endpoints of its feature and names its own route.
        // Texts of a page in Resources/<Folder>/<PageModel>.resx (Dutch) and .en.resx (English).
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(o => o.RootDirectory = "/")
            .AddMvcOptions(o =>
            {
                DutchBindingMessages(o.ModelBindingMessageProvider);
                o.Filters.Add<RefusalPageFilter>();
            })
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = PageTexts.ForValidation);
        services.AddAntiforgery(o =>
        {
            // Strict: only the app's own forms send it back. Antiforgery refuses every request on plain HTTP when told
            // Secure "always", and development and the browser tests run on http://localhost (which browsers count as
            // secure): so it follows the request here, and the cookie policy marks it Secure all the same.
            o.Cookie.AsHostCookie("kt.antiforgery", SameSiteMode.Strict).SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";
        });
        // TempData carries a note from a form to the page it leads to, always within the app.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(
            o => o.Cookie.AsHostCookie("kt.tempdata", SameSiteMode.Strict));
        services.Configure<CookiePolicyOptions>(HostCookies.Enforce);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.Complete);
        services.AddValidation();
        // A request the framework cannot read is an exception in every environment, so the API answers it with the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddSingleton<PdfText>();
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiDocumentTransformer>().AddOperationTransformer<ApiOperationTransformer>()
            .AddSchemaTransformer<ApiSchemaTransformer>().CreateSchemaReferenceId = ApiSchemaTransformer.ReferenceId);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Behind a load balancer the operator names its addresses in ForwardedHeaders:KnownProxies.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        var signInPerMinute = builder.Configuration.GetValue("RateLimiting:SignInPerMinute", 30);
        var apiPerMinute = builder.Configuration.GetValue("RateLimiting:ApiPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            // Sign-in attempts are rate limited per client network on top of the per-account lock-out.
            // Opening the page is not an attempt: a team behind one address can all load it at the start of a shift.
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("page")
                : RateLimitPartition.GetFixedWindowLimiter(
                    ClientNetwork.Of(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = signInPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                    }));

            // The API as a whole: per bearer token (tokens come only from a rate-limited sign-in), or without one per
            // client network, so one runaway script or scraper cannot take the service from everyone else.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsApi(context)
                ? RateLimitPartition.GetFixedWindowLimiter(ApiCaller(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = apiPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("pages"));
            o.OnRejected = async (rejected, ct) =>
            {
                if (IsApi(rejected.HttpContext))
                {
                    // When to try again, and the limit that was reached (IETF RateLimit header fields).
                    var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)
                        ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds))
                        : 60;
                    var signIn = rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == SignInRateLimit;
                    var headers = rejected.HttpContext.Response.Headers;
                    headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    headers["RateLimit-Policy"] = signIn ? $"{signInPerMinute};w=60" : $"{apiPerMinute};w=60";
                    headers["RateLimit"] = $"limit={(signIn ? signInPerMinute : apiPerMinute)}, remaining=0, reset={seconds}";
                    await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Te veel verzoeken",
                        detail: "U stuurt te veel verzoeken achter elkaar. Wacht een minuut en probeer het opnieuw.").ExecuteAsync(rejected.HttpContext);
                }
            };
        });
        return builder;
    }

    public const string SignInRateLimit = "sign-in";

    /// <summary>Who is calling the API, for its rate limit: a digest of the bearer token, or the client network.</summary>
    private static string ApiCaller(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is { Length: > 7 } authorization
                && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? $"token:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(authorization[7..])), 0, 16)}"
            : $"network:{ClientNetwork.Of(context.Connection.RemoteIpAddress)}";

    /// <summary>What the framework says when a form value cannot be read, in Dutch like everything else.</summary>
    private static void DutchBindingMessages(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => "Vul dit in.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Vul dit in.");
        messages.SetMissingKeyOrValueAccessor(() => "Vul dit in.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Het formulier is leeg.");
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"\"{value}\" klopt niet. Kijk of het goed is ingevuld.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"\"{value}\" klopt niet. Kijk of het goed is ingevuld.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Deze waarde klopt niet.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Deze waarde klopt niet.");
        messages.SetValueIsInvalidAccessor(value => $"\"{value}\" klopt niet.");
        messages.SetValueMustBeANumberAccessor(_ => "Vul een getal in.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Vul een getal in.");
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseCookiePolicy();
        app.UseApiVersionHeader();
        // Outermost, so it logs the status the client really got (a refused rule is a 409, not a 500).
        app.UseRequestLogging();
        if (app.Environment.IsDevelopment())
        {
            // Pages only: the API answers with its problem, the same in every environment.
            app.UseWhen(c => !IsApi(c), pages => pages.UseDeveloperExceptionPage());
        }
        else
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        // The API answers a failure with ProblemDetails; a page with the Dutch error page.
        app.UseWhen(IsApi, api => api.UseExceptionHandler());
        app.UseWhen(c => !IsApi(c), pages => pages.UseExceptionHandler("/status/500"));
        app.UseSecurityHeaders();
        // The API answers errors with ProblemDetails; pages with a Dutch page that keeps the status code.
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseLanguage();
        app.UseRouting();
        app.UseApiRoutesOnly();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCaseAccessCheck();
        app.UseControlCharacterRefusal();
        app.UseIdempotency();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi(ApiVersion.DocumentPath).AllowAnonymous();
        app.MapScalarApiReference("/docs/api", o => o.WithTitle("Keukentafel API").WithOpenApiRoutePattern(ApiVersion.DocumentPath)).AllowAnonymous();
        return app;
    }
}
