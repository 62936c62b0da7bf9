using System.Reflection;
using System.Text.RegularExpressions;
using Keukentafel.Web;
using YamlDotNet.RepresentationModel;

namespace Keukentafel.Tests.Web;

/// <summary>
/// publiccode.yml is what a municipality's catalogue reads about Keukentafel: it must hold the standard's mandatory keys
/// within their limits, and name the same release as CHANGELOG.md and the built program.
/// </summary>
public sealed partial class PublicCodeTests
{
    private static readonly string Root = RepositoryFolder.Root;

    [Fact]
    public void Publiccode_yml_has_every_mandatory_key_of_the_standard_within_its_limits()
    {
        var code = Load();

        Text(code, "publiccodeYmlVersion").ShouldBe("0.4");
        Text(code, "name").ShouldBe("Keukentafel");
        Text(code, "url").ShouldStartWith("https://");
        Sequence(code, "platforms").ShouldContain("web");
        Sequence(code, "categories").ShouldNotBeEmpty();
        Text(code, "developmentStatus").ShouldBeOneOf("concept", "development", "beta", "stable", "obsolete");
        Text(code, "softwareType").ShouldBe("standalone/web");
        Text(code, "legal", "license").ShouldBe("EUPL-1.2");
        Text(code, "maintenance", "type").ShouldBeOneOf("internal", "contract", "community", "none");
        ((YamlSequenceNode)Node(code, "maintenance", "contacts")).Children.ShouldNotBeEmpty();
        Text(code, "localisation", "localisationReady").ShouldBe("true");
        Sequence(code, "localisation", "availableLanguages").ShouldBe(Language.Offered.Select(l => l.Code), ignoreOrder: true);

        foreach (var language in new[] { "nl", "en" })
        {
            Text(code, "description", language, "shortDescription").Trim().Length.ShouldBeInRange(20, 150);
            Text(code, "description", language, "longDescription").Trim().Length.ShouldBeInRange(150, 10000);
            Sequence(code, "description", language, "features").Count.ShouldBeGreaterThanOrEqualTo(5);
            foreach (var screenshot in Sequence(code, "description", language, "screenshots"))
            {
                File.Exists(Path.Combine(Root, screenshot)).ShouldBeTrue($"{screenshot} is named as a screenshot but is not in the repository");
            }
        }
    }

    [Fact]
    public void Publiccode_yml_the_changelog_and_the_program_name_the_same_release()
    {
        var code = Load();
        var changelog = File.ReadAllText(Path.Combine(Root, "CHANGELOG.md"));

        changelog.ShouldContain("## [Unreleased]");
        var newest = Release().Match(changelog);
        newest.Success.ShouldBeTrue("CHANGELOG.md names no released version as '## [x.y.z] - yyyy-mm-dd'");
        Text(code, "softwareVersion").ShouldBe(newest.Groups["version"].Value);
        Text(code, "releaseDate").ShouldBe(newest.Groups["date"].Value);

        var program = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        program.Split('+')[0].ShouldBe(newest.Groups["version"].Value);
    }

    [Fact]
    public void The_licence_is_the_EUPL_1_2_and_the_README_links_the_project_files()
    {
        File.ReadAllText(Path.Combine(Root, "LICENSE")).ShouldStartWith("EUROPEAN UNION PUBLIC LICENCE v. 1.2");

        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        foreach (var file in new[] { "publiccode.yml", "LICENSE", "CHANGELOG.md", "SECURITY.md" })
        {
            readme.ShouldContain($"]({file})");
            File.Exists(Path.Combine(Root, file)).ShouldBeTrue();
        }
    }

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(Path.Combine(Root, "publiccode.yml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlNode Node(YamlMappingNode root, params string[] path)
    {
        YamlNode node = root;
        foreach (var key in path)
        {
            var mapping = node.ShouldBeOfType<YamlMappingNode>($"'{key}' should be under a mapping");
            mapping.Children.TryGetValue(new YamlScalarNode(key), out var child).ShouldBeTrue($"publiccode.yml has no '{string.Join('/', path)}'");
            node = child!;
        }

        return node;
    }

    private static string Text(YamlMappingNode root, params string[] path) => ((YamlScalarNode)Node(root, path)).Value ?? "";

    private static List<string> Sequence(YamlMappingNode root, params string[] path) =>
        [.. ((YamlSequenceNode)Node(root, path)).Children.Select(c => ((YamlScalarNode)c).Value ?? "")];

    [GeneratedRegex(@"^## \[(?<version>\d+\.\d+\.\d+)\] - (?<date>\d{4}-\d{2}-\d{2})$", RegexOptions.Multiline)]
    private static partial Regex Release();
}
