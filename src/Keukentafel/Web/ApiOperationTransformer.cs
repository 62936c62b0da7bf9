using System.Reflection;
using System.Text.Json;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Keukentafel.Web;

/// <summary>
/// Makes each operation of the OpenAPI document exact where the framework leaves it short: the path's own parameters
/// (a case's <c>{id}</c> is read by the case access check, not by the handler), a stable camelCase <c>operationId</c> (the
/// handler's name), a description of who may call it, and every error it can answer, each as a problem (RFC 9457).
/// </summary>
public sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    private const string Problem = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var template = description.ActionDescriptor.AttributeRouteInfo?.Template ?? description.RelativePath ?? "";
        DeclarePathParameters(operation, template);

        operation.OperationId ??= OperationId(metadata.OfType<MethodInfo>().LastOrDefault(), description.HttpMethod, template);

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        if (anonymous)
        {
            operation.Security = []; // no token needed, whatever the document asks of the others
        }

        Exemplify(operation, context);
        if (description.HttpMethod == "POST" && Idempotency.Keeps(metadata))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Idempotency.Header,
                In = ParameterLocation.Header,
                Description = "Optional: a key of the client's own (e.g. a UUID). Sent again within 24 hours, the first answer comes back "
                    + "and nothing is made twice.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Idempotency.MaxKeyLength },
            });
        }
        var caseAccess = metadata.OfType<CaseAccessRequirement>().LastOrDefault();
        operation.Description ??= Describe(operation.Summary, anonymous, caseAccess, metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>());

        var writes = description.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE";
        var hasInput = operation.Parameters?.Count > 0 || operation.RequestBody is not null;
        operation.Responses ??= [];
        var validation = new OpenApiSchemaReference(ApiDocumentTransformer.ValidationProblemSchema, context.Document);
        var problem = new OpenApiSchemaReference(ApiDocumentTransformer.ProblemSchema, context.Document);
        if (hasInput)
        {
            Add(operation, "400", "The request cannot be read or does not validate: errors lists every refused field.", validation);
        }

        if (!anonymous)
        {
            Add(operation, "401", "No bearer token, or the token is refused.", problem);
            Add(operation, "403", "The caller's role may not do this, or (a coordinator) must first give a reason.", problem);
        }

        if (template.Contains('{', StringComparison.Ordinal))
        {
            Add(operation, "404", "Not found, or not the caller's: the two cannot be told apart.", problem);
        }

        if (writes)
        {
            Add(operation, "409", "A stale version, a step out of order, or two writes at the same moment.", problem);
            Add(operation, "422", "A rule refuses this well-formed input; code says which, field which input.", problem);
        }

        Add(operation, "429", "Too many requests: Retry-After says when to try again.", problem);
        foreach (var status in operation.Responses.Keys.Where(k => k[0] is '4' or '5').ToList())
        {
            Add(operation, status, operation.Responses[status].Description ?? "Refused.", status == "400" ? validation : problem);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The area and the handler's name, camelCase, e.g. <c>casesSignal</c>, <c>meetingsPropose</c>: stable while the code's
    /// names are. A lambda has no name worth keeping: then the method and the path's words.
    /// </summary>
    private static string OperationId(MethodInfo? handler, string? method, string template)
    {
        if (handler is not null && !handler.Name.Contains('<', StringComparison.Ordinal) && handler.DeclaringType is { } api)
        {
            return JsonNamingPolicy.CamelCase.ConvertName(api.Name.Replace("Api", "", StringComparison.Ordinal)) + handler.Name;
        }

        var words = template.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => !s.StartsWith('{') && s is not "api" and not "v1")
            .SelectMany(s => s.Split('-')).Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        return (method ?? "get").ToLowerInvariant() + string.Concat(words);
    }

    /// <summary>An example for the request body, made from its type (<see cref="ApiExamples"/>).</summary>
    private static void Exemplify(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        if (body is null || operation.RequestBody?.Content is not { } content)
        {
            return;
        }

        var options = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        foreach (var media in content.Values.OfType<OpenApiMediaType>())
        {
            media.Example ??= ApiExamples.For(body, options);
        }
    }

    private static void DeclarePathParameters(OpenApiOperation operation, string template)
    {
        operation.Parameters ??= [];
        foreach (var segment in template.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')))
        {
            var parts = segment.Trim('{', '}', '*').Split(':');
            var name = parts[0].TrimEnd('?');
            if (operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
            {
                continue;
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Description = name == "id" ? "The case (or resource) the path is about." : null,
                Schema = parts.Skip(1).Contains("guid")
                    ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }
                    : new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }

    private static string Describe(string? summary, bool anonymous, CaseAccessRequirement? caseAccess, IEnumerable<string> policies)
    {
        var who = anonymous
            ? "Open to anyone, without a token."
            : $"Needs a bearer token, and the policies {string.Join(", ", policies.Distinct())}.";
        var access = caseAccess is null
            ? ""
            : $" The caller must be at the case's table ({caseAccess.Level.ToString().ToLowerInvariant()} access: "
                + "the case bringer, a professional the resident let in while his organisation holds the resident's consent, "
                + "or the neighbourhood's coordinator with a recorded reason); the access is in the audit log as "
                + $"'{caseAccess.Part}'. Anyone else gets 404.";
        return $"{summary}\n\n{who}{access}";
    }

    private static void Add(OpenApiOperation operation, string status, string description, IOpenApiSchema schema)
    {
        var content = new Dictionary<string, OpenApiMediaType> { [Problem] = new OpenApiMediaType { Schema = schema } };
        if (operation.Responses!.TryGetValue(status, out var declared) && declared is OpenApiResponse existing)
        {
            // Declared by the handler's result type: every error the API gives is a problem, whatever that type says.
            existing.Description = description;
            if (existing.Content is null || !existing.Content.ContainsKey(Problem))
            {
                existing.Content = content;
            }

            return;
        }

        operation.Responses[status] = new OpenApiResponse { Description = description, Content = content };
    }
}
