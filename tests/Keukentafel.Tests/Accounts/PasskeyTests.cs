using System.Net;
using System.Text.Json;

namespace Keukentafel.Tests.Accounts;

/// <summary>The passkey paths that do not need a browser's authenticator; the whole ceremony is in the browser tests.</summary>
public sealed class PasskeyTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task The_sign_in_challenge_is_for_this_site_and_asks_the_person_to_prove_it_is_him()
    {
        var client = app.Browser();
        var page = await client.GetPageAsync("/inloggen");
        var token = page.QuerySelector("form[data-passkey] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/inloggen?handler=PasskeyOptions");
        request.Headers.Add("RequestVerificationToken", token);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        options.GetProperty("challenge").GetString()!.Length.ShouldBeGreaterThan(20);
        options.GetProperty("rpId").GetString().ShouldBe("localhost");
        options.GetProperty("userVerification").GetString().ShouldBe("required");
    }

    [Fact]
    public async Task The_challenge_is_not_handed_out_without_the_antiforgery_token()
    {
        var client = app.Browser();
        await client.GetPageAsync("/inloggen");

        using var response = await client.PostAsync("/inloggen?handler=PasskeyOptions", null, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_made_up_passkey_answer_signs_nobody_in()
    {
        var client = app.Browser();

        using var response = await client.SubmitAsync("/inloggen",
            new Dictionary<string, string> { ["CredentialJson"] = """{"id":"bmVw","type":"public-key"}""" }, handler: null, formSelector: "form[data-passkey]");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageSession.ParseAsync(response)).Text().ShouldContain("Inloggen met deze passkey lukte niet.");
        (await client.GetAsync("/organisaties", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Adding_without_a_passkey_from_the_browser_or_removing_an_unknown_one_is_explained()
    {
        var client = await app.SignedInAsync(PageSession.Professional);

        using var empty = await client.SubmitAsync("/account/passkeys", new Dictionary<string, string> { ["Input.Name"] = "Telefoon", ["CredentialJson"] = "" },
            formSelector: "form[data-passkey]");
        using var forged = await client.SubmitAsync("/account/passkeys",
            new Dictionary<string, string> { ["Input.Name"] = "Telefoon", ["CredentialJson"] = """{"id":"bmVw"}""" }, formSelector: "form[data-passkey]");
        using var noName = await client.SubmitAsync("/account/passkeys", new Dictionary<string, string> { ["Input.Name"] = "" },
            formSelector: "form[data-passkey]");
        using var unknown = await client.PostAsync("/account/passkeys?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = "bmlldC1iZXN0YWFuZA",
            ["__RequestVerificationToken"] = (await client.GetPageAsync("/account/passkeys"))
                .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        }), TestContext.Current.CancellationToken);

        (await PageSession.ParseAsync(empty)).Text().ShouldContain("Uw browser heeft geen passkey gemaakt.");
        (await PageSession.ParseAsync(forged)).Text().ShouldContain("Deze passkey kon niet worden gecontroleerd.");
        (await PageSession.ParseAsync(noName)).QuerySelector("#Input_Name-error")!.TextContent.ShouldBe("Geef de passkey een naam, bijvoorbeeld: telefoon.");
        (await PageSession.ParseAsync(unknown)).Text().ShouldContain("Deze passkey bestaat niet (meer).");
    }
}
