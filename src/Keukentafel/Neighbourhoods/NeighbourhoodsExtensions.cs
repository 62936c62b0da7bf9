using Keukentafel.Neighbourhoods.Demo;

namespace Keukentafel.Neighbourhoods;

public static class NeighbourhoodsExtensions
{
    public static WebApplicationBuilder AddNeighbourhoods(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StaffDirectory>();
        builder.Services.AddScoped<NeighbourhoodStarts>();
        builder.Services.AddScoped<Import.MunicipalityImport>();
        builder.Services.AddScoped<Mail.IMailComposer, Import.StaffWelcomeMail>();
        builder.Services.AddScoped<WorkAreas>();
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }
}
