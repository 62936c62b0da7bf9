namespace Keukentafel.Residents;

public static class ResidentsExtensions
{
    /// <summary>The resident's own pages: someone he trusts looking along.</summary>
    public static WebApplicationBuilder AddResidents(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TrustedPeople>();
        builder.Services.AddScoped<ResidentTable>();
        builder.Services.AddScoped<MyPlanPdf>();
        return builder;
    }
}
