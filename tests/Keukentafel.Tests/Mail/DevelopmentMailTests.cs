using System.Globalization;
using System.Net;
using Keukentafel.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Tests.Mail;

/// <summary>In development and tests mails land in the pickup folder and are read on /ontwikkeling/mail (issue 10, part 1).</summary>
public sealed class DevelopmentMailTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private async Task<Guid> SendAsync(string to, string subject, string text) =>
        await app.Services.GetRequiredService<Mailer>().SendAsync(new OutgoingMail(to, subject, text, "test"), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_mail_lands_in_the_pickup_folder_and_the_mail_page_lists_it_newest_first_and_shows_its_links_clickable()
    {
        await SendAsync("eerste@voorbeeld.example", "De eerste mail", "Hallo.");
        var id = await SendAsync("tweede@voorbeeld.example", "De tweede mail", "Klik hier:\nhttp://localhost/inloggen?a=1&b=2\nTot ziens.");

        var mail = await app.LastMailToAsync("tweede@voorbeeld.example");
        mail.Subject.ShouldBe("De tweede mail");
        mail.From.Mailboxes.Single().Name.ShouldBe("Keukentafel");
        File.Exists(Path.Combine(app.MailFolder, $"{id:N}.eml")).ShouldBeTrue();

        var list = await app.Browser().GetPageAsync("/ontwikkeling/mail");
        list.QuerySelector("h1")!.TextContent.ShouldBe("Verstuurde mail (ontwikkeling)", "the page's Dutch texts come from its resources");
        var subjects = list.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        subjects.Count.ShouldBeGreaterThanOrEqualTo(2);
        subjects[0].ShouldContain("De tweede mail");
        subjects[0].ShouldContain("tweede@voorbeeld.example");
        subjects[1].ShouldContain("De eerste mail");

        var shown = await app.Browser().GetPageAsync(list.QuerySelector("tbody tr a")!.GetAttribute("href")!);
        shown.QuerySelector("h2")!.TextContent.ShouldBe("De tweede mail");
        shown.QuerySelector("main a[href='http://localhost/inloggen?a=1&b=2']").ShouldNotBeNull().TextContent.ShouldBe("http://localhost/inloggen?a=1&b=2");
        shown.Text().ShouldContain("Tot ziens.");
    }

    [Fact]
    public async Task Only_the_id_of_a_mail_in_the_folder_opens_one()
    {
        using var unknown = await app.Browser().GetAsync($"/ontwikkeling/mail/{Guid.CreateVersion7():N}", TestContext.Current.CancellationToken);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var climbing = await app.Browser().GetAsync("/ontwikkeling/mail/..%2F..%2Fappsettings", TestContext.Current.CancellationToken);
        climbing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_sign_in_page_links_to_the_mail_page_here()
    {
        var page = await app.Browser().GetPageAsync("/inloggen");

        page.QuerySelector("a[href='/ontwikkeling/mail']").ShouldNotBeNull();
    }

    [Fact]
    public void The_page_texts_have_an_English_translation()
    {
        var texts = app.Services.GetRequiredService<IStringLocalizer<DevelopmentMailModel>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            texts["Title"].ResourceNotFound.ShouldBeFalse();
            texts["Title"].Value.ShouldBe("Sent mail (development)");
            CultureInfo.CurrentUICulture = new CultureInfo("nl");
            texts["Title"].Value.ShouldBe("Verstuurde mail (ontwikkeling)");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}

/// <summary>Anywhere but Development and Testing, mail is never readable by a link, and Production needs a real way to send it.</summary>
public sealed class MailOutsideDevelopmentTests
{
    private sealed class EnvironmentApp(string environment, params KeyValuePair<string, string?>[] settings) : KeukentafelApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() =>
            [new("Demo:SeedOnStart", "false"), new("DataProtection:AllowUnencryptedKeys", "true"),
                new("Mail:SiteUrl", "https://keukentafel.heerdonk.example"), .. settings];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task The_mail_page_is_not_found_and_not_linked_even_with_a_pickup_folder(string environment)
    {
        await using var app = new EnvironmentApp(environment);
        await app.InitializeAsync();

        using var mailPage = await app.Browser().GetAsync("/ontwikkeling/mail", TestContext.Current.CancellationToken);
        mailPage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Browser().GetPageAsync("/inloggen")).QuerySelector("a[href='/ontwikkeling/mail']").ShouldBeNull();
    }

    [Fact]
    public async Task Production_does_not_start_without_an_SMTP_server_or_a_pickup_folder()
    {
        await using var app = new EnvironmentApp("Production", new KeyValuePair<string, string?>("Mail:PickupFolder", ""));

        var refusal = Should.Throw<InvalidOperationException>(() => app.StartServer());

        refusal.Message.ShouldContain("Mail:Smtp:Host");
    }

    [Fact]
    public async Task Production_does_not_start_without_the_sites_own_address_for_the_links_in_mails()
    {
        await using var app = new EnvironmentApp("Production", new KeyValuePair<string, string?>("Mail:SiteUrl", ""));

        var refusal = Should.Throw<InvalidOperationException>(() => app.StartServer());

        refusal.Message.ShouldContain("Mail:SiteUrl");
    }
}
