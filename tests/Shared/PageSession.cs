using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Keukentafel.Tests;

/// <summary>What a person at a browser does: open a page, fill in its form (with the antiforgery token it carries), send it.</summary>
public static class PageSession
{
    public const string DemoPassword = "Keukentafel-demo-2026!";
    public const string Professional = "sanne.verhoeven@welzijnsamen.example";
    public const string Coordinator = "ilse.dekkers@keukentafel.example";
    public const string Manager = "marco.peeters@welzijnsamen.example";
    public const string Director = "hanneke.claassen@welzijnsamen.example";
    public const string Financier = "joost.verschuren@heerdonk.example";
    public const string Administrator = "beheerder@keukentafel.example";
    public const string Aanjager = "noor.vanbeurden@heerdonk.example";
    public const string Resident = "bewoner@keukentafel.example";

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Posts the page's form (the first, or the one whose action is given) with these fields filled in;
    /// with a handler, as the submit button of that page handler does.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string url, IDictionary<string, string> fields, string? action = null, string? handler = null, string? formSelector = null)
    {
        var page = await client.GetPageAsync(url);
        var form = (formSelector is not null
                ? page.QuerySelector(formSelector) as IHtmlFormElement
                : page.Forms.FirstOrDefault(f => action is null ? f.GetAttribute("action") is null or "" : f.GetAttribute("action") == action))
            ?? throw new InvalidOperationException($"No form on {url}");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var target = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        if (handler is not null)
        {
            target = form.QuerySelectorAll("button[formaction]").Select(b => b.GetAttribute("formaction")!)
                .Single(a => a.EndsWith($"handler={handler}", StringComparison.Ordinal));
        }

        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>These form fields, with a date (yyyy-mm-dd) typed into the three fields of a date: dag, maand, jaar.</summary>
    public static Dictionary<string, string> WithDate(this Dictionary<string, string> fields, string field, string date)
    {
        var parsed = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return fields.WithDate(field, $"{parsed.Day}", $"{parsed.Month}", $"{parsed.Year}");
    }

    /// <summary>These form fields, with the three fields of a date typed as given (or left empty).</summary>
    public static Dictionary<string, string> WithDate(this Dictionary<string, string> fields, string field, string day, string month, string year)
    {
        fields[$"{field}.Day"] = day;
        fields[$"{field}.Month"] = month;
        fields[$"{field}.Year"] = year;
        return fields;
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = DemoPassword) =>
        client.SubmitAsync("/inloggen", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>A browser client signed in as this demo account.</summary>
    public static async Task<HttpClient> SignedInAsync(this KeukentafelApp app, string email, CookieContainer? jar = null)
    {
        var client = app.Browser(jar);
        using var response = await client.SignInAsync(email);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {email}");
        return client;
    }

    /// <summary>An API client with a bearer token for this demo account.</summary>
    public static async Task<HttpClient> ApiAsync(this KeukentafelApp app, string email)
    {
        var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoPassword });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"token for {email}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string Text(this IHtmlDocument page) => page.Body?.TextContent ?? "";

    /// <summary>The path and query of a Location header, whether it is absolute or relative.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
