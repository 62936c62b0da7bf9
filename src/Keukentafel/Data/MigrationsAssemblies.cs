using System.Reflection;
using System.Runtime.Loader;

namespace Keukentafel.Data;

/// <summary>
/// The generated migrations of each provider, in their own assemblies (src/Keukentafel.Migrations.Sqlite and .Postgres).
/// They reference this application, so it cannot reference them: its build places them beside it
/// (Data/Migrations.targets), and they are loaded from there when a context is first configured.
/// </summary>
public static class MigrationsAssemblies
{
    public const string SqliteName = "Keukentafel.Migrations.Sqlite";

    public const string PostgresName = "Keukentafel.Migrations.Postgres";

    private static readonly Lazy<Assembly> SqliteAssembly = new(() => Load(SqliteName));

    private static readonly Lazy<Assembly> PostgresAssembly = new(() => Load(PostgresName));

    public static Assembly Sqlite => SqliteAssembly.Value;

    public static Assembly Postgres => PostgresAssembly.Value;

    private static Assembly Load(string name)
    {
        var loaded = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == name);
        if (loaded is not null)
        {
            return loaded;
        }

        var file = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"The migrations assembly {file} is missing. Build src/Keukentafel (its build builds src/{name}) and start it again.");
        }

        return AssemblyLoadContext.Default.LoadFromAssemblyPath(file);
    }
}
