using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Keukentafel.Tests;

/// <summary>The application with a clock the test moves forward.</summary>
public class ClockApp : KeukentafelApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Today in the Netherlands, by the test's clock.</summary>
    public DateOnly Today => Keukentafel.Cases.DutchTime.Date(Clock.GetUtcNow().UtcDateTime);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
