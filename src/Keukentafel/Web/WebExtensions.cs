using System.Text.Json.Serialization;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.HttpOverrides;
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
        services.AddSingleton<SharedRateLimits>();
        return builder;
    }

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
        app.UseMetricsScraping();
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
        app.UseSharedRateLimits();
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
