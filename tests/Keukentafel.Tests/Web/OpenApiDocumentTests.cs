using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Keukentafel.Tests.Web;

/// <summary>
/// The served OpenAPI document is what an integration partner builds on: Spectral's OpenAPI rules find no error and no
/// warning in it, and every operation has an id, a description, its parameters and the errors it can answer.
/// </summary>
public sealed class OpenApiDocumentTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private static readonly string SpectralFolder = Path.Combine(RepositoryFolder.Root, "tests", "Keukentafel.Tests", "Web", "Spectral");

    [Fact]
    public async Task Spectral_finds_nothing_in_the_served_document()
    {
        var spectral = Path.Combine(SpectralFolder, "node_modules", ".bin", "spectral");
        if (!File.Exists(spectral))
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") != "true", $"Spectral is not installed: npm ci --prefix {SpectralFolder}");
            Assert.Fail($"Spectral is missing at {spectral}; .ci/run installs it with npm ci.");
        }

        var document = Path.Combine(Path.GetTempPath(), "keukentafel-tests", $"openapi-{Guid.NewGuid():N}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(document)!);
        await File.WriteAllTextAsync(document, await DocumentTextAsync(), TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo(spectral, ["lint", document, "--ruleset", Path.Combine(SpectralFolder, ".spectral.yaml"),
                "--format", "json", "--fail-severity", "warn", "--quiet"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = SpectralFolder,
            };
            using var lint = Process.Start(start)!;
            var output = await lint.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = await lint.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await lint.WaitForExitAsync(TestContext.Current.CancellationToken);

            var findings = output.TrimStart().StartsWith('[') ? JsonDocument.Parse(output).RootElement.EnumerateArray()
                .Select(f => $"{f.GetProperty("code").GetString()}: {f.GetProperty("message").GetString()} at "
                    + string.Join('.', f.GetProperty("path").EnumerateArray().Select(p => p.ToString())))
                .ToList() : [];
            findings.ShouldBeEmpty();
            lint.ExitCode.ShouldBe(0, $"{output}\n{errors}");
        }
        finally
        {
            File.Delete(document);
        }
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_description_its_path_parameters_and_its_errors_as_problems()
    {
        var document = JsonDocument.Parse(await DocumentTextAsync()).RootElement;
        var ids = new List<string>();

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var op = operation.Value;
                ids.Add(op.GetProperty("operationId").GetString().ShouldNotBeNull(name));
                op.GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace(name);
                var declared = op.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()).ToList()
                    : [];
                foreach (var segment in path.Name.Split('/').Where(s => s.StartsWith('{')))
                {
                    declared.ShouldContain(segment.Trim('{', '}'), name);
                }

                var responses = op.GetProperty("responses");
                responses.TryGetProperty("429", out _).ShouldBeTrue(name);
                foreach (var error in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
                {
                    error.Value.GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue($"{name} {error.Name}");
                }
            }
        }

        ids.ShouldBeUnique();
        ids.ShouldAllBe(id => char.IsLower(id[0]) && id.All(char.IsLetterOrDigit));
    }

    private async Task<string> DocumentTextAsync()
    {
        using var response = await app.CreateClient().GetAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
