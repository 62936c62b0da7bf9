using Keukentafel.Meetings;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace Keukentafel.Cases;

public static class CasesExtensions
{
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CaseAccess>();
        services.AddSingleton<AuditLog>();
        services.AddHostedService<AuditLogShutdown>();
        services.AddScoped<AccessLog>();
        services.AddSingleton<AccessLogExport>();
        services.AddSingleton<Web.PdfText>();
        services.AddScoped<ResidentExport>();
        services.AddSingleton<RetentionPolicy>();
        services.AddScoped<RetentionService>();
        services.AddHostedService<RetentionJob>();
        services.AddScoped<CaseNumbers>();
        services.AddScoped<CaseWork>();
        services.AddScoped<CaseFiles>();
        services.AddScoped<CaseLists>();
        services.AddScoped<Suggestions>();
        services.AddScoped<Plans.DeviationBacking>();
        services.AddScoped<CasePageAccessFilter>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RefusalAudit>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<CasePageAccessFilter>());
        return builder;
    }
}
