using System.CommandLine;
using System.Security.Cryptography;
using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods.Demo;

namespace Keukentafel.Cli;

/// <summary>
/// The command-line face of the same application, for operators:
/// <c>dotnet run --project src/Keukentafel -- migrate | seed-demo | create-admin --email ... --name ...</c>.
/// The commands use the same configuration (and so the same database) as the web host.
/// </summary>
public static class OperatorCommands
{
    private static readonly string[] Names =
        ["migrate", "seed-demo", "create-admin", "verify-audit", "purge-audit", "anonymise-due", "verify-budget", "backup", "import"];

    public static bool IsCommand(string[] args) => args.Length > 0 && (Names.Contains(args[0]) || args[0] is "--help" or "-h" or "help");

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var services = app.Services;
        var root = new RootCommand("Keukentafel: operator commands. Without a command the web application starts.");

        var migrate = new Command("migrate", "Apply database migrations (SQLite file, or PostgreSQL when ConnectionStrings:Postgres is set).");
        migrate.SetAction(async (_, ct) =>
        {
            await services.MigrateAsync(ct);
            Console.WriteLine($"Database is up to date: {services.GetRequiredService<DatabaseSettings>().Describe()}");
            // The migration step delivers the cost catalogue files of this release, so instances start on the same prices.
            var delivery = await services.GetRequiredService<Effects.CostCatalogueStore>().DeliverAsync(ct);
            foreach (var version in delivery.Added)
            {
                Console.WriteLine($"Cost catalogue {version} added.");
            }

            foreach (var conflict in delivery.Conflicts)
            {
                await Console.Error.WriteLineAsync($"Cost catalogue file refused: {conflict}.");
            }

            return delivery.Conflicts.Count == 0 ? 0 : 1;
        });

        var seed = new Command("seed-demo", "Create the demo neighbourhood (idempotent; refused in Production).");
        seed.SetAction((_, ct) => RefusalsAsExitCode(async () =>
        {
            await services.MigrateAsync(ct);
            await services.GetRequiredService<Effects.CostCatalogueStore>().StartAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
            Console.WriteLine($"Demo neighbourhood ready ({result.RecordsAdded} records added).");
        }));

        var email = new Option<string>("--email") { Description = "E-mail address (the sign-in name).", Required = true };
        var name = new Option<string>("--name") { Description = "Display name.", DefaultValueFactory = _ => "Beheerder" };
        var password = new Option<string?>("--password") { Description = "Password; omit it to have a strong one generated and printed once." };
        var createAdmin = new Command("create-admin", "Create an administrator account.") { email, name, password };
        createAdmin.SetAction((parse, ct) => RefusalsAsExitCode(async () =>
        {
            await services.MigrateAsync(ct);
            var chosen = parse.GetValue(password);
            var secret = chosen ?? GeneratePassword();
            await using var scope = services.CreateAsyncScope();
            var account = await scope.ServiceProvider.GetRequiredService<AccountAdministration>()
                .CreateAdministratorAsync(parse.GetValue(email)!, parse.GetValue(name)!, secret, ct);
            Console.WriteLine($"Administrator {account.Email} created.");
            if (chosen is null)
            {
                Console.WriteLine($"Password (shown once): {secret}");
            }
        }));

        var checkpoints = new Option<string[]>("--checkpoints")
        {
            Description = "Files or folders with audit checkpoints kept outside the database (the file store, or the operator's log): "
                + "their heads must still be in the chains.",
            AllowMultipleArgumentsPerToken = true,
        };
        var verify = new Command("verify-audit",
            "Check the audit log's hash chains and their checkpoints: exit 0 when intact, 2 when an event was changed or removed.") { checkpoints };
        verify.SetAction(async (parse, ct) =>
        {
            var anchors = new List<Privacy.AuditCheckpoint>();
            foreach (var path in parse.GetValue(checkpoints) ?? [])
            {
                var files = Directory.Exists(path) ? Directory.GetFiles(path).Order(StringComparer.Ordinal).ToArray() : File.Exists(path) ? [path] : null;
                if (files is null)
                {
                    await Console.Error.WriteLineAsync($"No checkpoint file or folder at {path}.");
                    return 1;
                }

                foreach (var file in files)
                {
                    using var reader = File.OpenText(file);
                    anchors.AddRange(Privacy.AuditCheckpoint.Read(reader));
                }
            }

            await services.MigrateAsync(ct);
            var result = await services.GetRequiredService<Privacy.AuditLog>().VerifyAsync(anchors, ct);
            if (result.Intact)
            {
                Console.WriteLine($"Audit log intact: {result.Checked} events in {result.Chains} chains; {result.Checkpoints} chain heads checked "
                    + $"against their checkpoints ({anchors.Count} read from outside the database).");
                return 0;
            }

            await Console.Error.WriteLineAsync($"Audit log NOT intact in chain {result.BrokenChain} at event {result.BrokenAt}: {result.Problem}.");
            return 2;
        });

        var purge = new Command("purge-audit", "Remove audit events older than Privacy:AuditRetentionYears (default 5); the purge itself is recorded.");
        purge.SetAction(async (_, ct) =>
        {
            await services.MigrateAsync(ct);
            var log = services.GetRequiredService<Privacy.AuditLog>();
            var removed = await log.PurgeAsync("operator (purge-audit)", ct);
            Console.WriteLine($"Removed {removed} audit events older than {log.RetentionYears} years.");
            return 0;
        });

        var anonymise = new Command("anonymise-due",
            "Anonymise the residents whose closed cases are past their retention term (Privacy:Retention:Years:*); recorded and audited.");
        anonymise.SetAction(async (_, ct) =>
        {
            await services.MigrateAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var anonymised = await scope.ServiceProvider.GetRequiredService<Privacy.RetentionService>().AnonymiseDueAsync(ct);
            Console.WriteLine($"Anonymised {anonymised} residents whose retention term ran out.");
            return 0;
        });

        var verifyBudget = new Command("verify-budget", "Check that every budget's ledger adds up: exit 0 when it does, 2 with the problems found.");
        verifyBudget.SetAction(async (_, ct) =>
        {
            await services.MigrateAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var problems = await scope.ServiceProvider.GetRequiredService<Budget.Financing>().VerifyAsync(ct);
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem);
            }

            Console.WriteLine(problems.Count == 0 ? "Every budget's ledger adds up." : $"{problems.Count} problems found.");
            return problems.Count == 0 ? 0 : 2;
        });

        var to = new Option<string>("--to") { Description = "The file to write the copy to (a new file).", Required = true };
        var backup = new Command("backup", "Copy the SQLite database while the application runs (SQLite's online backup) and check the copy.") { to };
        backup.SetAction(async (parse, ct) =>
        {
            try
            {
                await SqliteBackup.CopyAsync(services.GetRequiredService<DatabaseSettings>(), parse.GetValue(to)!, ct);
            }
            catch (InvalidOperationException refused)
            {
                await Console.Error.WriteLineAsync(refused.Message);
                return 1;
            }

            Console.WriteLine($"Backup written to {Path.GetFullPath(parse.GetValue(to)!)} and checked.");
            return 0;
        });

        root.Subcommands.Add(ImportCommand(services));
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(backup);
        root.Subcommands.Add(verifyBudget);
        root.Subcommands.Add(anonymise);
        root.Subcommands.Add(verify);
        root.Subcommands.Add(purge);
        root.Subcommands.Add(seed);
        root.Subcommands.Add(createAdmin);
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>
    /// <c>import --municipality GM0828 [--municipality-name Oss] [--dry-run] files...</c>: loads neighbourhoods, organisations
    /// and staff from CSV or XLSX files (<see cref="Neighbourhoods.Import.MunicipalityImport"/>). Every problem is printed with
    /// its file, row and column; exit 0 when the files are clean (and, without --dry-run, written), 2 when they are not.
    /// </summary>
    private static Command ImportCommand(IServiceProvider services)
    {
        var files = new Argument<string[]>("files") { Description = "CSV files or XLSX workbooks with the neighbourhoods, organisations and staff." };
        var code = new Option<string>("--municipality") { Description = "The municipality's CBS code, e.g. GM0828.", Required = true };
        var municipalityName = new Option<string?>("--municipality-name") { Description = "Its name, when it is not in Keukentafel yet." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and list the problems; write nothing." };
        var command = new Command("import", "Load a municipality's neighbourhoods, organisations and staff from CSV or XLSX (all or nothing).")
        {
            files, code, municipalityName, dryRun,
        };
        command.SetAction(async (parse, ct) =>
        {
            await services.MigrateAsync(ct);
            var opened = new List<(string, Stream)>();
            try
            {
                foreach (var path in parse.GetValue(files) ?? [])
                {
                    if (!File.Exists(path))
                    {
                        await Console.Error.WriteLineAsync($"Bestand niet gevonden: {path}");
                        return 1;
                    }

                    opened.Add((Path.GetFileName(path), File.OpenRead(path)));
                }

                var (tables, readProblems) = Neighbourhoods.Import.ImportFiles.Read(opened);
                await using var scope = services.CreateAsyncScope();
                var import = scope.ServiceProvider.GetRequiredService<Neighbourhoods.Import.MunicipalityImport>();
                var target = new Neighbourhoods.Import.ImportTarget(parse.GetValue(code), parse.GetValue(municipalityName));
                var site = Mail.MailExtensions.SiteOf(scope.ServiceProvider.GetRequiredService<Mail.MailSettings>(), null);
                if (!parse.GetValue(dryRun) && site.Length == 0)
                {
                    await Console.Error.WriteLineAsync(
                        "Zet eerst Mail:SiteUrl (het adres van Keukentafel): de welkomstmail van elke nieuwe medewerker linkt ernaar.");
                    return 1;
                }

                var result = parse.GetValue(dryRun)
                    ? await import.DryRunAsync(target, tables, readProblems, ct)
                    : await import.ImportAsync(target, tables, readProblems,
                        new Neighbourhoods.Import.ImportRunBy(null, "operator (import)", "system", "-", site), ct);
                foreach (var problem in result.Problems)
                {
                    await Console.Error.WriteLineAsync(Neighbourhoods.Import.ImportText.Line(problem));
                }

                var counts = $"{result.Neighbourhoods} wijken, {result.Organisations} organisaties, {result.Staff} medewerkers";
                Console.WriteLine(result.Problems.Count > 0 ? $"{result.Problems.Count} problemen gevonden; er is niets opgeslagen."
                    : result.Written ? $"Geïmporteerd voor {result.Municipality}: {counts}. De medewerkers krijgen een mail om hun wachtwoord te kiezen."
                    : $"Geen problemen gevonden: {counts} voor {result.Municipality} kunnen worden geïmporteerd (er is niets opgeslagen).");
                return result.Problems.Count > 0 ? 2 : 0;
            }
            finally
            {
                opened.ForEach(f => f.Item2.Dispose());
            }
        });
        return command;
    }

    /// <summary>A refused command (a broken rule) prints its Dutch reason and exits with 1; anything else is a crash.</summary>
    private static async Task<int> RefusalsAsExitCode(Func<Task> command)
    {
        try
        {
            await command();
            return 0;
        }
        catch (DomainException refusal)
        {
            await Console.Error.WriteLineAsync(refusal.Message);
            return 1;
        }
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var body = RandomNumberGenerator.GetString(alphabet, 20);
        return $"{body[..5]}-{body[5..10]}-{body[10..15]}-{body[15..]}!7";
    }
}
