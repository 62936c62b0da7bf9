using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Template;

namespace Keukentafel.Web;

/// <summary>
/// The API's error contract (NL API Design Rules; RFC 9457): every error is <c>application/problem+json</c> with a Dutch
/// <c>title</c>, its <c>status</c>, and a stable <c>code</c>; a 400 lists every field it refuses under <c>errors</c>, keyed by
/// the field's JSON path in camelCase. An API request is never redirected: an unknown path is 404, a wrong method 405, a
/// wrong media type 415, no or a bad token 401.
/// </summary>
public static partial class ApiProblems
{
    /// <summary>The code and Dutch title of an error that has no refusal of its own behind it, by status.</summary>
    public static (string Code, string Title) OfStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("request.invalid", "Het verzoek klopt niet. Kijk bij errors welke velden."),
        StatusCodes.Status401Unauthorized => ("auth.required", "Log eerst in: dit verzoek heeft een geldig token nodig."),
        StatusCodes.Status403Forbidden => ("auth.forbidden", "U mag dit niet met uw rol."),
        StatusCodes.Status404NotFound => ("not_found", "Niet gevonden, of u hebt er geen toegang toe."),
        StatusCodes.Status405MethodNotAllowed => ("request.method_not_allowed", "Deze methode kan niet op dit adres."),
        StatusCodes.Status406NotAcceptable => ("request.not_acceptable", "Dit antwoord is er alleen als JSON."),
        StatusCodes.Status409Conflict => ("conflict", "Dit past niet bij hoe het er nu voor staat."),
        StatusCodes.Status413PayloadTooLarge => ("request.too_large", "Het verzoek is te groot."),
        StatusCodes.Status415UnsupportedMediaType => ("request.unsupported_media_type", "Stuur de gegevens als application/json."),
        StatusCodes.Status422UnprocessableEntity => ("rule.refused", "Dit kan niet volgens de regels."),
        StatusCodes.Status429TooManyRequests => ("rate_limited", "U stuurt te veel verzoeken achter elkaar. Wacht even en probeer het opnieuw."),
        >= 500 => ("server.error", "Er ging bij ons iets mis. Probeer het later opnieuw."),
        _ => ("request.refused", "Dit verzoek kan niet."),
    };

    /// <summary>The link that names a kind of problem, by its code.</summary>
    public static string TypeOf(string code) => $"https://keukentafel.example/problemen/{code}";

    /// <summary>
    /// Completes every problem the API writes: a code and a Dutch title where the writer gave none, the field errors keyed
    /// by their camelCase JSON path, and no exception details.
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        if (!WebExtensions.IsApi(context.HttpContext))
        {
            return;
        }

        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var (code, title) = OfStatus(status);
        problem.Status = status;
        problem.Extensions.TryAdd("code", code);
        if (string.IsNullOrEmpty(problem.Title) || problem.Title == ReasonPhrases(status)
            || problem.Title.StartsWith("One or more validation", StringComparison.Ordinal))
        {
            problem.Title = title;
        }

        problem.Type ??= TypeOf($"{problem.Extensions["code"]}");
        problem.Extensions.Remove("exception");
        problem.Extensions.Remove("traceId");
        if (problem is HttpValidationProblemDetails validation)
        {
            var errors = validation.Errors.ToDictionary(e => JsonPath(e.Key), e => e.Value.Select(Dutch).ToArray());
            validation.Errors.Clear();
            foreach (var (key, messages) in errors)
            {
                validation.Errors[key] = messages;
            }
        }
    }

    /// <summary>
    /// A request the framework could not read (malformed JSON, a wrong type, an unknown enum name, an impossible date, a
    /// value that is not a number): 400 with the field it is about, or 415 for a body that is not JSON.
    /// </summary>
    public static HttpValidationProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        var status = bad.StatusCode;
        var (code, title) = OfStatus(status);
        var problem = new HttpValidationProblemDetails { Status = status, Title = title };
        problem.Extensions["code"] = status == StatusCodes.Status400BadRequest ? "request.unreadable" : code;
        if (status != StatusCodes.Status400BadRequest)
        {
            return problem;
        }

        var json = bad.InnerException as JsonException ?? bad.InnerException?.InnerException as JsonException;
        if (json is not null)
        {
            var field = JsonPath(json.Path ?? "$");
            problem.Errors[field.Length == 0 ? "body" : field] = [field.Length == 0
                ? "De inhoud is geen geldige JSON, of mist."
                : "Deze waarde klopt niet: kijk naar het soort waarde (tekst, getal, datum, ja/nee) en de toegestane waarden."];
            return problem;
        }

        if (Parameter().Match(bad.Message) is { Success: true } match)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value);
            problem.Errors[name] = [bad.Message.StartsWith("Required", StringComparison.Ordinal)
                ? "Dit veld is verplicht."
                : $"\"{match.Groups["value"].Value}\" klopt niet voor dit veld."];
            return problem;
        }

        problem.Errors["body"] = [bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
            ? "De inhoud is geen geldige JSON, of mist."
            : "Het verzoek klopt niet."];
        return problem;
    }

    /// <summary>
    /// The framework's own validation messages (for a rule without a Dutch message of its own) in Dutch, as every other
    /// message of the API; a message that is Dutch already stays as it is.
    /// </summary>
    public static string Dutch(string message) => message switch
    {
        _ when RequiredMessage().IsMatch(message) => "Vul dit in.",
        _ when StringLengthMessage().Match(message) is { Success: true } m => $"Dit mag hoogstens {m.Groups["max"].Value} tekens lang zijn.",
        _ when RangeMessage().Match(message) is { Success: true } m => $"Geef een waarde van {m.Groups["min"].Value} tot en met {m.Groups["max"].Value}.",
        _ when EmailMessage().IsMatch(message) => "Dit is geen geldig e-mailadres.",
        _ when MaxLengthMessage().Match(message) is { Success: true } m => $"Dit mag hoogstens {m.Groups["max"].Value} lang zijn.",
        _ when PatternMessage().IsMatch(message) => "Dit heeft niet de goede vorm.",
        _ => message,
    };

    /// <summary>A field's path as a client names it: <c>$.items[0].Name</c> and <c>Items[0].Name</c> become <c>items[0].name</c>.</summary>
    public static string JsonPath(string path)
    {
        var trimmed = path.StartsWith('$') ? path.TrimStart('$').TrimStart('.') : path;
        return string.Join('.', trimmed.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(part =>
            part.Length > 0 && char.IsUpper(part[0]) ? JsonNamingPolicy.CamelCase.ConvertName(part) : part));
    }

    private static string? ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    [GeneratedRegex(@"^The \S+ field is required\.$")]
    private static partial Regex RequiredMessage();

    [GeneratedRegex(@"^The field \S+ must be a string with (a minimum length of \d+ and )?a maximum length of (?<max>\d+)\.$")]
    private static partial Regex StringLengthMessage();

    [GeneratedRegex(@"^The field \S+ must be between (?<min>\S+) and (?<max>\S+)\.$")]
    private static partial Regex RangeMessage();

    [GeneratedRegex(@"^The \S+ field is not a valid e-mail address\.$")]
    private static partial Regex EmailMessage();

    [GeneratedRegex(@"^The field \S+ must be a string or array type with a maximum length of '(?<max>\d+)'\.$")]
    private static partial Regex MaxLengthMessage();

    [GeneratedRegex(@"^The field \S+ must match the regular expression")]
    private static partial Regex PatternMessage();

    // "Failed to bind parameter "int? limit" from "abc"." / "Required parameter "string q" was not provided from query string."
    [GeneratedRegex("""parameter "(?<type>[^" ]+(?: [^" ]+)*?) (?<name>[A-Za-z_][A-Za-z0-9_]*)"(?: from "(?<value>[^"]*)")?""")]
    private static partial Regex Parameter();
}

public static class ApiRoutes
{
    // The endpoints routing makes for a request whose path matches but whose method or media type does not.
    private const string MethodNotAllowed = "405 HTTP Method Not Supported";
    private const string UnsupportedMediaType = "415 HTTP Unsupported Media Type";

    /// <summary>
    /// An API request that matches no operation is answered here, before sign-in could turn it into a redirect: an unknown
    /// path (or an id that is not one) 404, a known path with another method 405, a body that is not JSON 415. The API's
    /// status code pages make each a problem.
    /// </summary>
    public static IApplicationBuilder UseApiRoutesOnly(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!WebExtensions.IsApi(http))
        {
            await next(http);
            return;
        }

        var endpoint = http.GetEndpoint();
        if (endpoint is null)
        {
            // The status code pages write the problem.
            var allowed = AllowedMethods(http);
            http.Response.StatusCode = allowed.Count > 0 ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status404NotFound;
            if (allowed.Count > 0)
            {
                http.Response.Headers.Allow = string.Join(", ", allowed);
            }

            return;
        }

        if (endpoint.DisplayName is MethodNotAllowed or UnsupportedMediaType)
        {
            await endpoint.RequestDelegate!(http); // 405 with its Allow header, or 415
            return;
        }

        if (!AcceptsJson(http.Request))
        {
            // Written here: the status code pages would offer this client text, which the API never answers.
            var (code, title) = ApiProblems.OfStatus(StatusCodes.Status406NotAcceptable);
            await TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, title: title, type: ApiProblems.TypeOf(code),
                extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(http);
            return;
        }

        await next(http);
    });

    /// <summary>
    /// Whether the client takes JSON: every answer of the API is JSON (or a problem, which is JSON too). No Accept header,
    /// or one naming any JSON type, <c>application/*</c> or <c>*/*</c>, is fine.
    /// </summary>
    private static bool AcceptsJson(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Count == 0 || accept.Any(a => a.Quality is not 0 && (a.MatchesAllTypes || (a.Type == "application"
            && (a.MatchesAllSubTypes || a.SubType == "json" || a.Suffix == "json"))));
    }

    /// <summary>
    /// The methods of the operations at this path, when the request's is not among them (routing says 405 itself only
    /// when no GET endpoint, such as the static files', is a candidate too).
    /// </summary>
    private static List<string> AllowedMethods(HttpContext http)
    {
        var methods = http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api", StringComparison.Ordinal)
                && new TemplateMatcher(TemplateParser.Parse(raw), []).TryMatch(http.Request.Path, []))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return methods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase) ? [] : methods;
    }
}
