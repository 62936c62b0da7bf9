namespace Keukentafel.Tests;

/// <summary>The repository a test runs from, for tests that read or write its files (resources, fixtures).</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Keukentafel.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Keukentafel.slnx not found above the test's folder.");
    }
}
