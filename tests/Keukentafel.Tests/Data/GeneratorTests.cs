using Keukentafel.Bench;
using Keukentafel.Budget;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Data;

/// <summary>The benchmark's data generator on a real database: cases in every step, a budget that adds up, lists that work.</summary>
public sealed class GeneratorTests(GeneratorTests.EmptyApp app) : IClassFixture<GeneratorTests.EmptyApp>
{
    /// <summary>The application on an empty database: no demo, so what is there is what the generator wrote.</summary>
    public sealed class EmptyApp : KeukentafelApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ScenarioSettings() => [new("Demo:SeedOnStart", "false")];
    }

    [Fact]
    public async Task Generated_cases_are_in_every_step_their_budgets_add_up_and_a_professionals_list_reads_them()
    {
        var ct = TestContext.Current.CancellationToken;
        _ = app.Services; // starts the host, which migrates the database
        var generated = await new Generator(() => app.Services.CreateScope().ServiceProvider.GetRequiredService<KeukentafelDbContext>())
            .RunAsync(new GenerateOptions(Cases: 1_200, Seed: 7, CasesPerNeighbourhood: 400, Batch: 500), DateTime.UtcNow, TextWriter.Null, ct);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        generated.Neighbourhoods.ShouldBe(3);
        (await db.Cases.CountAsync(ct)).ShouldBe(1_200);
        (await db.Cases.Select(c => c.Status).Distinct().CountAsync(ct)).ShouldBe(Enum.GetValues<CaseStatus>().Length);
        (await db.Cases.Select(c => c.Number).Distinct().CountAsync(ct)).ShouldBe(1_200);
        (await db.CaseEvents.CountAsync(ct)).ShouldBeGreaterThan(10_000);
        (await db.WellbeingMeasurements.CountAsync(ct)).ShouldBeGreaterThan(1_000);
        (await db.LedgerEntries.CountAsync(l => l.Kind == EntryKind.Realisation, ct)).ShouldBeGreaterThan(1_000);
        (await new Financing(db, TimeProvider.System).VerifyAsync(ct)).ShouldBeEmpty();
        (await db.Neighbourhoods.CountAsync(n => n.CoordinatorId != null, ct)).ShouldBe(3);

        // The busiest professional's list: a page of 25, overdue first, and the next page goes on where it stopped.
        var professional = await db.CaseMembers.Where(m => m.IsOpen).GroupBy(m => m.StaffMemberId).OrderByDescending(g => g.Count())
            .Select(g => g.Key).FirstAsync(ct);
        var lists = new CaseLists(db, TimeProvider.System);
        var first = await lists.MineAsync(professional, new CaseFilter(), null, 25, ct);
        first.Items.Count.ShouldBeGreaterThan(0);
        first.Items.ShouldBe([.. first.Items.OrderBy(i => i.DaysLeft is null).ThenBy(i => i.Deadline).ThenBy(i => i.Id)]);
        if (first.Next is { } next)
        {
            var second = await lists.MineAsync(professional, new CaseFilter(), next, 25, ct);
            var lastShown = first.Items[^1];
            second.Items.Where(i => (i.DaysLeft == null, i.Deadline).CompareTo((lastShown.DaysLeft == null, lastShown.Deadline)) < 0).ShouldBeEmpty();
            second.Items.Select(i => i.Id).Intersect(first.Items.Select(i => i.Id)).ShouldBeEmpty();
        }

        // A new case after the generated ones gets the next number of its year.
        var year = DutchTime.Date(DateTime.UtcNow).Year;
        var last = await db.CaseNumberCounters.Where(c => c.Year == year).Select(c => c.Last).SingleAsync(ct);
        last.ShouldBe(await db.Cases.CountAsync(c => c.Number.StartsWith($"{year}-"), ct));
        (await db.StaffMembers.CountAsync(s => s.Function == StaffFunction.Professional, ct)).ShouldBe(3 * 8 * 4);

        // The looks at the cases form one intact hash chain, a few per case, and a new look continues it.
        (await db.AuditEvents.CountAsync(ct)).ShouldBeGreaterThan(1_200 * 5);
        (await db.AuditEvents.Where(a => a.CaseId != null).Select(a => a.CaseId).Distinct().CountAsync(ct)).ShouldBe(1_200);
        // The lists' looks are list events, each in the resident's index already (the indexer finds nothing left to do).
        var generatorChains = db.AuditChains.Where(c => c.Writer == "generator").Select(c => c.Id);
        var listEvents = db.AuditEvents.Where(a => generatorChains.Contains(a.ChainId) && a.Shown != null);
        (await listEvents.CountAsync(ct)).ShouldBeGreaterThan(0);
        (await db.AuditShown.CountAsync(s => listEvents.Any(a => a.Id == s.EventId), ct)).ShouldBe(await listEvents.CountAsync(ct));
        (await db.AuditIndexMarks.Where(m => generatorChains.Contains(m.ChainId)).SumAsync(m => m.Sequence, ct))
            .ShouldBe(await db.AuditEvents.LongCountAsync(a => generatorChains.Contains(a.ChainId), ct));
        var log = app.Services.GetRequiredService<Keukentafel.Privacy.AuditLog>();
        await log.AppendAsync(new Keukentafel.Privacy.AuditEvent(DateTime.UtcNow, null, "Test", "professional", null, null, null,
            Keukentafel.Privacy.AuditAction.List, "casuslijst", true, null, "127.0.0.1"), ct);
        var verified = await log.VerifyAsync(ct);
        verified.Intact.ShouldBeTrue(verified.Problem);
    }
}
