namespace Keukentafel.Effects;

public static class EffectsExtensions
{
    public static WebApplicationBuilder AddEffects(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Wellbeing>();
        return builder;
    }
}
