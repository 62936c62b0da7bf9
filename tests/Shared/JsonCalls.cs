using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests;

/// <summary>Short JSON calls for API scenario tests: send, check the status, read the answer.</summary>
public static class JsonCalls
{
    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"POST {url}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.PutAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"PUT {url}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"GET {url}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static int Version(this JsonElement changed) => changed.GetProperty("version").GetInt32();

    /// <summary>The items of one page of a list (<c>{items, next}</c>, the shape of every list of the API).</summary>
    public static JsonElement Items(this JsonElement page) => page.GetProperty("items");

    public static Guid Id(this JsonElement element, string property = "id") => element.GetProperty(property).GetGuid();

    public static string Code(this JsonElement problem) => problem.GetProperty("code").GetString()!;

    /// <summary>A demo staff member who fits, by organisation type, neighbourhood and function.</summary>
    public static async Task<(Guid Id, string Email, string Name)> StaffAsync(this KeukentafelApp app, OrganisationType? type, string neighbourhoodCode,
        StaffFunction function = StaffFunction.Professional, int skip = 0, bool onlyThere = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var neighbourhood = await db.Neighbourhoods.Where(n => n.Code == neighbourhoodCode).Select(n => n.Id).SingleAsync();
        var staff = await db.StaffMembers
            .Where(s => s.Function == function && s.WorkAreas.Any(w => w.NeighbourhoodId == neighbourhood))
            .Where(s => type == null || s.Organisation!.Type == type)
            .Where(s => !onlyThere || s.WorkAreas.Count == 1)
            .OrderBy(s => s.Email)
            .Select(s => new { s.Id, s.Email, s.Name })
            .Skip(skip).FirstAsync();
        return (staff.Id, staff.Email, staff.Name.Display);
    }

    public static async Task<Guid> NeighbourhoodIdAsync(this KeukentafelApp app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Neighbourhoods.Where(n => n.Code == code).Select(n => n.Id).SingleAsync();
    }

    public static async Task<Guid> OrganisationIdAsync(this KeukentafelApp app, OrganisationType type)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Organisations.Where(o => o.Type == type).OrderBy(o => o.Name)
            .Select(o => o.Id).FirstAsync();
    }
}
