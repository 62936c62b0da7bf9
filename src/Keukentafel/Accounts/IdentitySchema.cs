using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Accounts;

/// <summary>
/// Identity reads its table layout (schema version 3: with passkeys) from <see cref="IdentityOptions"/> in the
/// application's services. The host sets it in <see cref="AccountsExtensions"/>; a context made outside the host
/// (the migration tools, tests) takes the same answer from <see cref="Services"/>, so both see one model.
/// </summary>
public static class IdentitySchema
{
    public static Version Version { get; } = IdentitySchemaVersions.Version3;

    public static IServiceProvider Services { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = Version)
        .BuildServiceProvider();
}
