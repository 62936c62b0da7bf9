using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Keukentafel.Tests.Accounts;

/// <summary>Forgot password, for every account: a link by e-mail to choose a new one (issue 10, part 1).</summary>
public sealed class PasswordResetTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private const string NewPassword = "Een nieuw wachtwoord 2026!";

    private static Task<HttpResponseMessage> AskAsync(HttpClient browser, string email) =>
        browser.SubmitAsync("/wachtwoord-vergeten", new Dictionary<string, string> { ["Input.Email"] = email });

    private static Dictionary<string, string> Passwords(string password, string? repeat = null) =>
        new() { ["Input.NewPassword"] = password, ["Input.RepeatPassword"] = repeat ?? password };

    private async Task<string> LinkForAsync(string email)
    {
        var before = (await app.MailsToAsync(email)).Count;
        using var asked = await AskAsync(app.Browser(), email);
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mails = await app.MailsToAsync(email);
        mails.Count.ShouldBe(before + 1);
        mails[^1].Subject.ShouldBe("Een nieuw wachtwoord voor Keukentafel");
        return mails[^1].LinkTo("/wachtwoord-herstellen");
    }

    [Fact]
    public async Task A_forgotten_password_is_replaced_through_the_mail_the_old_one_stops_working_and_other_sessions_end()
    {
        var elsewhere = await app.SignedInAsync(PageSession.Professional);
        var link = await LinkForAsync(PageSession.Professional);
        var browser = app.Browser();

        using var saved = await browser.SubmitAsync(link, Passwords(NewPassword));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetPageAsync(saved.Headers.Location!.PathAndQuery())).QuerySelector("h1")!.TextContent.ShouldBe("Uw wachtwoord is veranderd");

        using var oldSession = await elsewhere.GetAsync("/organisaties", TestContext.Current.CancellationToken);
        oldSession.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session from before the reset has ended");
        oldSession.Headers.Location!.PathAndQuery().ShouldStartWith("/inloggen");

        using var withOld = await app.Browser().SignInAsync(PageSession.Professional);
        withOld.StatusCode.ShouldBe(HttpStatusCode.OK, "the old password no longer works");
        using var withNew = await app.Browser().SignInAsync(PageSession.Professional, NewPassword);
        withNew.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The link worked once.
        (await app.Browser().GetPageAsync(link)).QuerySelector("#refusal")!.TextContent.ShouldContain("Deze link is al gebruikt, verlopen");
    }

    [Fact]
    public async Task A_bad_new_password_gets_the_Dutch_reason_beside_the_field_and_changes_nothing()
    {
        var link = await LinkForAsync(PageSession.Coordinator);
        var browser = app.Browser();

        using var tooShort = await browser.SubmitAsync(link, Passwords("kort"));
        tooShort.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PageSession.ParseAsync(tooShort);
        page.QuerySelector("#Input_NewPassword-error")!.TextContent.ShouldContain("Het wachtwoord moet minstens 12 tekens lang zijn.");
        page.QuerySelector(".kt-error-summary a[href='#Input_NewPassword']").ShouldNotBeNull();

        using var different = await browser.SubmitAsync(link, Passwords(NewPassword, "Een ander wachtwoord 2026!"));
        (await PageSession.ParseAsync(different))
            .QuerySelector("#Input_RepeatPassword-error")!.TextContent.ShouldBe("De twee wachtwoorden zijn niet hetzelfde.");

        using var stillOld = await app.Browser().SignInAsync(PageSession.Coordinator);
        stillOld.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the old password still works");

        // The link was not used up by the refusals.
        using var saved = await browser.SubmitAsync(link, Passwords(NewPassword));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var answers = new List<string>();
        foreach (var email in new[] { PageSession.Manager, "niemand@nergens.example" })
        {
            var browser = app.Browser();
            using var asked = await AskAsync(browser, email);
            answers.Add($"{asked.StatusCode} {asked.Headers.Location} "
                + (await browser.GetPageAsync(asked.Headers.Location!.PathAndQuery())).QuerySelector("main")!.TextContent);
        }

        answers.Distinct().Count().ShouldBe(1);
        answers[0].ShouldContain("Als dit adres bij ons bekend is");
        (await app.MailsToAsync("niemand@nergens.example")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_tampered_link_is_refused_and_the_link_works_an_hour()
    {
        var link = await LinkForAsync(PageSession.Director);

        (await app.Browser().GetPageAsync(link.Replace("code=", "code=x", StringComparison.Ordinal))).QuerySelector("#refusal").ShouldNotBeNull();
        (await app.Browser().GetPageAsync("/wachtwoord-herstellen")).QuerySelector("#refusal").ShouldNotBeNull();
        app.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task The_sign_in_page_links_to_both_ways_back_in()
    {
        var page = await app.Browser().GetPageAsync("/inloggen");

        page.QuerySelector("a[href='/inloggen/link']")!.TextContent.ShouldBe("Inloggen met een link per e-mail");
        page.QuerySelector("a[href='/wachtwoord-vergeten']")!.TextContent.ShouldBe("Wachtwoord vergeten?");
    }
}
