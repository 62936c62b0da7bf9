using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Neighbourhoods;

public sealed class DirectoryTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task The_administrator_sets_which_help_an_organisation_delivers_and_others_cannot()
    {
        var housing = await app.OrganisationIdAsync(Keukentafel.Neighbourhoods.OrganisationType.Housing);
        var admin = await app.ApiAsync(PageSession.Administrator);
        using var set = await admin.PutAsJsonAsync($"/api/v1/organisations/{housing}/services", new { services = new[] { "HomeAdaptation", "SocialWork" } },
            TestContext.Current.CancellationToken);
        set.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var page = await (await app.SignedInAsync(PageSession.Professional)).GetPageAsync($"/organisaties/{housing}");
        page.Text().ShouldContain("Maatschappelijk werk, Woningaanpassing");
        page.QuerySelector("form[action*='handler=Services']").ShouldBeNull();
        using var refused = await (await app.ApiAsync(PageSession.Coordinator))
            .PutAsJsonAsync($"/api/v1/organisations/{housing}/services", new { services = Array.Empty<string>() }, TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.SignedInAsync(PageSession.Administrator)).GetPageAsync($"/organisaties/{housing}"))
            .QuerySelectorAll("input[name=services]:checked").Length.ShouldBe(2);
    }

    [Fact]
    public async Task A_professional_sees_the_organisations_and_people_of_her_neighbourhood()
    {
        var client = await app.SignedInAsync(PageSession.Professional);
        var list = await client.GetPageAsync("/wijken");
        var link = list.QuerySelectorAll("a").Single(a => a.TextContent == "Rietvelden").GetAttribute("href")!;

        var page = await client.GetPageAsync(link);

        page.QuerySelector("h1")!.TextContent.ShouldBe("Wijk Rietvelden");
        // Dutch numbers: a point between the thousands, never the English comma.
        page.QuerySelectorAll("dt").Single(d => d.TextContent == "Inwoners").NextElementSibling!.TextContent.ShouldBe("ongeveer 13.100");
        list.Text().ShouldContain("ongeveer 13.100 inwoners");

        page.Text().ShouldContain("Ilse Dekkers", customMessage: "the coordinator");
        var organisations = page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr");
        organisations.Length.ShouldBe(12, "all but the care group that works only in Kloosterkamp");
        organisations.ShouldContain(r => r.TextContent.Contains("Stichting Welzijn Samen") && r.TextContent.Contains("Sanne Verhoeven"));
        page.QuerySelectorAll("table")[1].TextContent.ShouldContain("sanne.verhoeven@welzijnsamen.example");
    }

    [Fact]
    public async Task The_directory_never_lists_residents()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var residentNames = await db.Residents.OrderBy(r => r.Id).Select(r => r.Name.Given + " " + r.Name.Family).Take(50)
            .ToListAsync(TestContext.Current.CancellationToken);
        var staffNames = await db.StaffMembers.Select(s => s.Name.Given + " " + s.Name.Family).ToListAsync(TestContext.Current.CancellationToken);
        var api = await app.ApiAsync(PageSession.Coordinator);
        var neighbourhoods = (await api.GetFromJsonAsync<JsonElement>("/api/v1/neighbourhoods", TestContext.Current.CancellationToken)).Items();

        foreach (var neighbourhood in neighbourhoods.EnumerateArray())
        {
            var detail = await api.GetStringAsync($"/api/v1/neighbourhoods/{neighbourhood.GetProperty("id").GetString()}",
                TestContext.Current.CancellationToken);
            foreach (var name in residentNames.Except(staffNames))
            {
                detail.ShouldNotContain(name);
            }
        }
    }

    [Fact]
    public async Task The_api_gives_the_same_directory()
    {
        var api = await app.ApiAsync(PageSession.Professional);

        var neighbourhoods = (await api.GetFromJsonAsync<JsonElement>("/api/v1/neighbourhoods", TestContext.Current.CancellationToken)).Items();
        var organisations = (await api.GetFromJsonAsync<JsonElement>("/api/v1/organisations", TestContext.Current.CancellationToken)).Items();

        neighbourhoods.EnumerateArray().Select(n => n.GetProperty("name").GetString()).ShouldBe(["Kloosterkamp", "Rietvelden"]);
        organisations.GetArrayLength().ShouldBe(13);
        var welfare = organisations.EnumerateArray().Single(o => o.GetProperty("name").GetString() == "Stichting Welzijn Samen");
        welfare.GetProperty("type").GetString().ShouldBe("Welfare");
        welfare.GetProperty("ambassador").GetProperty("displayName").GetString().ShouldBe("Sanne Verhoeven");

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{welfare.GetProperty("id").GetString()}",
            TestContext.Current.CancellationToken);
        detail.GetProperty("neighbourhoods").GetArrayLength().ShouldBe(2);
        detail.GetProperty("staff").EnumerateArray().Select(s => s.GetProperty("function").GetString()).ShouldContain("Manager");
    }

    [Fact]
    public async Task An_unknown_neighbourhood_or_organisation_is_404()
    {
        var client = await app.SignedInAsync(PageSession.Professional);

        using var neighbourhood = await client.GetAsync($"/wijken/{Guid.CreateVersion7()}", TestContext.Current.CancellationToken);
        using var organisation = await client.GetAsync($"/organisaties/{Guid.CreateVersion7()}", TestContext.Current.CancellationToken);

        neighbourhood.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        organisation.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
