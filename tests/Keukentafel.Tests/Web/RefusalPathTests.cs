using System.Net;
using System.Text.RegularExpressions;
using Keukentafel.Neighbourhoods;

namespace Keukentafel.Tests.Web;

/// <summary>
/// A refusal has one path: a rule throws, and one page filter (Web/RefusalPageFilter) or one exception handler
/// (Web/DomainExceptionHandler) turns it into what the user or the client sees.
/// </summary>
public sealed partial class RefusalPathTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    /// <summary>Where a refusal may be caught: the two translators, and the command line's exit code.</summary>
    /// <summary>
    /// The translators of refusals, and the one service that writes a refused trusted-person code in the audit log and then
    /// lets the refusal go on (<c>throw;</c>) to the translators.
    /// </summary>
    private static readonly string[] Translators =
        ["Web/RefusalPageFilter.cs", "Web/DomainExceptionHandler.cs", "Cli/OperatorCommands.cs", "Residents/TrustedPeople.cs"];

    [Fact]
    public void No_page_or_endpoint_catches_a_refusal_to_translate_it_itself()
    {
        var source = Path.Combine(RepositoryFolder.Root, "src", "Keukentafel");
        var catching = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(source, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !Translators.Contains(f) && CatchOfRefusal().IsMatch(File.ReadAllText(Path.Combine(source, f))))
            .ToList();

        catching.ShouldBeEmpty("let the refusal go: RefusalPageFilter shows it on the page, DomainExceptionHandler answers it in the API");
    }

    [Fact]
    public async Task Something_not_the_callers_is_a_404_problem_with_its_code_on_the_API_and_not_found_on_the_page()
    {
        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Coordinator, onlyThere: true);
        var budgets = (await (await app.ApiAsync(PageSession.Coordinator)).GetJsonAsync("/api/v1/budgets")).Items();
        var rietvelden = budgets.EnumerateArray().First().Id();

        using var api = await app.ApiAsync(elsewhere.Email);
        using var response = await api.GetAsync($"/api/v1/budgets/{rietvelden}", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"code\":\"budget.not_yours\"");

        using var browser = await app.SignedInAsync(elsewhere.Email);
        using var page = await browser.GetAsync($"/budget/beheer?id={rietvelden}", TestContext.Current.CancellationToken);
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_rule_refusing_a_form_field_is_a_422_naming_the_field_and_the_message_beside_it_on_the_page()
    {
        var rietvelden = await app.NeighbourhoodIdAsync("WK990101");
        var elsewhere = await app.StaffAsync(null, "WK990102", StaffFunction.Coordinator, onlyThere: true);
        using var api = await app.ApiAsync(elsewhere.Email);

        var refused = await api.PostJsonAsync("/api/v1/budgets", new { neighbourhoodId = rietvelden, name = "Niet van mij", firstYear = 2040, lastYear = 2041 },
            HttpStatusCode.UnprocessableEntity);

        refused.Code().ShouldBe("budget.not_yours");
        refused.GetProperty("field").GetString().ShouldBe("neighbourhoodId");
        using var browser = await app.SignedInAsync(elsewhere.Email);
        var form = new Dictionary<string, string>
        {
            ["Create.NeighbourhoodId"] = rietvelden.ToString(),
            ["Create.Name"] = "Niet van mij",
            ["Create.FirstYear"] = "2040",
            ["Create.LastYear"] = "2041",
        };
        using var page = await browser.SubmitAsync("/budget/beheer", form, action: "/budget/beheer?handler=Create");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageSession.ParseAsync(page)).QuerySelector("#Create_NeighbourhoodId-error").ShouldNotBeNull().TextContent.ShouldContain("wijk waar u werkt");
    }

    [GeneratedRegex(@"catch\s*\(\s*(Budget\.)?(DomainException|NotYoursException|StaleCaseException)\b")]
    private static partial Regex CatchOfRefusal();
}
