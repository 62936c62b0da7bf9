using System.Net;
using Keukentafel.Accounts;
using Keukentafel.Neighbourhoods;
using Keukentafel.Tests.Cases;

namespace Keukentafel.Tests.Accounts;

/// <summary>A resident makes his own sign-in with the one-time code from his professional (issue 10, part 1).</summary>
public sealed class ResidentInvitationTests(ClockApp app) : IClassFixture<ClockApp>
{
    private const string BirthDate = "1951-03-14";
    private const string Password = "Mijn eigen tafel 2026!";

    private static Dictionary<string, string> Form(string code, string birth = BirthDate, string email = "", string password = Password) =>
        new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RepeatPassword"] = password,
        }.WithDate("Input.DateOfBirth", birth);

    private async Task<(CaseDriver Case, string Code)> InvitedAsync(string family)
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: family);
        var issued = await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/resident-invitation", new { });
        return (@case, issued.GetProperty("code").GetString()!);
    }

    [Fact]
    public async Task The_resident_makes_his_own_sign_in_with_the_code_and_sees_his_own_data_and_that_the_invitation_is_in_his_log()
    {
        var (@case, code) = await InvitedAsync("Uitgenodigd");
        code.ShouldMatch("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$");
        var browser = app.Browser();

        using var wrongBirth = await browser.SubmitAsync("/uitnodiging",
            Form(code.ToLowerInvariant(), birth: "1951-03-15", email: "greet.uitgenodigd@voorbeeld.example"));
        wrongBirth.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageSession.ParseAsync(wrongBirth))
            .QuerySelector("#Input_DateOfBirth-error").ShouldNotBeNull().TextContent.ShouldContain("hoort niet bij de code");

        using var made = await browser.SubmitAsync("/uitnodiging",
            Form(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), email: "greet.uitgenodigd@voorbeeld.example"));
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        made.Headers.Location!.PathAndQuery().ShouldBe("/mijn/tafel");
        var mine = await browser.GetPageAsync("/mijn/gegevens");
        mine.Text().ShouldContain("Uitgenodigd");
        (await browser.GetPageAsync("/mijn/inzage")).Text().ShouldContain("uitnodiging");

        // Later he signs in with his e-mail address and password.
        var later = app.Browser();
        using var signedIn = await later.SignInAsync("greet.uitgenodigd@voorbeeld.example", Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await later.GetPageAsync("/mijn/gegevens")).Text().ShouldContain("Uitgenodigd");

        // The code worked once.
        using var again = await app.Browser().SubmitAsync("/uitnodiging", Form(code, email: "ander@voorbeeld.example"));
        (await PageSession.ParseAsync(again)).QuerySelector("#Input_Code-error").ShouldNotBeNull().TextContent.ShouldContain("al gebruikt");
    }

    [Fact]
    public async Task The_resident_chooses_a_sentence_as_his_password_and_an_easy_or_short_one_is_refused_beside_the_field()
    {
        var (_, code) = await InvitedAsync("Zinnig");
        var browser = app.Browser();
        var page = await browser.GetPageAsync("/uitnodiging");
        page.QuerySelector("#Input_Password-hint")!.TextContent.ShouldBe("Minstens 10 tekens. Een zin van een paar woorden is goed.");

        using var easy = await browser.SubmitAsync("/uitnodiging", Form(code, email: "zinnig@voorbeeld.example", password: "wachtwoord12"));
        (await PageSession.ParseAsync(easy)).QuerySelector("#Input_Password-error").ShouldNotBeNull().TextContent.ShouldContain("te makkelijk te raden");
        using var tooShort = await browser.SubmitAsync("/uitnodiging", Form(code, email: "zinnig@voorbeeld.example", password: "koffie"));
        (await PageSession.ParseAsync(tooShort)).QuerySelector("#Input_Password-error").ShouldNotBeNull().TextContent.ShouldContain("minstens 10 tekens");
        using var ownName = await browser.SubmitAsync("/uitnodiging", Form(code, email: "zinnig@voorbeeld.example", password: "zinnig zinnig 1951"));
        (await PageSession.ParseAsync(ownName)).QuerySelector("#Input_Password-error").ShouldNotBeNull().TextContent.ShouldContain("naam");

        using var made = await browser.SubmitAsync("/uitnodiging", Form(code, email: "zinnig@voorbeeld.example", password: "ik drink graag koffie"));

        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the code still works after refused passwords");
        using var later = await app.Browser().SignInAsync("zinnig@voorbeeld.example", "ik drink graag koffie");
        later.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_date_of_birth_is_asked_as_day_month_and_year_so_nobody_types_the_month_first()
    {
        var page = await app.Browser().GetPageAsync("/uitnodiging");

        var date = page.QuerySelector("fieldset.kt-date").ShouldNotBeNull();
        date.QuerySelector("legend")!.TextContent.ShouldBe("Uw geboortedatum");
        date.QuerySelectorAll("label").Select(l => (l.TextContent, l.GetAttribute("for"))).ShouldBe(
            [("Dag", "Input_DateOfBirth"), ("Maand", "Input_DateOfBirth_Month"), ("Jaar", "Input_DateOfBirth_Year")]);
        date.QuerySelectorAll("input").Select(i => (i.GetAttribute("name"), i.GetAttribute("autocomplete"))).ShouldBe(
            [("Input.DateOfBirth.Day", "bday-day"), ("Input.DateOfBirth.Month", "bday-month"), ("Input.DateOfBirth.Year", "bday-year")]);
        date.QuerySelectorAll("input").ShouldAllBe(i => i.GetAttribute("inputmode") == "numeric" && i.GetAttribute("type") == "text");
        page.QuerySelectorAll("input[type='date']").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_date_of_birth_that_does_not_exist_is_refused_beside_the_field_and_counts_for_nothing()
    {
        var (_, code) = await InvitedAsync("Februari");
        var browser = app.Browser();

        // More often than the five wrong dates that end a code: a date that does not exist never reaches the code.
        for (var i = 0; i < 6; i++)
        {
            using var impossible = await browser.SubmitAsync("/uitnodiging",
                Form(code, email: "februari@voorbeeld.example").WithDate("Input.DateOfBirth", "30", "2", "1951"));
            impossible.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await PageSession.ParseAsync(impossible);
            page.QuerySelector("#Input_DateOfBirth-error").ShouldNotBeNull().TextContent
                .ShouldBe("Deze datum bestaat niet. Kijk of de dag en de maand goed zijn.");
            page.QuerySelector(".kt-error-summary a[href='#Input_DateOfBirth']").ShouldNotBeNull();
            page.QuerySelectorAll(".kt-date input").Select(input => (input.GetAttribute("value"), input.GetAttribute("aria-invalid"))).ShouldBe(
                [("30", "true"), ("2", "true"), ("1951", "true")], "what he typed stays, all three marked");
        }

        using var made = await browser.SubmitAsync("/uitnodiging", Form(code, email: "februari@voorbeeld.example"));
        made.Headers.Location!.PathAndQuery().ShouldBe("/mijn/tafel", "the right date still works: the refusals changed nothing");
    }

    [Fact]
    public async Task A_date_of_birth_without_its_month_is_refused_beside_the_field_with_only_the_month_marked()
    {
        var (_, code) = await InvitedAsync("Zondermaand");
        var browser = app.Browser();

        using var missing = await browser.SubmitAsync("/uitnodiging",
            Form(code, email: "zondermaand@voorbeeld.example").WithDate("Input.DateOfBirth", "14", "", "1951"));

        missing.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PageSession.ParseAsync(missing);
        page.QuerySelector("#Input_DateOfBirth-error").ShouldNotBeNull().TextContent.ShouldBe("Vul een maand in.");
        page.QuerySelector(".kt-date")!.GetAttribute("aria-describedby").ShouldBe("Input_DateOfBirth-hint Input_DateOfBirth-error");
        page.QuerySelectorAll(".kt-date input[aria-invalid='true']").Select(i => i.GetAttribute("name")).ShouldBe(["Input.DateOfBirth.Month"]);
        (await app.Browser().SignInAsync("zondermaand@voorbeeld.example", Password)).StatusCode.ShouldBe(HttpStatusCode.OK, "no account was made");
    }

    [Fact]
    public async Task Without_an_e_mail_address_he_gets_a_sign_in_name_to_write_down_once_and_signs_in_with_it_later()
    {
        var (_, code) = await InvitedAsync("Zonderpost");
        var browser = app.Browser();

        using var made = await browser.SubmitAsync("/uitnodiging", Form(code, password: "ik drink graag koffie"));

        made.Headers.Location!.PathAndQuery().ShouldBe("/uitnodiging/inlognaam");
        var shown = await browser.GetPageAsync("/uitnodiging/inlognaam");
        shown.Text().ShouldContain("Schrijf dit op: uw inlognaam is");
        var name = shown.QuerySelector(".kt-sign-in-name")!.TextContent.Trim();
        name.ShouldMatch("^[a-z]+-[a-z]+-[a-z]+$");
        name.ShouldNotContain("zonderpost");
        using (var again = await browser.GetAsync("/uitnodiging/inlognaam", TestContext.Current.CancellationToken))
        {
            again.Headers.Location!.PathAndQuery().ShouldBe("/mijn/tafel", "the name is shown once");
        }

        using var signOut = await browser.SubmitAsync("/mijn/tafel", new Dictionary<string, string>(), action: "/uitloggen");
        (await browser.GetAsync("/mijn/gegevens", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "signed out");

        // As he reads it from his paper: capitals and spaces do not matter.
        using var signedIn = await browser.SignInAsync(name.Replace("-", " ", StringComparison.Ordinal).ToUpperInvariant(), "ik drink graag koffie");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetPageAsync("/mijn/gegevens")).Text().ShouldContain("Zonderpost");
    }

    [Fact]
    public async Task Every_resident_gets_his_own_sign_in_name_and_a_wrong_one_gets_a_plain_message()
    {
        var names = new List<string>();
        foreach (var family in new[] { "Eersteloos", "Tweedeloos" })
        {
            var (_, code) = await InvitedAsync(family);
            var browser = app.Browser();
            using var made = await browser.SubmitAsync("/uitnodiging", Form(code, password: "de kat slaapt op de bank"));
            names.Add((await browser.GetPageAsync("/uitnodiging/inlognaam")).QuerySelector(".kt-sign-in-name")!.TextContent.Trim());
        }

        names.Distinct().Count().ShouldBe(2);
        using var wrong = await app.Browser().SignInAsync("appel-appel-appel", "de kat slaapt op de bank");
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageSession.ParseAsync(wrong)).Text().ShouldContain("De inlognaam of het wachtwoord klopt niet.");
        using var staff = await app.Browser().SignInAsync(PageSession.Professional.ToUpperInvariant());
        staff.StatusCode.ShouldBe(HttpStatusCode.Redirect, "an e-mail address still signs in by e-mail address");
    }

    [Fact]
    public void A_sign_in_name_is_three_plain_words()
    {
        var names = Enumerable.Range(0, 200).Select(_ => SignInNames.Random()).ToList();

        names.ShouldAllBe(n => System.Text.RegularExpressions.Regex.IsMatch(n, "^[a-z]{2,8}-[a-z]{2,8}-[a-z]{2,8}$"));
        names.Distinct().Count().ShouldBeGreaterThan(190);
    }

    [Fact]
    public async Task An_expired_an_unknown_or_a_replaced_code_is_refused_with_a_clear_message_and_five_wrong_birth_dates_end_it()
    {
        var (first, oldCode) = await InvitedAsync("Verlopen");
        var newCode = (await first.Bringer.PostJsonAsync($"/api/v1/cases/{first.Id}/resident-invitation", new { })).GetProperty("code").GetString()!;
        var browser = app.Browser();

        using var replaced = await browser.SubmitAsync("/uitnodiging", Form(oldCode, email: "verlopen@voorbeeld.example"));
        (await PageSession.ParseAsync(replaced)).QuerySelector("#Input_Code-error").ShouldNotBeNull().TextContent.ShouldContain("werkt niet meer");
        using var unknown = await browser.SubmitAsync("/uitnodiging", Form("AAAA-BBBB-CCCC", email: "verlopen@voorbeeld.example"));
        (await PageSession.ParseAsync(unknown)).QuerySelector("#Input_Code-error").ShouldNotBeNull().TextContent.ShouldContain("kennen we niet");

        var (_, guessed) = await InvitedAsync("Geraden");
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await browser.SubmitAsync("/uitnodiging", Form(guessed, birth: $"1960-01-0{i + 1}", email: "geraden@voorbeeld.example"));
        }

        using var afterFive = await browser.SubmitAsync("/uitnodiging", Form(guessed, email: "geraden@voorbeeld.example"));
        (await PageSession.ParseAsync(afterFive)).QuerySelector("#Input_Code-error").ShouldNotBeNull().TextContent.ShouldContain("werkt niet meer");

        app.Clock.Advance(TimeSpan.FromDays(15));
        using var expired = await browser.SubmitAsync("/uitnodiging", Form(newCode, email: "verlopen@voorbeeld.example"));
        (await PageSession.ParseAsync(expired)).QuerySelector("#Input_Code-error").ShouldNotBeNull().TextContent.ShouldContain("verlopen");
        using var signIn = await app.Browser().SubmitAsync("/inloggen",
            new Dictionary<string, string> { ["Input.Email"] = "verlopen@voorbeeld.example", ["Input.Password"] = Password });
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, "no account was made");
    }

    [Fact]
    public async Task Only_the_case_bringer_or_the_coordinator_makes_a_code_and_a_resident_cannot_reach_another_residents_case()
    {
        var (@case, code) = await InvitedAsync("Alleenik");
        var other = await app.StaffAsync(OrganisationType.Housing, "WK990101");
        using var otherApi = await app.ApiAsync(other.Email);
        using var refused = await otherApi.PostAsync($"/api/v1/cases/{@case.Id}/resident-invitation", System.Net.Http.Json.JsonContent.Create(new { }),
            TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);

        var browser = app.Browser();
        using var made = await browser.SubmitAsync("/uitnodiging", Form(code, email: "alleenik@voorbeeld.example"));
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var someoneElse = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Iemandanders");
        using var tampered = await browser.GetAsync($"/casussen/{someoneElse.Id}", TestContext.Current.CancellationToken);
        tampered.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Redirect);
        if (tampered.StatusCode == HttpStatusCode.Redirect)
        {
            tampered.Headers.Location!.PathAndQuery().ShouldNotStartWith($"/casussen/{someoneElse.Id}");
        }

        (await browser.GetPageAsync("/mijn/gegevens")).Text().ShouldNotContain("Iemandanders");
    }
}
