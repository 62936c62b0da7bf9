using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Keukentafel.Web;

/// <summary>
/// An example of a request body for the OpenAPI document, made from the request type itself so it cannot drift from it:
/// every field with a value its rules accept (within its length and range), enums and sets by name, synthetic people.
/// </summary>
public static class ApiExamples
{
    /// <summary>Plausible texts for fields whose name says what they hold; any other text is a short Dutch sentence.</summary>
    private static readonly Dictionary<string, string> Texts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = "bewoner@voorbeeld.nl",
        ["password"] = "Een-lang-wachtwoord-2026",
        ["givenName"] = "Mila",
        ["familyNamePrefix"] = "van",
        ["familyName"] = "Voorbeeld",
        ["name"] = "Wijkteam Voorbeeld",
        ["carrierName"] = "Buurthuis De Schakel",
        ["street"] = "Kerkstraat",
        ["houseNumber"] = "12a",
        ["postalCode"] = "5341 AB",
        ["town"] = "Oss",
        ["relation"] = "buurvrouw",
        ["twoFactorCode"] = "123456",
        ["recoveryCode"] = "ABCD-EFGH",
        ["refreshToken"] = "CfDJ8...",
        ["code"] = "wonen",
        ["rule"] = "Huishoudelijke hulp alleen na een Wmo-indicatie",
        ["unit"] = "uur",
        ["phone"] = "0612345678",
    };

    public static JsonNode? For(Type type, JsonSerializerOptions options) => Value(type, null, options, 0);

    private static JsonNode? Value(Type type, JsonPropertyInfo? property, JsonSerializerOptions options, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var name = property?.Name ?? "";
        var attributes = property?.AttributeProvider;
        if (type == typeof(string))
        {
            return Text(name, attributes);
        }

        if (type == typeof(bool))
        {
            return JsonValue.Create(!name.StartsWith("is", StringComparison.OrdinalIgnoreCase));
        }

        if (type == typeof(Guid))
        {
            // The same example id for the same field name, everywhere in the document.
            return JsonValue.Create(new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name))[..16]).ToString());
        }

        if (type == typeof(DateOnly))
        {
            return JsonValue.Create(name.Contains("birth", StringComparison.OrdinalIgnoreCase) ? "1961-04-23" : "2026-12-15");
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return JsonValue.Create("2026-12-15T10:00:00+01:00");
        }

        if (type == typeof(TimeOnly))
        {
            return JsonValue.Create("10:00:00");
        }

        if (type.IsEnum)
        {
            return ApiJson.IsFlags(type)
                ? new JsonArray(JsonValue.Create(ApiJson.FlagNames(type)[0]))
                : JsonValue.Create(Enum.GetNames(type).FirstOrDefault(n => n != "None") ?? Enum.GetNames(type)[0]);
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double))
        {
            return Number(type, name, attributes);
        }

        if (depth > 4)
        {
            return null;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is { } generic
            && (generic == typeof(Dictionary<,>) || generic == typeof(IDictionary<,>) || generic == typeof(IReadOnlyDictionary<,>)))
        {
            return new JsonObject { ["sleutel"] = Value(type.GetGenericArguments()[1], null, options, depth + 1) };
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var item = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? typeof(string);
            return new JsonArray(Value(item, property, options, depth + 1));
        }

        var info = options.GetTypeInfo(type);
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return null;
        }

        var example = new JsonObject();
        foreach (var field in info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null))
        {
            example[field.Name] = Value(field.PropertyType, field, options, depth + 1);
        }

        return example;
    }

    private static JsonValue Text(string name, ICustomAttributeProvider? attributes)
    {
        var text = Texts.TryGetValue(name, out var known) ? known
            : attributes?.IsDefined(typeof(EmailAddressAttribute), true) ?? false ? "medewerker@voorbeeld.nl"
            : "Mevrouw wil weer zelf boodschappen doen en haar post bijhouden.";
        var max = attributes?.GetCustomAttributes(typeof(StringLengthAttribute), true).Cast<StringLengthAttribute>().FirstOrDefault()?.MaximumLength
            ?? attributes?.GetCustomAttributes(typeof(MaxLengthAttribute), true).Cast<MaxLengthAttribute>().FirstOrDefault()?.Length;
        return JsonValue.Create(max is { } limit && text.Length > limit ? text[..limit] : text);
    }

    private static JsonValue Number(Type type, string name, ICustomAttributeProvider? attributes)
    {
        var range = attributes?.GetCustomAttributes(typeof(RangeAttribute), true).Cast<RangeAttribute>().FirstOrDefault();
        var wanted = name.Equals("version", StringComparison.OrdinalIgnoreCase) ? 3m : type == typeof(int) || type == typeof(long) ? 1m : 125.50m;
        if (range is not null)
        {
            var min = Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture);
            var max = Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture);
            wanted = Math.Clamp(wanted, min, max);
        }

        return type == typeof(int) ? JsonValue.Create((int)wanted)
            : type == typeof(long) ? JsonValue.Create((long)wanted)
            : JsonValue.Create(wanted);
    }
}
