using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Keukentafel.Web;

/// <summary>Describes the API and its bearer-token sign-in in the OpenAPI document.</summary>
public sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

    /// <summary>The schemas of every error the API answers (RFC 9457 with a code), referred to by every operation.</summary>
    public const string ProblemSchema = "Problem";

    public const string ValidationProblemSchema = "ValidationProblem";

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
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem(validation: false);
        document.Components.Schemas[ValidationProblemSchema] = Problem(validation: true);
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        return Task.CompletedTask;
    }

    private static OpenApiSchema Problem(bool validation)
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = validation
                ? "A request that cannot be read or does not validate (400): every refused field under errors."
                : "An error (RFC 9457): what went wrong, in Dutch, with a code that stays the same.",
            Required = new HashSet<string> { "type", "title", "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A link that names the kind of problem."),
                ["title"] = Text("What went wrong, in Dutch."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
                ["detail"] = Text("More about this case of the problem, in Dutch."),
                ["instance"] = Text("The request the problem is about."),
                ["code"] = Text("A stable code to act on, e.g. case.stale, request.invalid, not_found."),
                ["field"] = Text("The field a refused rule is about (camelCase JSON path), when it is about one."),
            },
            Examples = [new JsonObject
            {
                ["type"] = ApiProblems.TypeOf("case.stale"),
                ["title"] = "Iemand anders heeft deze casus intussen gewijzigd. Bekijk wat er veranderde en doe uw wijziging daarna opnieuw.",
                ["status"] = 409,
                ["code"] = "case.stale",
            }],
        };
        if (validation)
        {
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Per refused field (its camelCase JSON path), the Dutch messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
            schema.Examples = [new JsonObject
            {
                ["type"] = ApiProblems.TypeOf("request.invalid"),
                ["title"] = "Het verzoek klopt niet. Kijk bij errors welke velden.",
                ["status"] = 400,
                ["code"] = "request.invalid",
                ["errors"] = new JsonObject { ["dueDate"] = new JsonArray("Geef de datum waarop de actie klaar moet zijn.") },
            }];
        }

        return schema;
    }
}
