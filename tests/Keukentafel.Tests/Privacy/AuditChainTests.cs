using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Privacy;

/// <summary>
/// One chain per writer: writers of several instances never take the same place, and every chain verifies. The heads
/// are anchored in checkpoints, in the database and outside it, so removing the newest events is found too.
/// </summary>
public sealed class AuditChainTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    internal const string Key = "sleutel-van-de-beheerder";

    [Fact]
    public async Task Writers_of_several_instances_each_fill_their_own_chain_without_a_clash()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = Writer(app, out _);
        await using var second = Writer(app, out _);

        await Task.WhenAll(Enumerable.Range(0, 30).SelectMany(i => new[]
        {
            first.AppendManyAsync([Event($"een {i}"), Event($"een {i}b")], ct),
            second.AppendAsync(Event($"twee {i}"), ct),
        }));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var chains = await db.AuditEvents.Where(a => a.UserName == "Ketentest").GroupBy(a => a.ChainId)
            .Select(g => new { Count = g.Count(), Min = g.Min(a => a.Sequence), Max = g.Max(a => a.Sequence), Parts = g.Min(a => a.Part) })
            .ToListAsync(ct);
        chains.Count.ShouldBe(2);
        chains.ShouldAllBe(c => c.Min == 1 && c.Max == c.Count);
        chains.Select(c => c.Count).Order().ShouldBe([30, 60]);
        (await app.Services.GetRequiredService<AuditLog>().VerifyAsync(ct)).Intact.ShouldBeTrue();
    }

    [Fact]
    public void Checkpoints_are_read_from_the_file_store_and_from_the_operators_console_or_json_log()
    {
        var checkpoint = new AuditCheckpoint(new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc), Guid.CreateVersion7(), 42, new string('a', 64),
            new DateTime(2026, 12, 7, 9, 59, 0, DateTimeKind.Utc), Key);
        var line = checkpoint.ToLine();
        var json = System.Text.Json.JsonSerializer.Serialize(new { Timestamp = "2026-12-07T10:00:00Z", EventId = 7513, Message = $"Audit checkpoint {line}" });
        var text = $"""
            info: Keukentafel.Privacy.AuditLog[7513]
                  Audit checkpoint {line}
            {line}
            {json}
            warn: something else {"{"}"kind":"other"{"}"}
            """;

        var read = AuditCheckpoint.Read(new StringReader(text)).ToList();

        read.Count.ShouldBe(3);
        read.ShouldAllBe(c => c.ChainId == checkpoint.ChainId && c.Sequence == 42 && c.Hash == checkpoint.Hash && c.HeadAtUtc == checkpoint.HeadAtUtc);
        read.ShouldAllBe(c => c.SignedWith(Key));
        read.ShouldAllBe(c => !c.SignedWith("een andere sleutel"));
    }

    internal static AuditLog Writer(KeukentafelApp app, out string folder)
    {
        folder = Directory.CreateTempSubdirectory("keukentafel-checkpoints-").FullName;
        return new AuditLog(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, Configuration(folder));
    }

    internal static AuditLog Verifier(KeukentafelApp app) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, Configuration(null));

    internal static IConfiguration Configuration(string? folder) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Privacy:AuditCheckpointKey"] = Key, ["Privacy:AuditCheckpointFolder"] = folder })
        .Build();

    internal static List<AuditCheckpoint> Anchors(string folder) =>
        [.. Directory.GetFiles(folder).SelectMany(f => AuditCheckpoint.Read(new StringReader(File.ReadAllText(f))))];

    internal static AuditEvent Event(string part) =>
        new(DateTime.UtcNow, null, "Ketentest", "professional", null, null, null, AuditAction.Read, part, true, null, "127.0.0.1");
}

/// <summary>Removing events needs the protection off, which breaks the log for good: a database of its own.</summary>
public sealed class AuditAnchorTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task Removing_the_newest_events_is_found_by_the_checkpoint_in_the_database_and_by_the_one_outside_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var writer = AuditChainTests.Writer(app, out var folder);
        for (var i = 1; i <= 5; i++)
        {
            await writer.AppendAsync(AuditChainTests.Event($"kop {i}"), ct);
        }

        await writer.DrainAsync(); // stopping anchors the head: event 5
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var chain = await db.AuditEvents.Where(a => a.Part == "kop 5").Select(a => a.ChainId).SingleAsync(ct);
        (await db.AuditCheckpoints.SingleAsync(c => c.ChainId == chain, ct)).Sequence.ShouldBe(5);
        var outside = AuditChainTests.Anchors(folder);
        outside.ShouldHaveSingleItem().Sequence.ShouldBe(5);
        var log = AuditChainTests.Verifier(app);
        (await log.VerifyAsync(outside, ct)).Intact.ShouldBeTrue();

        await AuditProtection.SetAsync(app, db, on: false);
        try
        {
            // The last two events go: the chain that is left is whole in itself, but its anchored head is gone.
            await db.AuditEvents.Where(a => a.ChainId == chain && a.Sequence > 3).ExecuteDeleteAsync(ct);
            var cut = await log.VerifyAsync(ct);
            cut.Intact.ShouldBeFalse();
            cut.BrokenChain.ShouldBe(chain);
            cut.Problem.ShouldBe("events 4 tot en met 5 ontbreken (na de vastgelegde stand)");

            // The checkpoint in the database goes too: only the one outside the database still tells.
            await db.AuditCheckpoints.Where(c => c.ChainId == chain).ExecuteDeleteAsync(ct);
            (await log.VerifyAsync(ct)).Intact.ShouldBeTrue();
            var anchored = await log.VerifyAsync(outside, ct);
            anchored.Intact.ShouldBeFalse();
            anchored.Problem.ShouldBe("events 4 tot en met 5 ontbreken (na de vastgelegde stand)");

            // And a checkpoint signed with another key (by whoever cut the chain) is reported; an unsigned one anchors nothing.
            var forged = new AuditCheckpoint(DateTime.UtcNow, chain, 3, "0000", DateTime.UtcNow, "een andere sleutel");
            (await log.VerifyAsync([forged], ct)).Problem.ShouldBe("een vastgelegde stand is niet met de sleutel ondertekend");
            var unsigned = new AuditCheckpoint(DateTime.UtcNow, chain, 9, "0000", DateTime.UtcNow, key: null);
            (await log.VerifyAsync([unsigned], ct)).Intact.ShouldBeTrue();

            // Without its chain the events that are left belong to no chain that is walked: that is found too.
            await db.AuditChains.Where(c => c.Id == chain).ExecuteDeleteAsync(ct);
            var stray = await log.VerifyAsync(ct);
            stray.Problem.ShouldBe("events in een onbekende keten");
            stray.BrokenChain.ShouldBe(chain);
        }
        finally
        {
            await AuditProtection.SetAsync(app, db, on: true);
        }
    }
}
