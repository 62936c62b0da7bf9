using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Migrations;

/// <summary>
/// Used only by <c>dotnet ef</c>: registers <see cref="CompactMigrationsGenerator"/>. The tools find it through the migrations
/// assembly's <c>DesignTimeServicesReference</c> (Migrations.props).
/// </summary>
public sealed class KeukentafelDesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection serviceCollection) =>
        serviceCollection.AddSingleton<IMigrationsCodeGenerator, CompactMigrationsGenerator>();
}

/// <summary>
/// EF Core's C# migrations generator, writing the same code on fewer lines: a fluent call or a named argument joins the line
/// before it while that stays within the house's 160 characters, and the blank lines between a builder's calls go. Every
/// migration carries a snapshot of the whole model twice (its designer file and the model snapshot), so this keeps the
/// generated projects a fraction of the code they serve. Generated code holds no multi-line string, so joining lines
/// changes nothing the compiler sees.
/// </summary>
public sealed partial class CompactMigrationsGenerator(
    MigrationsCodeGeneratorDependencies dependencies, CSharpMigrationsGeneratorDependencies csharpDependencies)
    : CSharpMigrationsGenerator(dependencies, csharpDependencies)
{
    private const int MaxLineLength = 160;

    public override string GenerateMigration(
        string? migrationNamespace, string migrationName, IReadOnlyList<MigrationOperation> upOperations, IReadOnlyList<MigrationOperation> downOperations) =>
        Compact(base.GenerateMigration(migrationNamespace, migrationName, upOperations, downOperations));

    public override string GenerateMetadata(
        string? migrationNamespace, Type contextType, string migrationName, string migrationId, IModel targetModel) =>
        Compact(base.GenerateMetadata(migrationNamespace, contextType, migrationName, migrationId, targetModel));

    public override string GenerateSnapshot(string? modelSnapshotNamespace, Type contextType, string modelSnapshotName, IModel model) =>
        Compact(base.GenerateSnapshot(modelSnapshotNamespace, contextType, modelSnapshotName, model));

    public static string Compact(string code)
    {
        var lines = new List<string>();
        foreach (var line in code.Split('\n'))
        {
            var text = line.Trim();
            var previous = lines.Count > 0 ? lines[^1].TrimEnd('\r') : "";
            var joinable = previous.Trim().Length > 0 && !previous.TrimStart().StartsWith('}');
            if (joinable && FluentCall().IsMatch(text) && previous.Length + text.Length <= MaxLineLength)
            {
                lines[^1] = previous + text + (line.EndsWith('\r') ? "\r" : "");
            }
            else if (joinable && NamedArgument().IsMatch(text) && previous.EndsWith('(') && previous.Length + text.Length <= MaxLineLength)
            {
                lines[^1] = previous + text + (line.EndsWith('\r') ? "\r" : "");
            }
            else if (joinable && NamedArgument().IsMatch(text) && previous.EndsWith(',') && previous.Length + 1 + text.Length <= MaxLineLength)
            {
                lines[^1] = previous + " " + text + (line.EndsWith('\r') ? "\r" : "");
            }
            else
            {
                lines.Add(line);
            }
        }

        var compact = new StringBuilder(code.Length);
        for (var i = 0; i < lines.Count; i++)
        {
            var blankBeforeBuilderCall = lines[i].Trim().Length == 0 && i + 1 < lines.Count && BuilderCall().IsMatch(lines[i + 1]);
            if (!blankBeforeBuilderCall)
            {
                compact.Append(lines[i]).Append(i + 1 < lines.Count ? "\n" : "");
            }
        }

        return compact.ToString();
    }

    [GeneratedRegex(@"^\.[A-Za-z]")]
    private static partial Regex FluentCall();

    [GeneratedRegex(@"^[A-Za-z]+: ")]
    private static partial Regex NamedArgument();

    [GeneratedRegex(@"^\s*b\d*\.")]
    private static partial Regex BuilderCall();
}
