namespace Keukentafel.Mail;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>
/// The configuration section <c>Mail</c>: an SMTP server (<c>Mail:Smtp:*</c>) or a pickup folder that receives each
/// mail as an .eml file (<c>Mail:PickupFolder</c>, for development and tests), the sender (<c>Mail:From</c>) and the
/// address of the site that links in mails start with (<c>Mail:SiteUrl</c>).
/// </summary>
public sealed class MailSettings
{
    public const string Section = "Mail";
    public const string DefaultSenderName = "Keukentafel";

    /// <summary>"noreply@gemeente.nl" or "Keukentafel &lt;noreply@gemeente.nl&gt;"; without a name the name is Keukentafel.</summary>
    public string? From { get; set; }

    /// <summary>A folder (relative to the application) that receives each mail as a file instead of sending it.</summary>
    public string? PickupFolder { get; set; }

    /// <summary>The site's own address as residents reach it (https://keukentafel.gemeente.nl); links in mails start with it.</summary>
    public string? SiteUrl { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public bool UsesPickupFolder => !UsesSmtp && !string.IsNullOrWhiteSpace(PickupFolder);
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
}
