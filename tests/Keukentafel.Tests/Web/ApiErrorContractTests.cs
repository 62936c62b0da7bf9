using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace Keukentafel.Tests.Web;

/// <summary>The API in the Development environment, which the README starts: its errors must be the same as everywhere.</summary>
public sealed class DevelopmentApp : KeukentafelApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

/// <summary>
/// Whatever a client sends, the API answers with a problem (application/problem+json) that has a code, names the field it
/// refuses, and is never a redirect or a 500: in Testing and in Development alike.
/// </summary>
public abstract class ApiErrorContractTests(KeukentafelApp app)
{
    [Fact]
    public async Task Malformed_json_is_a_400_about_the_body()
    {
        using var api = await app.ApiAsync(PageSession.Professional);

        var problem = await SendAsync(api, HttpMethod.Post, "/api/v1/cases", "{\"neighbourhoodId\": ", HttpStatusCode.BadRequest);

        problem.Code().ShouldBe("request.unreadable");
        problem.GetProperty("errors").EnumerateObject().ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("{\"neighbourhoodId\": 12}", "neighbourhoodId")]
    [InlineData("{\"dateOfBirth\": \"1951-02-30\"}", "dateOfBirth")]
    [InlineData("{\"source\": \"Buurvrouw\"}", "source")]
    [InlineData("{\"source\": 999}", "source")]
    [InlineData("{\"givenName\": [\"Greet\"]}", "givenName")]
    public async Task A_value_of_the_wrong_kind_is_a_400_naming_its_field(string body, string field)
    {
        using var api = await app.ApiAsync(PageSession.Professional);

        var problem = await SendAsync(api, HttpMethod.Post, "/api/v1/cases", body, HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue(problem.ToString());
        messages[0].GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("{\"givenName\": \"Gr\\u0000et\", \"familyName\": \"Mol\"}", "givenName")]
    [InlineData("{\"questions\": [\"a\", {\"own\": \"x\\u0000\"}]}", "questions[1].own")]
    [InlineData("{\"x\\u0000y\": 1}", "xy")]
    public async Task A_NUL_character_in_any_text_is_a_400_naming_its_field_and_changes_nothing(string body, string field)
    {
        using var api = await app.ApiAsync(PageSession.Professional);
        var before = (await api.GetStringAsync("/api/v1/cases?limit=100", TestContext.Current.CancellationToken)).Length;

        var problem = await SendAsync(api, HttpMethod.Post, "/api/v1/cases", body, HttpStatusCode.BadRequest);

        problem.Code().ShouldBe("request.control_character");
        problem.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue(problem.ToString());
        messages[0].GetString()!.ShouldContain("NUL");
        (await api.GetStringAsync("/api/v1/cases?limit=100", TestContext.Current.CancellationToken)).Length.ShouldBe(before);
    }

    [Fact]
    public async Task A_NUL_character_in_a_query_is_a_400_naming_it()
    {
        using var api = await app.ApiAsync(PageSession.Professional);

        var problem = await SendAsync(api, HttpMethod.Get, "/api/v1/cases?q=a%00b", null, HttpStatusCode.BadRequest);

        problem.Code().ShouldBe("request.control_character");
        problem.GetProperty("errors").TryGetProperty("q", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task A_NUL_character_typed_into_a_page_form_is_refused_with_the_error_page()
    {
        using var browser = app.Browser();

        using var response = await browser.SubmitAsync("/inloggen",
            new Dictionary<string, string> { ["Input.Email"] = "sanne\u0000@welzijnsamen.example", ["Input.Password"] = "x" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task A_query_value_that_is_not_a_number_is_a_400_naming_it()
    {
        using var api = await app.ApiAsync(PageSession.Professional);

        var problem = await SendAsync(api, HttpMethod.Get, "/api/v1/cases?limit=veel", null, HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("limit", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task Missing_fields_are_all_listed_in_camel_case_with_Dutch_messages()
    {
        using var api = await app.ApiAsync(PageSession.Professional);

        var problem = await SendAsync(api, HttpMethod.Post, "/api/v1/cases", "{}", HttpStatusCode.BadRequest);

        problem.Code().ShouldBe("request.invalid");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("givenName", out var givenName).ShouldBeTrue(problem.ToString());
        givenName[0].GetString()!.ShouldContain("voornaam");
        errors.TryGetProperty("familyName", out _).ShouldBeTrue();
        errors.EnumerateObject().ShouldAllBe(e => char.IsLower(e.Name[0]));
    }

    [Fact]
    public async Task A_rule_without_a_message_of_its_own_is_explained_in_Dutch()
    {
        using var api = await app.ApiAsync(PageSession.Professional);
        var body = JsonSerializer.Serialize(new { givenName = "Greet", familyNamePrefix = new string('x', 25) });

        var problem = await SendAsync(api, HttpMethod.Post, "/api/v1/cases", body, HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty("familyNamePrefix")[0].GetString().ShouldBe("Dit mag hoogstens 20 tekens lang zijn.");
    }

    [Theory]
    [InlineData("GET", "/api/v1/bestaat-niet", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/cases/geen-guid", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/cases/0193f0c2-0000-7000-8000-000000000000", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/v1/auth/token", HttpStatusCode.MethodNotAllowed)]
    public async Task An_API_request_is_never_redirected_to_the_sign_in_page(string method, string path, HttpStatusCode expected)
    {
        using var api = await app.ApiAsync(PageSession.Professional);

        var problem = await SendAsync(api, new HttpMethod(method), path, null, expected);

        problem.GetProperty("code").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        using var api = await app.ApiAsync(PageSession.Professional);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
        {
            Content = new StringContent("givenName=Greet", Encoding.UTF8, "text/plain"),
        };

        using var response = await api.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("text/html", HttpStatusCode.NotAcceptable)]
    [InlineData("application/xml", HttpStatusCode.NotAcceptable)]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("application/problem+json", HttpStatusCode.OK)]
    [InlineData("text/html, */*;q=0.8", HttpStatusCode.OK)]
    public async Task A_client_that_takes_no_JSON_gets_406(string accept, HttpStatusCode expected)
    {
        using var api = await app.ApiAsync(PageSession.Professional);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await api.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.NotAcceptable)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("request.not_acceptable");
        }
    }

    [Fact]
    public async Task Every_list_is_a_page_that_goes_on_from_its_cursor()
    {
        using var api = await app.ApiAsync(PageSession.Professional);
        var all = (await api.GetJsonAsync("/api/v1/organisations?limit=200")).Items().EnumerateArray().Select(o => o.Id()).ToList();
        all.Count.ShouldBeGreaterThan(2);

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await api.GetJsonAsync($"/api/v1/organisations?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            page.Items().GetArrayLength().ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Items().EnumerateArray().Select(o => o.Id()));
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        seen.ShouldBe(all);
        var tooMany = await SendAsync(api, HttpMethod.Get, "/api/v1/organisations?limit=201", null, HttpStatusCode.BadRequest);
        tooMany.GetProperty("errors").TryGetProperty("limit", out _).ShouldBeTrue(tooMany.ToString());
        var none = await SendAsync(api, HttpMethod.Get, "/api/v1/cases?limit=0", null, HttpStatusCode.BadRequest);
        none.GetProperty("errors").TryGetProperty("limit", out _).ShouldBeTrue(none.ToString());
        var unknown = await SendAsync(api, HttpMethod.Get, "/api/v1/organisations?cursor=bmlldHM", null, HttpStatusCode.UnprocessableEntity);
        unknown.Code().ShouldBe("list.cursor_invalid");
    }

    [Fact]
    public async Task Without_a_token_the_API_says_401_as_a_problem()
    {
        using var anonymous = app.CreateClient();

        var problem = await SendAsync(anonymous, HttpMethod.Get, "/api/v1/cases", null, HttpStatusCode.Unauthorized);

        problem.Code().ShouldBe("auth.required");
    }

    [Theory]
    [InlineData("/api/v1/openapi.json", HttpStatusCode.OK)]
    [InlineData("/api/v1/cases", HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/bestaat-niet", HttpStatusCode.NotFound)]
    public async Task Every_API_answer_names_the_API_version_also_an_error(string path, HttpStatusCode expected)
    {
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(expected);
        response.Headers.GetValues("API-Version").ShouldBe(["1.0.0"]);
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, string? json, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected, $"{method} {path}: {text}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{method} {path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

public sealed class ApiErrorContractInTestingTests(KeukentafelApp app) : ApiErrorContractTests(app), IClassFixture<KeukentafelApp>;

public sealed class ApiErrorContractInDevelopmentTests(DevelopmentApp app) : ApiErrorContractTests(app), IClassFixture<DevelopmentApp>;
