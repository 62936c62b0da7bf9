using System.Net;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Accounts;

public sealed class AntiforgeryTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task A_sign_in_form_without_its_antiforgery_token_is_refused_and_signs_nobody_in()
    {
        var client = app.Browser();
        await client.GetPageAsync("/inloggen"); // the antiforgery cookie is there, the form token is not sent

        using var response = await client.PostAsync("/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = PageSession.Professional,
            ["Input.Password"] = PageSession.DemoPassword,
        }), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PageSession.ParseAsync(response)).Text().ShouldContain("Het formulier is misschien verlopen");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var professional = await db.Users.Where(a => a.Email == PageSession.Professional).Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken);
        (await db.SignInSessions.CountAsync(s => s.AccountId == professional, TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task A_sign_out_from_another_site_without_the_token_is_refused()
    {
        var client = await app.SignedInAsync(PageSession.Coordinator);

        using var response = await client.PostAsync("/uitloggen", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var stillIn = await client.GetAsync("/organisaties", TestContext.Current.CancellationToken);
        stillIn.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrators_unlock_form_without_the_token_is_refused()
    {
        var client = await app.SignedInAsync(PageSession.Administrator);

        using var response = await client.PostAsync("/beheer/accounts?handler=Unlock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = Guid.CreateVersion7().ToString(),
        }), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
