using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Keukentafel.Web;

/// <summary>
/// How the API reads and writes JSON, so that a client can rely on the document: enums by name only (a number outside the
/// enum would otherwise be stored), a set of flags as an array of names, numbers only as numbers, and amounts in euros
/// rounded to the cent (a fraction such as a share or a probability to four decimals).
/// </summary>
public static class ApiJson
{
    /// <summary>How many decimals an API answer gives for a number that is not an amount of money.</summary>
    public const int FractionDecimals = 4;

    public static void Configure(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Insert(0, new FlagsConverterFactory());
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RoundDecimals);
    }

    /// <summary>True for an enum that is a set (<see cref="FlagsAttribute"/>): written as an array of its names.</summary>
    public static bool IsFlags(Type type) => type.IsEnum && type.IsDefined(typeof(FlagsAttribute), false);

    /// <summary>The names a set of flags is written with: every single flag, never the empty set.</summary>
    public static IReadOnlyList<string> FlagNames(Type type) =>
        [.. Enum.GetValues(type).Cast<Enum>().Where(v => Convert.ToInt64(v, null) is var n && n != 0 && (n & (n - 1)) == 0).Select(v => v.ToString())];

    /// <summary>The decimals a written property gets: two (cents), or four where the property says it is a fraction.</summary>
    public static int DecimalsOf(ICustomAttributeProvider? property) =>
        property?.GetCustomAttributes(typeof(FractionAttribute), true).Length > 0 ? FractionDecimals : 2;

    private static void RoundDecimals(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            var decimals = DecimalsOf(property.AttributeProvider);
            if (property.PropertyType == typeof(decimal))
            {
                property.CustomConverter = decimals == 2 ? RoundedDecimalConverter.Cents : RoundedDecimalConverter.Fraction;
            }
            else if (property.PropertyType == typeof(decimal?))
            {
                property.CustomConverter = decimals == 2 ? RoundedNullableDecimalConverter.Cents : RoundedNullableDecimalConverter.Fraction;
            }
        }
    }

    /// <summary>Writes a decimal rounded (half away from zero); reads it as sent, for the rules to judge.</summary>
    private sealed class RoundedDecimalConverter(int decimals) : JsonConverter<decimal>
    {
        public static readonly RoundedDecimalConverter Cents = new(2);
        public static readonly RoundedDecimalConverter Fraction = new(FractionDecimals);

        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)
                ? value
                : throw new JsonException("Not a number, or a number too large.");

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Math.Round(value, decimals, MidpointRounding.AwayFromZero));
    }

    private sealed class RoundedNullableDecimalConverter(RoundedDecimalConverter value) : JsonConverter<decimal?>
    {
        public static readonly RoundedNullableDecimalConverter Cents = new(RoundedDecimalConverter.Cents);
        public static readonly RoundedNullableDecimalConverter Fraction = new(RoundedDecimalConverter.Fraction);

        public override bool HandleNull => true;

        public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : value.Read(ref reader, typeof(decimal), options);

        public override void Write(Utf8JsonWriter writer, decimal? number, JsonSerializerOptions options)
        {
            if (number is { } known)
            {
                value.Write(writer, known, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    private sealed class FlagsConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => IsFlags(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(FlagsConverter<>).MakeGenericType(typeToConvert))!;
    }

    /// <summary>A set of flags as an array of single names (<c>["Housing","Finances"]</c>; none is <c>[]</c>).</summary>
    private sealed class FlagsConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        /// <summary>Every single flag with its name, parsed once per type, not for every value written.</summary>
        private static readonly (string Name, long Value)[] Flags =
            [.. FlagNames(typeof(T)).Select(n => (n, Convert.ToInt64(Enum.Parse<T>(n), null)))];

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return (T)Enum.ToObject(typeof(T), Of(reader.GetString())); // a set of one, as a single name
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("A set is an array of names.");
            }

            long all = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                all |= Of(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
            }

            return (T)Enum.ToObject(typeof(T), all);
        }

        private static long Of(string? name)
        {
            foreach (var (known, value) in Flags)
            {
                if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            throw new JsonException($"Unknown name in the set: {name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            var set = Convert.ToInt64(value, null);
            writer.WriteStartArray();
            foreach (var (name, flag) in Flags)
            {
                if ((set & flag) == flag)
                {
                    writer.WriteStringValue(name);
                }
            }

            writer.WriteEndArray();
        }
    }
}

/// <summary>A number in an API answer that is a fraction (a share, a probability), written with four decimals, not two.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FractionAttribute : Attribute;
