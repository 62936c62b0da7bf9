namespace Keukentafel.Effects;

public static class EffectsExtensions
{
    public static WebApplicationBuilder AddEffects(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Wellbeing>();
        var folder = builder.Configuration["Effects:CatalogueFolder"] ?? Path.Combine(AppContext.BaseDirectory, "data", "cost-catalogue");
        builder.Services.AddSingleton(_ => CostCatalogues.FromFolder(folder));
        builder.Services.AddScoped<Prices>();
        builder.Services.AddScoped<Analyses>();
        builder.Services.AddScoped<EffectReports>();
        builder.Services.AddSingleton<EffectReportExport>();
        return builder;
    }
}
