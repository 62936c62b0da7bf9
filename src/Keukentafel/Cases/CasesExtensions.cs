namespace Keukentafel.Cases;

public static class CasesExtensions
{
    /// <summary>The case: its numbers, its changes (one transaction, version checked), the file and the lists.</summary>
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CaseNumbers>();
        services.AddScoped<CaseWork>();
        services.AddScoped<CaseFiles>();
        services.AddScoped<CaseLists>();
        services.AddScoped<StaffWork>();
        return builder;
    }
}
