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
            (await api.GetAsync("/api/cases", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
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
        var sequences = await db.AuditEvents.OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync(ct);

        // Someone with full power over the database switches the protection off.
        await ProtectionAsync(db, on: false);
        try
        {
            await db.AuditEvents.Where(a => a.Sequence == sequences[1]).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "Iemand anders"), ct);
            var changed = await log.VerifyAsync(ct);
            changed.Intact.ShouldBeFalse();
            changed.BrokenAt.ShouldBe(sequences[1]);
            changed.Problem.ShouldBe("het event is gewijzigd");

            await db.AuditEvents.Where(a => a.Sequence == sequences[1]).ExecuteDeleteAsync(ct);
            var removed = await log.VerifyAsync(ct);
            removed.Intact.ShouldBeFalse();
            removed.BrokenAt.ShouldBe(sequences[2]);
            removed.Problem.ShouldStartWith($"events {sequences[1]} tot {sequences[2]} ontbreken");
        }
        finally
        {
            await ProtectionAsync(db, on: true);
        }
    }

    private async Task ProtectionAsync(KeukentafelDbContext db, bool on)
    {
        if (app.Database.PostgresConnection is not null)
        {
            await db.Database.ExecuteSqlRawAsync(on ? "ALTER TABLE \"AuditEvents\" ENABLE TRIGGER ALL" : "ALTER TABLE \"AuditEvents\" DISABLE TRIGGER ALL");
        }
        else if (on)
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER AuditEvents_no_update BEFORE UPDATE ON AuditEvents BEGIN SELECT RAISE(ABORT, 'Audit events are append-only.'); END;");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER AuditEvents_no_delete BEFORE DELETE ON AuditEvents WHEN NOT EXISTS (SELECT 1 FROM AuditPurges WHERE OLD.AtUtc < AuditPurges.BeforeUtc) BEGIN SELECT RAISE(ABORT, 'Audit events are kept for their retention period.'); END;");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEvents_no_update");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEvents_no_delete");
        }
    }
}

public sealed class AuditRetentionTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task After_the_retention_period_old_events_go_the_purge_is_recorded_and_the_rest_still_verifies()
    {
        var log = app.Services.GetRequiredService<AuditLog>();
        var ct = TestContext.Current.CancellationToken;
        foreach (var yearsAgo in new[] { 7, 6, 1 })
        {
            await log.AppendAsync(new AuditEvent(DateTime.UtcNow.AddYears(-yearsAgo), null, "Test", "professional", null, null, null, AuditAction.Read, "dossier", true, null, "127.0.0.1"), ct);
        }

        await log.AppendAsync(new AuditEvent(DateTime.UtcNow, null, "Test", "professional", null, null, null, AuditAction.Read, "dossier", true, null, "127.0.0.1"), ct);

        var removed = await log.PurgeAsync("test", ct);

        removed.ShouldBe(2);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        (await db.AuditPurges.SingleAsync(ct)).Removed.ShouldBe(2);
        (await log.VerifyAsync(ct)).Intact.ShouldBeTrue();
        await Should.ThrowAsync<Exception>(() => db.AuditPurges.ExecuteDeleteAsync(ct));
    }
}
