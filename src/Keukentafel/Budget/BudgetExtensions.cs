namespace Keukentafel.Budget;

public static class BudgetExtensions
{
    public static WebApplicationBuilder AddBudget(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Financing>();
        return builder;
    }
}
