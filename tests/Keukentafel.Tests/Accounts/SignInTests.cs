using System.Net;
using Keukentafel.Accounts;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Accounts;

public sealed class SignInApp : KeukentafelApp
{
    public const int Attempts = 3;

    protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() =>
        [new("Identity:Lockout:MaxFailedAccessAttempts", Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

public sealed class SignInTests(SignInApp app) : IClassFixture<SignInApp>
{
    [Fact]
    public async Task A_demo_professional_signs_in_and_sees_her_neighbourhoods()
    {
        var client = app.Browser();

        using var response = await client.SignInAsync(PageSession.Professional);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        var start = await client.GetPageAsync("/");
        start.QuerySelector("h1")!.TextContent.ShouldBe("Welkom, Sanne Verhoeven");
        start.Text().ShouldContain("Stichting Welzijn Samen");
        start.Text().ShouldContain("Wijk Rietvelden");
        start.Text().ShouldContain("Wijk Kloosterkamp");
    }

    [Fact]
    public async Task Without_configuration_there_is_no_DigiD_and_its_page_says_so()
    {
        var page = await app.Browser().GetPageAsync("/inloggen");
        page.QuerySelector("form[action='/inloggen/digid']").ShouldBeNull();
        page.QuerySelector("#Input_Email")!.GetAttribute("type").ShouldBe("text", "a resident's sign-in name is no e-mail address");

        (await app.Browser().GetPageAsync("/inloggen/digid")).Text().ShouldContain("Begin opnieuw bij inloggen.");
    }

    [Fact]
    public async Task After_signing_in_she_goes_back_to_the_page_she_asked_for_but_never_off_site()
    {
        var client = app.Browser();
        using var redirect = await client.GetAsync("/organisaties", TestContext.Current.CancellationToken);
        redirect.Headers.Location!.PathAndQuery().ShouldBe("/inloggen?ReturnUrl=%2Forganisaties");

        using var response = await client.SubmitAsync("/inloggen?ReturnUrl=%2Forganisaties",
            new Dictionary<string, string>
            {
                ["Input.Email"] = PageSession.Professional,
                ["Input.Password"] = PageSession.DemoPassword,
                ["returnUrl"] = "/organisaties"
            });

        response.Headers.Location!.OriginalString.ShouldBe("/organisaties");
    }

    [Theory]
    [InlineData("//elders.example/phish")]
    [InlineData("https://elders.example")]
    [InlineData("/\\elders.example")]
    [InlineData("/\t/elders.example")]
    [InlineData("")]
    public void A_return_address_off_this_site_becomes_the_start_page(string returnUrl)
    {
        SignInOutcome.SafeReturnUrl(returnUrl).ShouldBe("/");
        SignInOutcome.SafeReturnUrl("/wijken?x=1").ShouldBe("/wijken?x=1");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_Dutch_message()
    {
        var client = app.Browser();

        using var response = await client.SignInAsync(PageSession.Coordinator, "Niet-het-goede-1!");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageSession.ParseAsync(response)).Text().ShouldContain("Het e-mailadres of het wachtwoord klopt niet.");
        using var start = await client.GetAsync("/", TestContext.Current.CancellationToken);
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect, "still signed out");
    }

    [Fact]
    public async Task An_empty_form_gets_a_message_beside_each_field_and_a_summary()
    {
        using var response = await app.Browser().SubmitAsync("/inloggen", new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" });

        var page = await PageSession.ParseAsync(response);
        page.QuerySelector("#Input_Email-error")!.TextContent.ShouldBe("Vul uw e-mailadres of inlognaam in.");
        page.QuerySelector("#Input_Password-error")!.TextContent.ShouldBe("Vul uw wachtwoord in.");
        page.QuerySelector("#Input_Email")!.GetAttribute("aria-describedby").ShouldBe("Input_Email-error");
        page.QuerySelector(".kt-error-summary a[href='#Input_Email']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Too_many_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var client = app.Browser();
        for (var i = 0; i < SignInApp.Attempts; i++)
        {
            using var wrong = await client.SignInAsync(PageSession.Financier, $"Fout-wachtwoord-{i}!");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var right = await client.SignInAsync(PageSession.Financier);

        right.StatusCode.ShouldBe(HttpStatusCode.OK, "the right password is refused while locked out");
        (await PageSession.ParseAsync(right)).Text().ShouldContain("Uw account is tijdelijk geblokkeerd");
        await using var scope = app.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Users
            .SingleAsync(a => a.Email == PageSession.Financier, TestContext.Current.CancellationToken);
        account.LockoutEnd.ShouldNotBeNull();
        account.LockoutEnd.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_everywhere_not_just_in_this_browser()
    {
        var jar = new CookieContainer();
        var client = await app.SignedInAsync(PageSession.Manager, jar);
        var copiedCookies = jar.GetCookieHeader(KeukentafelApp.HttpsAddress);
        copiedCookies.ShouldContain("__Host-kt.session=");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
            var accountId = await db.Users.Where(a => a.Email == PageSession.Manager).Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken);
            (await db.SignInSessions.CountAsync(s => s.AccountId == accountId, TestContext.Current.CancellationToken)).ShouldBe(1);
        }

        using var signOut = await client.SubmitAsync("/", new Dictionary<string, string>(), action: "/uitloggen");
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Someone who copied the session cookie before the sign-out gets nothing with it.
        var thief = app.CreateClient(new() { BaseAddress = KeukentafelApp.HttpsAddress, AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/organisaties");
        request.Headers.Add("Cookie", copiedCookies);
        using var replay = await thief.SendAsync(request, TestContext.Current.CancellationToken);
        replay.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replay.Headers.Location!.PathAndQuery().ShouldStartWith("/inloggen");
    }
}
