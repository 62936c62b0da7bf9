using Microsoft.AspNetCore.Hosting;

namespace Keukentafel.Tests.Web;

public sealed class ProductionStartTests
{
    private sealed class ProductionApp : KeukentafelApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public async Task Production_does_not_start_with_unencrypted_keys()
    {
        await using var app = new ProductionApp();

        var refusal = Should.Throw<InvalidOperationException>(() => app.StartServer());

        refusal.Message.ShouldContain("DataProtection:CertificatePath");
    }
}
