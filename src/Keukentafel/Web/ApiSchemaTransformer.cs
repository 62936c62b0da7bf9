using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Keukentafel.Web;

/// <summary>
/// Makes each schema say what the API does with it (<see cref="ApiJson"/>): a field is required when the rules require it
/// or it has no empty value, and a required field is never null; a set of flags is an array of its names; a number with
/// decimals says it is rounded to the cent (or, a fraction, to four decimals).
/// </summary>
public sealed class ApiSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>Type names used by more than one type of the application: their schemas are named after their API too.</summary>
    private static readonly HashSet<string> SharedNames = [.. typeof(ApiSchemaTransformer).Assembly.GetTypes()
        .Where(t => t.IsPublic || t.IsNestedPublic).GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key)];

    /// <summary>
    /// The schema's name: the type's, unless another type has that name too (the residents' <c>AnswerRequest</c> and the
    /// case's): then with its API in front (<c>ResidentsAnswerRequest</c>), so two shapes never share one schema.
    /// </summary>
    public static string? ReferenceId(JsonTypeInfo type)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        return id is not null && SharedNames.Contains(type.Type.Name) && type.Type.DeclaringType is { } api
            ? api.Name.Replace("Api", "", StringComparison.Ordinal) + id
            : id;
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (ApiJson.IsFlags(type))
        {
            var nullable = schema.Type?.HasFlag(JsonSchemaType.Null) ?? false;
            schema.Type = JsonSchemaType.Array | (nullable ? JsonSchemaType.Null : 0);
            schema.Enum = null;
            schema.Items = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. ApiJson.FlagNames(type).Select(n => (JsonNode)JsonValue.Create(n))],
            };
            schema.UniqueItems = true;
            schema.Description ??= "A set: the array of every name that applies; [] for none. A single name is read as a set of one.";
        }
        else if (type == typeof(decimal) && context.JsonPropertyInfo is { } number)
        {
            // Written by ApiJson's own converter, which the framework cannot look into.
            schema.Type = JsonSchemaType.Number | (number.PropertyType == typeof(decimal?) ? JsonSchemaType.Null : 0);
            schema.Description ??= ApiJson.DecimalsOf(number.AttributeProvider) == 2
                ? "A number, written with at most two decimals (an amount: euros, rounded to the cent)."
                : "A fraction from 0 to 1, written with at most four decimals.";
        }

        if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { } properties)
        {
            MarkRequired(schema, properties, context.JsonTypeInfo);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Required: what the rules require (<see cref="RequiredAttribute"/>), and what cannot be null and has no default. A
    /// nullable field the rules leave open is optional; a required field is never null.
    /// </summary>
    private static void MarkRequired(OpenApiSchema schema, IDictionary<string, IOpenApiSchema> properties, JsonTypeInfo type)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in type.Properties)
        {
            if (!properties.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }

            var demanded = property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), true) ?? false;
            var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
                || (propertySchema is OpenApiSchema { Type: { } kind } && kind.HasFlag(JsonSchemaType.Null))
                || propertySchema is OpenApiSchema { OneOf.Count: > 0 } or OpenApiSchema { AnyOf.Count: > 0 };
            var defaulted = property.AssociatedParameter?.HasDefaultValue ?? false;
            if (demanded || (!nullable && !defaulted))
            {
                required.Add(property.Name);
            }

            if (demanded && propertySchema is OpenApiSchema { Type: { } own } concrete && own.HasFlag(JsonSchemaType.Null))
            {
                concrete.Type = own & ~JsonSchemaType.Null;
            }
        }

        schema.Required = required;
    }
}
