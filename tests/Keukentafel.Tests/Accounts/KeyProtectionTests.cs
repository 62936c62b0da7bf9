using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Accounts;

public sealed class KeyProtectionApp : KeukentafelApp
{
    public string CertificateFile { get; } = Path.Combine(Path.GetTempPath(), $"kt-keys-{Guid.NewGuid():N}.pfx");

    public KeyProtectionApp()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Keukentafel test keys", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(CertificateFile, certificate.Export(X509ContentType.Pfx, "proef"));
    }

    protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() =>
        [new("DataProtection:CertificatePath", CertificateFile), new("DataProtection:CertificatePassword", "proef")];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(CertificateFile);
    }
}

public sealed class KeyProtectionTests(KeyProtectionApp app) : IClassFixture<KeyProtectionApp>
{
    [Fact]
    public async Task With_a_certificate_the_keys_in_the_database_are_encrypted_and_sign_in_still_works()
    {
        var client = await app.SignedInAsync(PageSession.Professional);
        (await client.GetAsync("/organisaties", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        await using var scope = app.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().DataProtectionKeys
            .Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken);
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml!.Contains("encryptedSecret") && !xml.Contains("<masterKey"));
    }
}
