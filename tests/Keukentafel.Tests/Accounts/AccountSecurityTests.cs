using System.Net;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Accounts;

public sealed class AccountSecurityApp : KeukentafelApp
{
    // Check the security stamp on every request, so "within a minute" is "at once" in these tests.
    protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() => [new("Sessions:SecurityCheckSeconds", "0")];
}

public sealed class AccountSecurityTests(AccountSecurityApp app) : IClassFixture<AccountSecurityApp>
{
    [Fact]
    public async Task A_changed_password_ends_the_other_sessions_and_the_old_password()
    {
        var elsewhere = await app.SignedInAsync(PageSession.Coordinator);
        var here = await app.SignedInAsync(PageSession.Coordinator);
        const string newPassword = "Een-nieuwe-zin-voor-2027!";

        using var mismatch = await here.SubmitAsync("/account/wachtwoord", Form(PageSession.DemoPassword, newPassword, "Iets-anders-2027!"));
        (await PageSession.ParseAsync(mismatch))
            .QuerySelector("#Input_RepeatPassword-error")!.TextContent.ShouldBe("De twee nieuwe wachtwoorden zijn niet hetzelfde.");
        using var weak = await here.SubmitAsync("/account/wachtwoord", Form(PageSession.DemoPassword, "kort", "kort"));
        (await PageSession.ParseAsync(weak)).QuerySelector("#Input_NewPassword-error")!.TextContent.ShouldContain("minstens 12 tekens");
        using var wrongCurrent = await here.SubmitAsync("/account/wachtwoord", Form("Niet-mijn-wachtwoord-1", newPassword, newPassword));
        (await PageSession.ParseAsync(wrongCurrent)).QuerySelector("#Input_CurrentPassword-error")!.TextContent.ShouldBe("Het wachtwoord klopt niet.");

        using var changed = await here.SubmitAsync("/account/wachtwoord", Form(PageSession.DemoPassword, newPassword, newPassword));

        changed.Headers.Location!.PathAndQuery().ShouldBe("/account/beveiliging?message=wachtwoord");
        (await here.GetAsync("/organisaties", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK, "this session goes on");
        (await elsewhere.GetAsync("/organisaties", TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect, "the other session has ended");
        (await app.Browser().SignInAsync(PageSession.Coordinator)).StatusCode.ShouldBe(HttpStatusCode.OK, "the old password is refused");
        (await app.Browser().SignInAsync(PageSession.Coordinator, newPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Staff_keep_the_strong_password_rule_so_a_residents_sentence_is_not_enough()
    {
        var manager = await app.SignedInAsync(PageSession.Manager);

        var page = await manager.GetPageAsync("/account/wachtwoord");
        page.Text().ShouldContain("minstens 12 tekens");
        using var weak = await manager.SubmitAsync("/account/wachtwoord", Form(PageSession.DemoPassword, "ik drink graag koffie", "ik drink graag koffie"));

        var errors = (await PageSession.ParseAsync(weak)).QuerySelector("#Input_NewPassword-error")!.TextContent;
        errors.ShouldContain("hoofdletter");
        errors.ShouldContain("cijfer");
        (await app.Browser().SignInAsync(PageSession.Manager)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the password did not change");
    }

    [Fact]
    public async Task An_account_without_a_link_such_as_an_administrator_has_the_strong_rule_before_it_has_any_role()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Keukentafel.Accounts.Account>>();

        var result = await users.CreateAsync(new Keukentafel.Accounts.Account("nieuwe.beheerder@keukentafel.example", "Nieuwe beheerder", DateTime.UtcNow),
            "ik drink graag koffie");

        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => e.Code).ShouldContain("PasswordRequiresUpper");
    }

    [Fact]
    public async Task An_e_mail_address_belongs_to_one_account_and_only_a_resident_may_do_without_one()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Keukentafel.Accounts.Account>>();

        var taken = await users.CreateAsync(new Keukentafel.Accounts.Account(PageSession.Manager.ToUpperInvariant(), "Tweede Marco", DateTime.UtcNow),
            PageSession.DemoPassword);
        taken.Errors.Select(e => e.Description).ShouldContain($"Er is al een account met het e-mailadres {PageSession.Manager}.");

        var staff = new Keukentafel.Accounts.Account("zonder.adres@keukentafel.example", "Zonder adres", DateTime.UtcNow) { Email = null };
        (await users.CreateAsync(staff, PageSession.DemoPassword)).Errors.Select(e => e.Description).ShouldBe(["Geef het e-mailadres."]);

        // The database holds the line too, for two sign-ups at the same moment.
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var twin = new Keukentafel.Accounts.Account("tweeling@keukentafel.example", "Tweeling", DateTime.UtcNow)
        {
            NormalizedEmail = PageSession.Manager.ToUpperInvariant(),
            NormalizedUserName = "TWEELING@KEUKENTAFEL.EXAMPLE",
        };
        db.Users.Add(twin);
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Two_factor_cannot_be_switched_off_or_its_key_read_again_without_a_current_code()
    {
        var client = await app.SignedInAsync(PageSession.Manager);
        using var setup = await client.GetAsync("/account/authenticator", TestContext.Current.CancellationToken);
        setup.StatusCode.ShouldBe(HttpStatusCode.OK, setup.Headers.Location?.ToString());
        var key = (await PageSession.ParseAsync(setup)).QuerySelector(".kt-code")!.TextContent;
        using var enabled = await client.SubmitAsync("/account/authenticator",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        using var keyAgain = await client.GetAsync("/account/authenticator", TestContext.Current.CancellationToken);
        keyAgain.Headers.Location!.PathAndQuery().ShouldBe("/account/beveiliging", "the key is never shown again");

        var wrong = Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(5));
        using var refusedOff = await client.SubmitAsync("/account/beveiliging", new Dictionary<string, string> { ["Input.Code"] = wrong }, handler: "Disable");
        (await PageSession.ParseAsync(refusedOff)).QuerySelector("#Input_Code-error")!.TextContent.ShouldContain("Deze code klopt niet");
        using var refusedCodes = await client.SubmitAsync("/account/beveiliging", new Dictionary<string, string> { ["Input.Code"] = wrong },
            handler: "NewRecoveryCodes");
        (await PageSession.ParseAsync(refusedCodes)).QuerySelectorAll(".kt-code li").ShouldBeEmpty();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>()
                    .Users.SingleAsync(a => a.Email == PageSession.Manager, TestContext.Current.CancellationToken))
                .TwoFactorEnabled.ShouldBeTrue();
        }

        using var newCodes = await client.SubmitAsync("/account/beveiliging",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, handler: "NewRecoveryCodes");
        (await PageSession.ParseAsync(newCodes)).QuerySelectorAll(".kt-code li").Length.ShouldBe(10);
        using var off = await client.SubmitAsync("/account/beveiliging",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, handler: "Disable");
        off.Headers.Location!.PathAndQuery().ShouldBe("/account/beveiliging?message=uit");
        (await client.GetAsync("/organisaties", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK, "this session goes on");
    }

    [Fact]
    public async Task The_accounts_list_pages_without_an_empty_last_page()
    {
        var admin = await app.SignedInAsync(PageSession.Administrator);
        int total;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            total = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Users.CountAsync(TestContext.Current.CancellationToken);
        }

        var first = await admin.GetPageAsync("/beheer/accounts");
        var next = first.QuerySelectorAll("a").Single(a => a.TextContent == "Volgende pagina").GetAttribute("href")!;
        var second = await admin.GetPageAsync(next);

        first.QuerySelectorAll("tbody tr").Length.ShouldBe(50);
        second.QuerySelectorAll("tbody tr").Length.ShouldBe(total - 50);
        second.QuerySelectorAll("a").ShouldNotContain(a => a.TextContent == "Volgende pagina");
    }

    private static Dictionary<string, string> Form(string current, string next, string repeat) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.RepeatPassword"] = repeat,
    };
}
