using System.Net;
using Keukentafel.Accounts;
using Keukentafel.Tests.Cases;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Web;

/// <summary>Every cookie the app sets is a __Host- cookie: Secure, Path=/, no Domain, HttpOnly, SameSite Lax or Strict.</summary>
public sealed class HostCookieTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task Signing_in_choosing_a_language_and_signing_out_set_only_host_cookies()
    {
        var recorder = new SetCookieRecorder();
        var browser = app.RecordingBrowser(recorder);

        using var chosen = await browser.SubmitAsync("/inloggen", new Dictionary<string, string> { ["code"] = "en" }, action: "/taal");
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetPageAsync("/inloggen")).DocumentElement.GetAttribute("lang").ShouldBe("en", "the language cookie came back");
        using var signedIn = await browser.SignInAsync(PageSession.Professional);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/organisaties", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK, "still signed in");
        using var signedOut = await browser.SubmitAsync("/", new Dictionary<string, string>(), action: "/uitloggen");
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        recorder.Names.ShouldContain("__Host-kt.antiforgery");
        recorder.Names.ShouldContain("__Host-kt.taal");
        recorder.Names.Count(n => n == "__Host-kt.session").ShouldBe(2, "set at sign-in, deleted at sign-out");
        recorder.Headers.ShouldAllBeHostCookies();
        recorder.Headers.Single(h => h.StartsWith("__Host-kt.antiforgery=", StringComparison.Ordinal)).ShouldContain("samesite=strict");
        recorder.Headers.First(h => h.StartsWith("__Host-kt.session=", StringComparison.Ordinal)).ShouldContain("samesite=lax",
            customMessage: "the session comes back from DigiD and from links in mails");
    }

    [Fact]
    public async Task On_plain_http_as_on_a_developers_machine_the_pages_work_and_their_cookies_are_still_secure()
    {
        var recorder = new SetCookieRecorder();
        var browser = app.CreateDefaultClient(new Uri("http://localhost"), recorder);

        using var page = await browser.GetAsync("/inloggen", TestContext.Current.CancellationToken);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        recorder.Names.ShouldContain("__Host-kt.antiforgery");
        recorder.Headers.ShouldAllBeHostCookies();
    }

    [Fact]
    public async Task The_cookie_between_password_and_second_step_is_a_host_cookie()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = (await users.FindByEmailAsync(PageSession.Director))!;
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
        }

        var recorder = new SetCookieRecorder();
        using var password = await app.RecordingBrowser(recorder).SignInAsync(PageSession.Director);

        password.Headers.Location!.PathAndQuery().ShouldStartWith("/inloggen/tweestaps");
        recorder.Names.ShouldContain("__Host-kt.second-step");
        recorder.Names.ShouldNotContain("__Host-kt.session");
        recorder.Headers.ShouldAllBeHostCookies();
    }

    [Fact]
    public async Task The_note_from_the_invitation_to_the_next_page_is_a_host_cookie()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Koekjes");
        var code = (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/resident-invitation", new { })).GetProperty("code").GetString()!;
        var recorder = new SetCookieRecorder();
        var browser = app.RecordingBrowser(recorder);

        using var made = await browser.SubmitAsync("/uitnodiging", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Password"] = "ik drink graag koffie",
            ["Input.RepeatPassword"] = "ik drink graag koffie",
        }.WithDate("Input.DateOfBirth", "1951-03-14"));
        made.Headers.Location!.PathAndQuery().ShouldBe("/uitnodiging/inlognaam");
        (await browser.GetPageAsync("/uitnodiging/inlognaam")).Text().ShouldContain("Schrijf dit op: uw inlognaam is");

        recorder.Names.ShouldContain("__Host-kt.tempdata");
        recorder.Headers.ShouldAllBeHostCookies();
    }
}
