namespace Keukentafel.Plans;

public static class PlansExtensions
{
    /// <summary>The plan: managers backing rule deviations (the plan's rules live on the case).</summary>
    public static WebApplicationBuilder AddPlans(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DeviationBacking>();
        builder.Services.AddScoped<PlanFhir>();
        return builder;
    }
}
