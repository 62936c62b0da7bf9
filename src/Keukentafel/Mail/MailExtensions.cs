using MimeKit;

namespace Keukentafel.Mail;

public static class MailExtensions
{
    /// <summary>
    /// Mail through the configured SMTP server, or into the pickup folder. Outside Production, with nothing configured,
    /// mails go to the folder data/mail. Production refuses to start without a way to send them (sign-in links and
    /// password resets would silently never arrive) and without the site's own address for the links in them.
    /// </summary>
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(MailSettings.Section).Get<MailSettings>() ?? new MailSettings();
        if (builder.Environment.IsProduction())
        {
            if (!settings.UsesSmtp && string.IsNullOrWhiteSpace(settings.PickupFolder))
            {
                throw new InvalidOperationException(
                    "Set Mail:Smtp:Host (with Mail:Smtp:Port, Mail:Smtp:UserName, Mail:Smtp:Password, Mail:Smtp:Security) and Mail:From, so " +
                    "Keukentafel can send sign-in links and password resets, or set Mail:PickupFolder to write the mails to a folder instead.");
            }

            if (settings.UsesSmtp && string.IsNullOrWhiteSpace(settings.From))
            {
                throw new InvalidOperationException("Set Mail:From to the address Keukentafel sends its mails from, such as noreply@gemeente.nl.");
            }

        }

        // A link built from the request's own Host header would let anyone have a reset link sent that points elsewhere:
        // wherever mail really leaves (Production, or any server with SMTP, such as acceptance), the site's address is set.
        if ((builder.Environment.IsProduction() || settings.UsesSmtp) && !Uri.TryCreate(settings.SiteUrl, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException(
                "Set Mail:SiteUrl to the site's own address, such as https://keukentafel.gemeente.nl: links in mails start with it.");
        }

        if (!settings.UsesSmtp && string.IsNullOrWhiteSpace(settings.PickupFolder))
        {
            settings.PickupFolder = Path.Combine("data", "mail");
        }

        if (settings.PickupFolder is { } folder)
        {
            settings.PickupFolder = Path.GetFullPath(folder, builder.Environment.ContentRootPath);
        }

        if (!MailboxAddress.TryParse(string.IsNullOrWhiteSpace(settings.From) ? "noreply@keukentafel.example" : settings.From, out var from))
        {
            throw new InvalidOperationException("Mail:From is not an e-mail address. Use noreply@gemeente.nl or Keukentafel <noreply@gemeente.nl>.");
        }

        from.Name = string.IsNullOrWhiteSpace(from.Name) ? MailSettings.DefaultSenderName : from.Name;
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton<Mailer>(sp => settings.UsesSmtp
            ? new SmtpMailer(settings.Smtp, from, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SmtpMailer>>())
            : new PickupFolderMailer(settings.PickupFolder!, from, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PickupFolderMailer>>()));
        services.AddSingleton<MailPickup>();
        services.AddSingleton<QueuedMailSender>();
        services.AddScoped<MailOutbox>();
        services.AddHostedService<MailQueueWorker>();
        return builder;
    }

    /// <summary>
    /// The address links in a mail start with: <c>Mail:SiteUrl</c> when set (always in Production), else the address this
    /// request came in on (development and tests); outside a request without the setting, none (the link is a path).
    /// Kept with a queued mail, which is written after the request.
    /// </summary>
    public static string SiteOf(this MailSettings settings, HttpRequest? request) =>
        (!string.IsNullOrWhiteSpace(settings.SiteUrl) ? settings.SiteUrl
            : request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}").TrimEnd('/');

    /// <summary>An absolute link for a queued mail: on the site it was asked for.</summary>
    public static string Link(this QueuedMail mail, string pathAndQuery) => $"{mail.Site}{pathAndQuery}";
}
