namespace Keukentafel.Budget;

public static class BudgetExtensions
{
    public static WebApplicationBuilder AddBudget(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Financing>();
        builder.Services.AddScoped<Allocation>();
        builder.Services.AddScoped<Decisions>();
        builder.Services.AddScoped<Dashboards>();
        builder.Services.AddScoped<BudgetAdministration>();
        return builder;
    }
}
