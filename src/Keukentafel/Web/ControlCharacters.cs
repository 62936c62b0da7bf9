using System.Text;
using System.Text.Json;

namespace Keukentafel.Web;

/// <summary>
/// A NUL character is never part of a name, a note or a search: no form or client types one, and PostgreSQL cannot store or
/// even compare a text that holds one. A request that carries one (in its query, its form, or any text of its JSON body) is
/// refused as bad input before it reaches a rule or the database: 400 with the field it is in, for the API a problem.
/// </summary>
public static class ControlCharacters
{
    private const string Message = "Deze tekst bevat een onzichtbaar teken (NUL) dat niet kan. Typ de tekst opnieuw.";

    /// <summary>The largest JSON body read through here; a larger one is left to the endpoint's own size limit.</summary>
    private const int MaxScannedBody = 1024 * 1024;

    public static IApplicationBuilder UseControlCharacterRefusal(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var field = await FieldWithNulAsync(http);
        if (field is null)
        {
            await next(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (!WebExtensions.IsApi(http))
        {
            return; // the status code page says the request could not be read
        }

        var problem = new HttpValidationProblemDetails { Status = StatusCodes.Status400BadRequest };
        problem.Extensions["code"] = "request.control_character";
        problem.Errors[field.Length == 0 ? "body" : field] = [Message];
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    });

    /// <summary>The field (camelCase JSON path, query or form name) that holds a NUL character, or null when none does.</summary>
    public static async Task<string?> FieldWithNulAsync(HttpContext http)
    {
        foreach (var (name, values) in http.Request.Query)
        {
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                return JsonNamingPolicy.CamelCase.ConvertName(name.Replace("\0", "", StringComparison.Ordinal));
            }
        }

        if (http.Request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                return null; // too large or malformed: the binder refuses it as before
            }

            return form.Where(f => f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)).Select(f => f.Key).FirstOrDefault();
        }

        if (http.Request.HasJsonContentType() && http.Request.ContentLength is null or <= MaxScannedBody)
        {
            http.Request.EnableBuffering();
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            http.Request.Body.Position = 0;
            return buffer.Length is > 0 and <= MaxScannedBody ? JsonFieldWithNul(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) : null;
        }

        return null;
    }

    /// <summary>The JSON path of the first text (value or key) with a NUL character; malformed JSON is left to the binder.</summary>
    public static string? JsonFieldWithNul(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        var path = new List<(string? Property, int Index)>(); // one entry per open object (its property) or array (its index)
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(path);
                        path.Add((null, reader.TokenType == JsonTokenType.StartArray ? -1 : -2));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        path[^1] = (name, -2);
                        if (name.Contains('\0', StringComparison.Ordinal))
                        {
                            return Path(path);
                        }

                        break;
                    default:
                        Advance(path);
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                        {
                            return Path(path);
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null; // a lone surrogate: not a text this guard is about
        }

        return null;
    }

    /// <summary>A value in an array moves its index on.</summary>
    private static void Advance(List<(string? Property, int Index)> path)
    {
        if (path.Count > 0 && path[^1].Index >= -1)
        {
            path[^1] = (null, path[^1].Index + 1);
        }
    }

    private static string Path(List<(string? Property, int Index)> path)
    {
        var text = new StringBuilder();
        foreach (var (property, index) in path)
        {
            if (index >= 0)
            {
                text.Append('[').Append(index).Append(']');
            }
            else if (property is not null)
            {
                text.Append(text.Length > 0 ? "." : "").Append(JsonNamingPolicy.CamelCase.ConvertName(property.Replace("\0", "", StringComparison.Ordinal)));
            }
        }

        return text.ToString();
    }
}
