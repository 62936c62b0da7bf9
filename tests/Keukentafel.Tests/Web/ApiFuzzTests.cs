using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Web;

/// <summary>
/// The API as a fuzzer tries it: every operation of the served document, with the token of each role, gets generated bad
/// input (malformed or empty JSON, wrong types, unknown enum names, numbers out of range, impossible dates, long texts,
/// bad path segments and query values). Never a 5xx or a redirect; every refusal is problem+json with a code (a 400 names
/// its fields); and a refused request changed nothing in the database. On SQLite, and on PostgreSQL when CI gives one.
/// </summary>
public abstract partial class ApiFuzzTests(KeukentafelApp app)
{
    private static readonly string[] Roles =
    [
        PageSession.Professional, PageSession.Coordinator, PageSession.Manager, PageSession.Administrator, PageSession.Resident,
        PageSession.Financier, PageSession.Aanjager,
    ];

    /// <summary>Values of the wrong kind, or out of every range, put in place of a field.</summary>
    private static readonly JsonNode?[] BadValues =
    [
        null, JsonValue.Create(1e26), JsonValue.Create(-5), JsonValue.Create(999), JsonValue.Create(2.5), JsonValue.Create(""),
        JsonValue.Create(new string('x', 9000)), JsonValue.Create(true), new JsonArray(), new JsonObject(), JsonValue.Create("2026-02-30"),
        JsonValue.Create("niet-een-datum"), JsonValue.Create("OnbekendeNaam"), new JsonArray("OnbekendeNaam"), JsonValue.Create(-2147483649L),
        JsonValue.Create("00000000-0000-0000-0000-000000000000"), JsonValue.Create("<script>alert(1)</script>"), JsonValue.Create("' OR 1=1 --"),
        JsonValue.Create(long.MaxValue), JsonValue.Create("\u0000"), new JsonArray(1, 2, 3),
    ];

    private static readonly string[] BadSegments = ["niet-een-id", "0", "%2e%2e", "00000000-0000-0000-0000-000000000000", "Whats", "a%20b"];

    private static readonly string[] BadQueryValues = ["veel", "-1", "0", "99999999999", "2026-02-30", "OnbekendeNaam", "", "%ZZ", "1e26"];

    [Fact]
    public async Task Bad_input_to_every_operation_is_refused_with_a_problem_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/api/v1/openapi.json", ct))!;
        var operations = Operations(document);
        operations.Count.ShouldBeGreaterThan(50);

        var clients = new List<HttpClient>();
        foreach (var role in Roles)
        {
            var client = await app.ApiAsync(role);
            clients.Add(client);
        }

        var ids = await KnownIdsAsync(clients[0], ct);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        var forbidden = new HashSet<(int Operation, int Role)>(); // learnt: this role may not call this operation at all
        var gen = Gen.Select(Gen.Int[0, operations.Count - 1], Gen.Int[0, Roles.Length - 1], Gen.Int[0, 7], Gen.Int[0, 1000],
            Gen.Int[0, BadValues.Length - 1], Gen.Int[0, 1000]);
        await gen.SampleAsync(async (op, role, mutation, field, bad, pick) =>
        {
            var operation = operations[op];
            role = Enumerable.Range(0, Roles.Length).Select(r => (role + r) % Roles.Length).FirstOrDefault(r => !forbidden.Contains((op, r)), role);
            using var request = Request(operation, mutation, field, bad, pick, ids);
            var before = await FingerprintAsync();
            using var response = await clients[role].SendAsync(request, ct);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync(ct);
            var what = $"{request.Method} {request.RequestUri} as {Roles[role]} with {Describe(request)} -> {status} {Short(text)}";
            if (status >= 500 || status is >= 300 and < 400)
            {
                failures.Add(what);
                return;
            }

            if (status == 403 && text.Contains("\"auth.forbidden\"", StringComparison.Ordinal))
            {
                forbidden.Add((op, role));
            }

            if (status < 400)
            {
                return; // well-formed after all: the change may stand
            }

            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !HasCode(text, status))
            {
                failures.Add($"not a problem with a code: {what}");
            }

            if (await FingerprintAsync() != before)
            {
                failures.Add($"refused yet changed the database: {what}");
            }
        }, iter: Iterations, threads: 1, seed: Environment.GetEnvironmentVariable("KEUKENTAFEL_FUZZ_SEED"));

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        failures.Distinct().Take(20).ShouldBeEmpty();
        // The input reached the binding and the rules, not only the doors: many 400s, and some well-formed after all.
        statuses.GetValueOrDefault(400).ShouldBeGreaterThan(Iterations / 10);
        statuses.Where(s => s.Key < 300).Sum(s => s.Value).ShouldBeGreaterThan(0);
    }

    /// <summary>Requests per run: enough to reach every operation several times in the time CI allows.</summary>
    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("KEUKENTAFEL_FUZZ_ITERATIONS"), out var n) ? n : 1000;

    private sealed record Operation(HttpMethod Method, string Path, JsonNode? Example, IReadOnlyList<string> Query);

    private static List<Operation> Operations(JsonNode document)
    {
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var example = operation!["requestBody"]?["content"]?["application/json"]?["example"];
                var query = operation["parameters"]?.AsArray().Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).ToList() ?? [];
                operations.Add(new Operation(new HttpMethod(method.ToUpperInvariant()), path, example?.DeepClone(), query));
            }
        }

        return operations;
    }

    /// <summary>Ids that exist (the first case, its meetings and actions, the neighbourhoods and organisations), to reach past 404.</summary>
    private static async Task<List<string>> KnownIdsAsync(HttpClient professional, CancellationToken ct)
    {
        var texts = new List<string>();
        foreach (var url in new[] { "/api/v1/cases", "/api/v1/neighbourhoods", "/api/v1/organisations" })
        {
            texts.Add(await professional.GetStringAsync(url, ct));
        }

        var firstCase = JsonNode.Parse(texts[0])!["items"]?.AsArray().FirstOrDefault()?["id"]?.GetValue<string>();
        if (firstCase is not null)
        {
            texts.Add(await professional.GetStringAsync($"/api/v1/cases/{firstCase}", ct));
        }

        // The case first: most operations are about one.
        return [.. new[] { firstCase ?? Guid.NewGuid().ToString() }.Concat(texts.SelectMany(t => GuidPattern().Matches(t).Select(m => m.Value))).Distinct()];
    }

    private static HttpRequestMessage Request(Operation operation, int mutation, int field, int bad, int pick, List<string> ids)
    {
        var path = PathParameter().Replace(operation.Path, parameter =>
        {
            pick = (pick * 31) + 7;
            return pick % 5 == 0 ? BadSegments[pick % BadSegments.Length]
                : parameter.Value == "{id}" && pick % 5 < 4 && operation.Path.StartsWith("/api/v1/cases/", StringComparison.Ordinal) ? ids[0]
                : ids[pick % ids.Count];
        });
        if (operation.Query.Count > 0)
        {
            path += "?" + string.Join('&', operation.Query.Select((q, i) => $"{q}={BadQueryValues[(field + i) % BadQueryValues.Length]}"));
        }

        var request = new HttpRequestMessage(operation.Method, path);
        if (operation.Method == HttpMethod.Get)
        {
            return request;
        }

        var body = operation.Example?.DeepClone();
        string text;
        var mediaType = "application/json";
        switch (mutation)
        {
            case 0: // malformed: the example cut off somewhere
                var whole = body?.ToJsonString() ?? "{\"a\": 1}";
                text = whole[..(field % whole.Length)];
                break;
            case 1:
                text = "";
                break;
            case 2: // a field removed
                if (body is JsonObject removed && removed.Count > 0)
                {
                    removed.Remove(removed.ElementAt(field % removed.Count).Key);
                }

                text = body?.ToJsonString() ?? "{}";
                break;
            case 3: // the body of the wrong kind altogether
                text = new[] { "[]", "42", "\"tekst\"", "null", "{\"version\": {}}" }[field % 5];
                break;
            case 4: // not JSON at all
                text = "versie=1&tekst=hallo";
                mediaType = "text/plain";
                break;
            default: // one field, or one field inside an array or object, of the wrong kind
                Replace(body, field, BadValues[bad]);
                text = body?.ToJsonString() ?? "{}";
                break;
        }

        request.Content = new StringContent(text, Encoding.UTF8, mediaType);
        return request;
    }

    private static void Replace(JsonNode? node, int field, JsonNode? value)
    {
        if (node is JsonObject json && json.Count > 0)
        {
            var key = json.ElementAt(field % json.Count).Key;
            if (field % 3 == 0 && json[key] is JsonObject or JsonArray)
            {
                Replace(json[key], field / 3, value);
                return;
            }

            json[key] = value?.DeepClone();
        }
        else if (node is JsonArray array && array.Count > 0)
        {
            var i = field % array.Count;
            if (array[i] is JsonObject inner)
            {
                Replace(inner, field / 2, value);
            }
            else
            {
                array[i] = value?.DeepClone();
            }
        }
    }

    private static bool HasCode(string text, int status)
    {
        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            var coded = problem.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString()!.Length > 0;
            var titled = problem.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 };
            var fields = status != 400 || (problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any());
            return coded && titled && fields && problem.GetProperty("status").GetInt32() == status;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// What a refused request must leave as it was: the number of rows in every table but the audit log's, the sessions', the
    /// keys' and the bookkeeping of rate limits (a refused sign-in still counts towards its limit) and job leases, and every
    /// case's version, read in one query.
    /// </summary>
    private async Task<string> FingerprintAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct()
            .Where(t => !t.Contains("Audit", StringComparison.Ordinal) && !t.Contains("Session", StringComparison.Ordinal)
                && !t.Contains("DataProtection", StringComparison.Ordinal) && !t.Contains("Idempoten", StringComparison.Ordinal)
                && t is not "RateCounts" and not "JobLeases")
            .Order(StringComparer.Ordinal).ToList();
        var sql = "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT COUNT(*) FROM \"{t}\")"))
            + ", (SELECT COALESCE(SUM(\"Version\"), 0) FROM \"Cases\")";
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return string.Join(',', Enumerable.Range(0, reader.FieldCount).Select(i => $"{tables.ElementAtOrDefault(i) ?? "versions"}={reader.GetValue(i)}"));
    }

    private static string Describe(HttpRequestMessage request) =>
        request.Content is StringContent content ? Short(content.ReadAsStringAsync().GetAwaiter().GetResult()) : "no body";

    private static string Short(string text) => text.Length > 300 ? text[..300] + "..." : text;

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex PathParameter();

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial System.Text.RegularExpressions.Regex GuidPattern();
}

public sealed class ApiFuzzTestingTests(KeukentafelApp app) : ApiFuzzTests(app), IClassFixture<KeukentafelApp>;

public sealed class ApiFuzzDevelopmentTests(DevelopmentApp app) : ApiFuzzTests(app), IClassFixture<DevelopmentApp>;
