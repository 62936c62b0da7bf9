namespace Keukentafel.Effects;

public static class EffectsExtensions
{
    public static WebApplicationBuilder AddEffects(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Wellbeing>();
        // The catalogue versions come from the database (loaded by the database startup, refreshed while running).
        builder.Services.AddSingleton<CostCatalogues>();
        builder.Services.AddSingleton<CostCatalogueStore>();
        builder.Services.AddHostedService<CostCatalogueRefresh>();
        builder.Services.AddScoped<Prices>();
        builder.Services.AddScoped<Analyses>();
        builder.Services.AddScoped<EffectReports>();
        builder.Services.AddSingleton<EffectReportExport>();
        return builder;
    }
}
