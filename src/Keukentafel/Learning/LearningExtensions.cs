namespace Keukentafel.Learning;

public static class LearningExtensions
{
    /// <summary>Learning sessions and their agenda, collective initiatives, the bottleneck report, all neighbourhoods side by side.</summary>
    public static WebApplicationBuilder AddLearning(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<Membership>();
        services.AddScoped<Agendas>();
        services.AddScoped<LearningSessions>();
        services.AddScoped<AgendaMails>();
        services.AddHostedService<AgendaMailJob>();
        services.AddScoped<Initiatives>();
        services.AddScoped<BottleneckReports>();
        services.AddSingleton<BottleneckReportExport>();
        services.AddScoped<MunicipalityOverview>();
        return builder;
    }
}
