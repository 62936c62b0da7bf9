using System.Net;
using AngleSharp.Html.Dom;
using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Accounts;

/// <summary>A resident signs in with a one-time link by e-mail instead of a password (issue 10, part 1).</summary>
public sealed class MagicLinkTests(ClockApp app) : IClassFixture<ClockApp>
{
    private const string Sent = "Als dit adres bij ons bekend is, krijgt u een e-mail met een link.";

    private static Task<HttpResponseMessage> AskAsync(HttpClient browser, string email) =>
        browser.SubmitAsync("/inloggen/link", new Dictionary<string, string> { ["Input.Email"] = email });

    /// <summary>Asks for a link and returns the one in the new mail.</summary>
    private async Task<string> LinkForAsync(string email)
    {
        var before = (await app.MailsToAsync(email)).Count;
        using var asked = await AskAsync(app.Browser(), email);
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mails = await app.MailsToAsync(email);
        mails.Count.ShouldBe(before + 1);
        return mails[^1].LinkTo("/inloggen/link/openen");
    }

    /// <summary>The button's form on the link's page, as the browser holds it until the click.</summary>
    private static async Task<FormUrlEncodedContent> ButtonAsync(HttpClient browser, string link)
    {
        var page = await browser.GetPageAsync(link);
        var form = (IHtmlFormElement)page.QuerySelectorAll("main form").Single();
        return new FormUrlEncodedContent(form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden").ToDictionary(i => i.Name!, i => i.Value));
    }

    private static async Task ShouldBeSignedOutAsync(HttpClient browser)
    {
        using var mine = await browser.GetAsync("/mijn/tafel", TestContext.Current.CancellationToken);
        mine.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        mine.Headers.Location!.PathAndQuery().ShouldStartWith("/inloggen");
    }

    [Fact]
    public async Task A_resident_asks_for_a_link_gets_it_by_mail_and_it_signs_him_in_once()
    {
        var browser = app.Browser();
        using var asked = await AskAsync(browser, PageSession.Resident.ToUpperInvariant());
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetPageAsync(asked.Headers.Location!.PathAndQuery())).Text().ShouldContain(Sent);

        var mail = await app.LastMailToAsync(PageSession.Resident);
        mail.Subject.ShouldBe("Uw link om in te loggen bij Keukentafel");
        mail.TextBody!.ShouldContain("De link werkt 15 minuten.");
        var link = mail.LinkTo("/inloggen/link/openen");

        // Opening the link (as a mail scanner does) signs nobody in and uses nothing up.
        var other = app.Browser();
        var othersButton = await ButtonAsync(other, link);
        var page = await browser.GetPageAsync(link);
        page.QuerySelector("form button")!.TextContent.ShouldBe("Inloggen");
        await ShouldBeSignedOutAsync(browser);

        using var signedIn = await browser.SubmitAsync(link, new Dictionary<string, string>());
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.PathAndQuery().ShouldBe("/mijn/tafel");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            var resident = await db.Users.Where(a => a.Email == PageSession.Resident).Select(a => new { a.Id, a.ResidentId })
                .SingleAsync(TestContext.Current.CancellationToken);
            (await db.AuditEvents.CountAsync(e => e.ResidentId == resident.ResidentId && e.AccountId == resident.Id && e.Part == AccessLog.MagicLinkSignIn,
                    TestContext.Current.CancellationToken))
                .ShouldBe(1, "the sign-in by link is in his access log");
        }

        // The same link a second time: refused, with a way to ask a new one.
        using var again = await other.PostAsync(link, othersButton, TestContext.Current.CancellationToken);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await PageSession.ParseAsync(again);
        refused.QuerySelector("#refusal")!.TextContent.ShouldContain("Deze link is al gebruikt.");
        refused.QuerySelector("main a[href='/inloggen/link']").ShouldNotBeNull();
        await ShouldBeSignedOutAsync(other);
        (await app.Browser().GetPageAsync(link)).QuerySelector("#refusal")!.TextContent.ShouldContain("al gebruikt");
    }

    [Fact]
    public async Task An_expired_or_unknown_link_is_refused_with_a_clear_message()
    {
        var link = await LinkForAsync(PageSession.Resident);
        var browser = app.Browser();
        var button = await ButtonAsync(browser, link);

        app.Clock.Advance(TimeSpan.FromMinutes(16));

        using var expired = await browser.PostAsync(link, button, TestContext.Current.CancellationToken);
        (await PageSession.ParseAsync(expired)).QuerySelector("#refusal")!.TextContent.ShouldContain("Deze link is verlopen.");
        await ShouldBeSignedOutAsync(browser);
        (await browser.GetPageAsync(link)).QuerySelector("#refusal")!.TextContent.ShouldContain("verlopen");
        (await browser.GetPageAsync("/inloggen/link/openen?code=geraden")).QuerySelector("#refusal")!.TextContent.ShouldContain("Deze link kennen we niet.");
    }

    [Fact]
    public async Task A_staff_address_or_an_unknown_one_gets_no_mail_but_exactly_the_same_answer()
    {
        var answers = new List<string>();
        foreach (var email in new[] { PageSession.Resident, PageSession.Professional, PageSession.Administrator, "niemand@nergens.example" })
        {
            var browser = app.Browser();
            using var asked = await AskAsync(browser, email);
            asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            answers.Add($"{asked.Headers.Location} {(await browser.GetPageAsync(asked.Headers.Location!.PathAndQuery())).QuerySelector("main")!.TextContent}");
        }

        answers.Distinct().Count().ShouldBe(1);
        (await app.MailsToAsync(PageSession.Professional)).ShouldBeEmpty();
        (await app.MailsToAsync(PageSession.Administrator)).ShouldBeEmpty();
        (await app.MailsToAsync("niemand@nergens.example")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_empty_or_wrong_address_gets_a_Dutch_message_beside_the_field()
    {
        using var empty = await AskAsync(app.Browser(), "");
        (await PageSession.ParseAsync(empty)).QuerySelector("#Input_Email-error")!.TextContent.ShouldBe("Vul uw e-mailadres in.");
        using var wrong = await AskAsync(app.Browser(), "geen-adres");
        (await PageSession.ParseAsync(wrong)).QuerySelector("#Input_Email-error")!.TextContent.ShouldContain("Dit is geen e-mailadres.");
    }

    [Fact]
    public async Task A_locked_out_account_is_not_signed_in_and_its_link_works_once_the_lock_is_over()
    {
        const string email = "vertrouwd@voorbeeld.example";
        Account account;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            account = new Account(email, "Vera Vertrouwd", app.Clock.GetUtcNow().UtcDateTime) { EmailConfirmed = true };
            (await users.CreateAsync(account)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(account, Roles.Resident)).Succeeded.ShouldBeTrue();
        }

        var link = await LinkForAsync(email);
        await SetLockoutAsync(email, DateTimeOffset.MaxValue);
        var browser = app.Browser();

        using var locked = await browser.SubmitAsync(link, new Dictionary<string, string>());
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageSession.ParseAsync(locked)).QuerySelector("#refusal")!.TextContent.ShouldContain("tijdelijk geblokkeerd");
        await ShouldBeSignedOutAsync(browser);

        await SetLockoutAsync(email, null);
        using var signedIn = await browser.SubmitAsync(link, new Dictionary<string, string>());
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.PathAndQuery().ShouldBe("/");
        (await browser.GetPageAsync("/")).Text().ShouldContain("Vera Vertrouwd");
    }

    private async Task SetLockoutAsync(string email, DateTimeOffset? end)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        (await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, end)).Succeeded.ShouldBeTrue();
    }
}
