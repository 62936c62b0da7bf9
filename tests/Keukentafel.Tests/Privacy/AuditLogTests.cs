using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Privacy;

/// <summary>NEN 7513: the audit log cannot be changed through the database, and a change made anyway is found.</summary>
public sealed class AuditLogTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task Every_access_continues_the_chain_and_the_chain_verifies()
    {
        await MakeAccessesAsync(app);

        var result = await app.Services.GetRequiredService<AuditLog>().VerifyAsync(TestContext.Current.CancellationToken);

        result.Intact.ShouldBeTrue(result.Problem);
        result.Checked.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_audit_event()
    {
        await MakeAccessesAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;

        var update = await Should.ThrowAsync<Exception>(() => db.AuditEvents.ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "Iemand anders"), ct));
        var delete = await Should.ThrowAsync<Exception>(() => db.AuditEvents.ExecuteDeleteAsync(ct));

        update.Message.ShouldContain("append-only");
        delete.Message.ShouldContain("retention");
        (await app.Services.GetRequiredService<AuditLog>().VerifyAsync(ct)).Intact.ShouldBeTrue();
    }

    internal static async Task MakeAccessesAsync(KeukentafelApp app)
    {
        var api = await app.ApiAsync(PageSession.Professional);
        for (var i = 0; i < 3; i++)
        {
            (await api.GetAsync("/api/v1/cases", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }
    }
}

/// <summary>
/// Tampering breaks the chain for good, so these tests get a database of their own (test order differs per machine).
/// </summary>
public sealed class AuditTamperingTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task A_change_or_a_removal_made_around_the_protection_is_found_by_the_verification()
    {
        await AuditLogTests.MakeAccessesAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var log = app.Services.GetRequiredService<AuditLog>();
        var chain = await db.AuditEvents.OrderByDescending(a => a.AtUtc).Select(a => a.ChainId).FirstAsync(ct);
        var sequences = await db.AuditEvents.Where(a => a.ChainId == chain).OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync(ct);

        // Someone with full power over the database switches the protection off.
        await AuditProtection.SetAsync(app, db, on: false);
        try
        {
            await db.AuditEvents.Where(a => a.ChainId == chain && a.Sequence == sequences[1])
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "Iemand anders"), ct);
            var changed = await log.VerifyAsync(ct);
            changed.Intact.ShouldBeFalse();
            changed.BrokenChain.ShouldBe(chain);
            changed.BrokenAt.ShouldBe(sequences[1]);
            changed.Problem.ShouldBe("het event is gewijzigd");

            await db.AuditEvents.Where(a => a.ChainId == chain && a.Sequence == sequences[1]).ExecuteDeleteAsync(ct);
            var removed = await log.VerifyAsync(ct);
            removed.Intact.ShouldBeFalse();
            removed.BrokenAt.ShouldBe(sequences[2]);
            removed.Problem.ShouldStartWith($"events {sequences[1]} tot {sequences[2]} ontbreken");
        }
        finally
        {
            await AuditProtection.SetAsync(app, db, on: true);
        }
    }
}

/// <summary>Someone with full power over the database switches the audit log's protection off, and on again.</summary>
internal static class AuditProtection
{
    public static async Task SetAsync(KeukentafelApp app, KeukentafelDbContext db, bool on)
    {
        if (app.Database.PostgresConnection is not null)
        {
            await db.Database.ExecuteSqlRawAsync(on ? "ALTER TABLE \"AuditEvents\" ENABLE TRIGGER ALL" : "ALTER TABLE \"AuditEvents\" DISABLE TRIGGER ALL");
            await db.Database.ExecuteSqlRawAsync(
                on ? "ALTER TABLE \"AuditCheckpoints\" ENABLE TRIGGER ALL" : "ALTER TABLE \"AuditCheckpoints\" DISABLE TRIGGER ALL");
            await db.Database.ExecuteSqlRawAsync(on ? "ALTER TABLE \"AuditChains\" ENABLE TRIGGER ALL" : "ALTER TABLE \"AuditChains\" DISABLE TRIGGER ALL");
            await db.Database.ExecuteSqlRawAsync(on ? "ALTER TABLE \"AuditShown\" ENABLE TRIGGER ALL" : "ALTER TABLE \"AuditShown\" DISABLE TRIGGER ALL");
        }
        else if (on)
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER AuditEvents_no_update BEFORE UPDATE ON AuditEvents BEGIN SELECT RAISE(ABORT, 'Audit events are append-only.'); END;");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER AuditEvents_no_delete BEFORE DELETE ON AuditEvents "
                + "WHEN NOT EXISTS (SELECT 1 FROM AuditPurges WHERE OLD.AtUtc < AuditPurges.BeforeUtc) "
                + "BEGIN SELECT RAISE(ABORT, 'Audit events are kept for their retention period.'); END;");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER AuditCheckpoints_no_delete BEFORE DELETE ON AuditCheckpoints "
                + "WHEN NOT EXISTS (SELECT 1 FROM AuditPurges WHERE OLD.HeadAtUtc < AuditPurges.BeforeUtc) "
                + "BEGIN SELECT RAISE(ABORT, 'Audit checkpoints are kept for their retention period.'); END;");
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER AuditChains_no_delete BEFORE DELETE ON AuditChains BEGIN SELECT RAISE(ABORT, 'Audit chains are append-only.'); END;");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER AuditShown_no_delete BEFORE DELETE ON AuditShown "
                + "WHEN NOT EXISTS (SELECT 1 FROM AuditPurges WHERE OLD.AtUtc < AuditPurges.BeforeUtc) "
                + "BEGIN SELECT RAISE(ABORT, 'Audit index rows are kept for their retention period.'); END;");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEvents_no_update");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEvents_no_delete");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditCheckpoints_no_delete");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditChains_no_delete");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditShown_no_delete");
        }
    }
}

/// <summary>A row removed from the resident's index of lists, around the protection, is found by the verification.</summary>
public sealed class AuditIndexTamperingTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task A_removed_index_row_is_found_by_the_verification()
    {
        var ct = TestContext.Current.CancellationToken;
        await AuditLogTests.MakeAccessesAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        await AuditIndexer.IndexAsync(db, ct);
        var log = app.Services.GetRequiredService<AuditLog>();
        (await log.VerifyAsync(ct)).Intact.ShouldBeTrue();
        var row = await db.AuditShown.AsNoTracking().FirstAsync(ct);

        await AuditProtection.SetAsync(app, db, on: false);
        try
        {
            await db.AuditShown.Where(s => s.ResidentId == row.ResidentId && s.EventId == row.EventId && s.CaseId == row.CaseId).ExecuteDeleteAsync(ct);
        }
        finally
        {
            await AuditProtection.SetAsync(app, db, on: true);
        }

        var verified = await log.VerifyAsync(ct);
        verified.Intact.ShouldBeFalse();
        verified.Problem.ShouldNotBeNull().ShouldStartWith("de index van lijsten per bewoner mist 1 van de");
    }
}

public sealed class AuditRetentionTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task After_the_retention_period_old_events_go_the_purge_is_recorded_and_the_rest_still_verifies()
    {
        var log = app.Services.GetRequiredService<AuditLog>();
        var ct = TestContext.Current.CancellationToken;
        // Events in time order, with two lists among them, an old one and a recent one, each showing two residents' cases.
        foreach (var yearsAgo in new[] { 7, 6, 1 })
        {
            await log.AppendAsync(new AuditEvent(DateTime.UtcNow.AddYears(-yearsAgo), null, "Test", "professional", null, null, null, AuditAction.Read,
                "dossier", true, null, "127.0.0.1"), ct);
            if (yearsAgo != 6)
            {
                await log.AppendAsync(new AuditEvent(DateTime.UtcNow.AddYears(-yearsAgo), null, "Test", "professional", null, null, null,
                    AuditAction.List, "casuslijst", true, null, "127.0.0.1",
                    [new ShownCase(Guid.NewGuid(), Guid.NewGuid(), null), new ShownCase(Guid.NewGuid(), Guid.NewGuid(), null)]), ct);
            }
        }

        await log.AppendAsync(new AuditEvent(DateTime.UtcNow, null, "Test", "professional", null, null, null, AuditAction.Read, "dossier", true,
            null, "127.0.0.1"), ct);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        await AuditIndexer.IndexAsync(db, ct);

        var removed = await log.PurgeAsync("test", ct);

        removed.ShouldBe(3);
        (await db.AuditPurges.SingleAsync(ct)).Removed.ShouldBe(3);
        (await db.AuditShown.CountAsync(ct)).ShouldBe(2, "the old list's rows went with it, the recent one's stay");
        var verified = await log.VerifyAsync(ct);
        verified.Intact.ShouldBeTrue(verified.Problem);
        await Should.ThrowAsync<Exception>(() => db.AuditPurges.ExecuteDeleteAsync(ct));
    }
}

/// <summary>
/// The writer of one process stores the events of concurrent requests together; a second process appending at the
/// same time takes its own places; one bad event fails only its own request.
/// </summary>
public sealed class AuditWriterTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task Concurrent_requests_and_a_second_process_all_get_a_place_in_one_intact_chain()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = app.Services.GetRequiredService<AuditLog>();
        // A second writer on the same database, as another server process would be.
        await using var other = new AuditLog(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>());
        var api = await app.ApiAsync(PageSession.Professional);
        var before = await CountAsync(ct);

        var lists = Enumerable.Range(0, 16).Select(async _ => (await api.GetAsync("/api/v1/cases", ct)).EnsureSuccessStatusCode());
        var here = Enumerable.Range(0, 40).Select(i => log.AppendManyAsync([Event($"hier {i}"), Event($"hier {i}b")], ct));
        var there = Enumerable.Range(0, 40).Select(i => other.AppendAsync(Event($"daar {i}"), ct));
        await Task.WhenAll([.. lists, .. here, .. there]);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        (await db.AuditEvents.CountAsync(a => a.UserName == "Schrijftest" && a.Part.StartsWith("hier "), ct)).ShouldBe(80);
        (await db.AuditEvents.CountAsync(a => a.UserName == "Schrijftest" && a.Part.StartsWith("daar "), ct)).ShouldBe(40);
        // Every list shows at least one case, and each shown case is one event.
        (await CountAsync(ct) - before).ShouldBeGreaterThanOrEqualTo(120 + 16);
        var verified = await log.VerifyAsync(ct);
        verified.Intact.ShouldBeTrue(verified.Problem);
    }

    [Fact]
    public async Task A_bad_event_fails_its_own_request_and_the_events_queued_with_it_are_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = app.Services.GetRequiredService<AuditLog>();

        var good = Enumerable.Range(0, 30).Select(i => log.AppendAsync(Event($"goed {i}"), ct)).ToList();
        var bad = log.AppendAsync(Event("fout", userName: null!), ct);
        good.AddRange(Enumerable.Range(30, 30).Select(i => log.AppendAsync(Event($"goed {i}"), ct)));

        await Should.ThrowAsync<System.Data.Common.DbException>(() => bad);
        await Task.WhenAll(good);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        (await db.AuditEvents.CountAsync(a => a.UserName == "Schrijftest" && a.Part.StartsWith("goed "), ct)).ShouldBe(60);
        (await log.VerifyAsync(ct)).Intact.ShouldBeTrue();
    }

    private static AuditEvent Event(string part, string userName = "Schrijftest") =>
        new(DateTime.UtcNow, null, userName, "professional", null, null, null, AuditAction.Read, part, true, null, "127.0.0.1");

    private async Task<int> CountAsync(CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().AuditEvents.CountAsync(ct);
    }
}
