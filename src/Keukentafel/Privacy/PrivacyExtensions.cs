using Microsoft.AspNetCore.Mvc;

namespace Keukentafel.Privacy;

public static class PrivacyExtensions
{
    /// <summary>The case access check (pages and API), the audit log, the resident's access log and export, retention.</summary>
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CaseAccess>();
        services.AddSingleton(s =>
        {
            var log = ActivatorUtilities.CreateInstance<AuditLog>(s);
            log.Metrics = s.GetRequiredService<Web.KeukentafelMetrics>();
            return log;
        });
        services.AddHostedService<AuditLogShutdown>();
        services.AddHostedService<AuditIndexJob>();
        services.AddScoped<AccessLog>();
        services.AddSingleton<AccessLogExport>();
        services.AddSingleton<ResidentExportPdf>();
        services.AddScoped<ResidentExport>();
        services.AddScoped<ResidentConsents>();
        services.AddSingleton<RetentionPolicy>();
        services.AddScoped<RetentionService>();
        services.AddHostedService<RetentionJob>();
        services.AddScoped<CasePageAccessFilter>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RefusalAudit>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<CasePageAccessFilter>());
        return builder;
    }
}
