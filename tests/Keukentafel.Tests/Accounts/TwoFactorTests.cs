using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Keukentafel.Tests.Accounts;

public sealed class TwoFactorTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task With_two_factor_on_a_password_alone_no_longer_signs_in()
    {
        var client = await app.SignedInAsync(PageSession.Director);
        var setup = await client.GetPageAsync("/account/authenticator");
        var key = setup.QuerySelector(".kt-code")!.TextContent;
        setup.QuerySelector(".kt-qr img")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");

        using var wrongSetup = await client.SubmitAsync("/account/authenticator",
            new Dictionary<string, string> { ["Input.Code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        (await PageSession.ParseAsync(wrongSetup)).QuerySelector("#Input_Code-error")!.TextContent.ShouldContain("Deze code klopt niet");

        using var enabled = await client.SubmitAsync("/account/authenticator",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var recoveryCodes = (await PageSession.ParseAsync(enabled)).QuerySelectorAll(".kt-code li").Select(li => li.TextContent).ToList();
        recoveryCodes.Count.ShouldBe(10);

        // A new browser: the password now leads to the code page, not in.
        var other = app.Browser();
        using var password = await other.SignInAsync(PageSession.Director);
        password.Headers.Location!.PathAndQuery().ShouldStartWith("/inloggen/tweestaps");
        using var notYet = await other.GetAsync("/organisaties", TestContext.Current.CancellationToken);
        notYet.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var wrong = await other.SubmitAsync("/inloggen/tweestaps", new Dictionary<string, string> { ["Input.Code"] = "12345" });
        (await PageSession.ParseAsync(wrong)).QuerySelector("#Input_Code-error")!.TextContent.ShouldBe("De code bestaat uit zes cijfers.");

        using var right = await other.SubmitAsync("/inloggen/tweestaps",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Headers.Location!.OriginalString.ShouldBe("/");
        (await other.GetAsync("/organisaties", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The API asks for the code too; a recovery code works once.
        var api = app.CreateClient();
        using var noCode = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = PageSession.Director, password = PageSession.DemoPassword },
            TestContext.Current.CancellationToken);
        noCode.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await noCode.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))
            .GetProperty("code").GetString().ShouldBe("sign_in.requires_two_factor");
        using var withRecovery = await api.PostAsJsonAsync("/api/v1/auth/token",
            new { email = PageSession.Director, password = PageSession.DemoPassword, recoveryCode = recoveryCodes[0] }, TestContext.Current.CancellationToken);
        withRecovery.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reused = await api.PostAsJsonAsync("/api/v1/auth/token",
            new { email = PageSession.Director, password = PageSession.DemoPassword, recoveryCode = recoveryCodes[0] }, TestContext.Current.CancellationToken);
        reused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_code_page_cannot_be_reached_without_a_correct_password_first()
    {
        using var response = await app.Browser().GetAsync("/inloggen/tweestaps", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery().ShouldStartWith("/inloggen");
        response.Headers.Location!.PathAndQuery().ShouldNotStartWith("/inloggen/tweestaps");
    }
}
