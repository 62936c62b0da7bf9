using System.Net;

namespace Keukentafel.Tests.Cli;

/// <summary>The operator commands, run as an operator runs them: the application's own binary in a process of its own.</summary>
public sealed class OperatorCommandTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create();

    public async ValueTask InitializeAsync() => await database.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Migrate_brings_an_empty_database_up_to_date()
    {
        var (code, output, _) = await RunAsync("migrate");

        code.ShouldBe(0);
        output.ShouldContain("Database is up to date");
    }

    [Fact]
    public async Task Create_admin_makes_an_administrator_who_can_sign_in_with_the_printed_password()
    {
        var (code, output, _) = await RunAsync("create-admin", "--email", "it-beheer@heerdonk.example", "--name", "IT-beheer");

        code.ShouldBe(0);
        var password = output.Split('\n').Single(l => l.StartsWith("Password (shown once): ", StringComparison.Ordinal))["Password (shown once): ".Length..]
            .Trim();
        await using var app = new AppOnDatabase(database);
        await app.InitializeAsync();
        var client = app.Browser();
        using var signIn = await client.SignInAsync("it-beheer@heerdonk.example", password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/beheer/accounts", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Create_admin_refuses_a_weak_password_in_Dutch_and_creates_nothing()
    {
        var (code, _, errors) = await RunAsync("create-admin", "--email", "zwak@heerdonk.example", "--password", "kort");

        code.ShouldBe(1);
        errors.ShouldContain("Het wachtwoord moet minstens 12 tekens lang zijn.");
        var (again, _, _) = await RunAsync("create-admin", "--email", "zwak@heerdonk.example", "--password", "Een-sterk-wachtwoord-7");
        again.ShouldBe(0, "the refused attempt left no half-made account behind");
    }

    [Fact]
    public async Task Seed_demo_is_idempotent_and_refused_on_acceptance()
    {
        var (first, firstOutput, _) = await RunAsync("seed-demo");
        var (second, secondOutput, _) = await RunAsync("seed-demo");
        var (production, _, refusal) = await RunAsync(["seed-demo"], environment: "Staging");

        first.ShouldBe(0);
        firstOutput.ShouldNotContain("(0 records added)");
        second.ShouldBe(0);
        secondOutput.ShouldContain("(0 records added)");
        production.ShouldBe(1);
        refusal.ShouldContain("nooit op acceptatie of productie");
    }

    [Fact]
    public async Task Anonymise_due_and_verify_budget_are_commands_not_a_web_server()
    {
        (await RunAsync("migrate")).Code.ShouldBe(0);

        var (anonymise, anonymised, _) = await RunAsync("anonymise-due");
        var (verify, verified, _) = await RunAsync("verify-budget");

        anonymise.ShouldBe(0);
        anonymised.ShouldContain("Anonymised");
        verify.ShouldBe(0);
        verified.ShouldContain("adds up");
    }

    private Task<(int Code, string Output, string Errors)> RunAsync(params string[] args) => RunAsync(args, "Testing");

    private Task<(int Code, string Output, string Errors)> RunAsync(string[] args, string environment) =>
        OperatorCommand.RunAsync(database, args, environment);
}

/// <summary>The web application on a database a test already made (with the CLI).</summary>
internal sealed class AppOnDatabase(TestDatabase database) : KeukentafelApp(database, ownsDatabase: false);
