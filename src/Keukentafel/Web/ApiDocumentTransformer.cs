using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Keukentafel.Web;

/// <summary>Describes the API and its bearer-token sign-in in the OpenAPI document.</summary>
public sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Keukentafel API",
            Version = ApiVersion.Full,
            Description = "The JSON API of Keukentafel. Get a bearer token from POST /api/v1/auth/token and send it as " +
                          "'Authorization: Bearer <token>'. Every endpoint that touches a resident's data is authorised " +
                          "against that resident's case and logged.",
        };
        document.Info.Contact = new OpenApiContact { Name = "Keukentafel", Url = new Uri("https://keukentafel.example/contact") };
        // Relative to where the document is served, wherever that is (behind a proxy, on a test host).
        document.Servers = [new OpenApiServer { Url = "/", Description = "This instance of Keukentafel" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Token from POST /api/v1/auth/token.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        return Task.CompletedTask;
    }
}
