using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Privacy;

/// <summary>
/// A list is one audit event that names every case and resident shown; each resident finds it in "who looked at my
/// file" at once, and through the per-resident index once the indexer has taken it, never twice and never not.
/// </summary>
public sealed class AuditIndexTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    internal const string ListLook = "zag uw naam in de lijst met hulpvragen";

    [Fact]
    public async Task A_list_is_one_event_that_each_resident_shown_finds_before_and_after_indexing()
    {
        var ct = TestContext.Current.CancellationToken;
        var signalled = await app.SignalCaseAsync();
        var bringer = await app.ApiAsync(signalled.Bringer.Email);
        var residentApi = await app.ApiAsync(PageSession.Resident);
        var before = await ListLooksAsync(residentApi, signalled.Bringer.Name);

        var shown = (await bringer.GetJsonAsync("/api/v1/cases")).Items().EnumerateArray().Select(i => i.Id()).ToList();

        shown.ShouldContain(signalled.CaseId);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var list = await db.AuditEvents.AsNoTracking().Where(a => a.UserName == signalled.Bringer.Name && a.Part == "casuslijst")
            .OrderByDescending(a => a.AtUtc).FirstAsync(ct);
        list.ResidentId.ShouldBeNull("one event for the whole page, not one per resident");
        ShownCase.Read(list.Shown.ShouldNotBeNull()).Select(s => s.CaseId).ShouldBe(shown, ignoreOrder: true);
        (await ListLooksAsync(residentApi, signalled.Bringer.Name)).ShouldBe(before + 1, "the newest lists are read before the indexer has them");

        await AuditIndexer.IndexAsync(db, ct);

        var rows = await db.AuditShown.AsNoTracking().Where(s => s.EventId == list.Id).ToListAsync(ct);
        rows.Select(s => s.CaseId).ShouldBe(shown, ignoreOrder: true);
        rows.ShouldAllBe(s => s.AtUtc == list.AtUtc);
        (await AuditIndexer.IndexAsync(db, ct)).ShouldBe(0, "an indexed event is not indexed again");
        (await ListLooksAsync(residentApi, signalled.Bringer.Name)).ShouldBe(before + 1, "indexed, the list is still one look");
        var verified = await app.Services.GetRequiredService<AuditLog>().VerifyAsync(ct);
        verified.Intact.ShouldBeTrue(verified.Problem);
    }

    [Fact]
    public async Task The_case_log_shows_the_lists_that_showed_that_case_with_their_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        var signalled = await app.SignalCaseAsync();
        await (await app.ApiAsync(signalled.Bringer.Email)).GetJsonAsync("/api/v1/cases");
        await using var scope = app.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessLog>();
        var residentId = await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Cases.Where(c => c.Id == signalled.CaseId)
            .Select(c => c.ResidentId).SingleAsync(ct);
        var decision = new CaseAccessDecision(true, signalled.CaseId, residentId, new Keukentafel.Cases.Actor(Guid.Empty, null, "test", null), null, false);

        var unindexed = await access.ForCaseAsync(decision, ct);
        await AuditIndexer.IndexAsync(scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>(), ct);
        var indexed = await access.ForCaseAsync(decision, ct);

        unindexed.Count(e => e.Who == signalled.Bringer.Name && e.What == ListLook).ShouldBe(1);
        indexed.ShouldBe(unindexed);
    }

    [Fact]
    public async Task Two_indexers_at_once_index_every_list_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var professional = await app.ApiAsync(PageSession.Professional);
        for (var i = 0; i < 5; i++)
        {
            await professional.GetJsonAsync("/api/v1/cases");
        }

        await using var one = app.Services.CreateAsyncScope();
        await using var other = app.Services.CreateAsyncScope();
        await Task.WhenAll(
            AuditIndexer.IndexAsync(one.ServiceProvider.GetRequiredService<KeukentafelDbContext>(), ct),
            AuditIndexer.IndexAsync(other.ServiceProvider.GetRequiredService<KeukentafelDbContext>(), ct));

        var db = one.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var lists = await db.AuditEvents.AsNoTracking().Where(a => a.Shown != null).Select(a => a.Shown!).ToListAsync(ct);
        (await db.AuditShown.CountAsync(ct)).ShouldBeGreaterThanOrEqualTo(lists.Sum(s => ShownCase.Read(s).Count));
        var verified = await app.Services.GetRequiredService<AuditLog>().VerifyAsync(ct);
        verified.Intact.ShouldBeTrue(verified.Problem);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_an_index_row()
    {
        var ct = TestContext.Current.CancellationToken;
        await (await app.ApiAsync(PageSession.Professional)).GetJsonAsync("/api/v1/cases");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        await AuditIndexer.IndexAsync(db, ct);

        var update = await Should.ThrowAsync<Exception>(() => db.AuditShown.ExecuteUpdateAsync(s => s.SetProperty(a => a.Reason, "verzonnen"), ct));
        var delete = await Should.ThrowAsync<Exception>(() => db.AuditShown.ExecuteDeleteAsync(ct));

        update.Message.ShouldContain("append-only");
        delete.Message.ShouldContain("retention");
    }

    /// <summary>How many list looks by <paramref name="who"/> the resident's "who looked" shows (its first page).</summary>
    internal static async Task<int> ListLooksAsync(HttpClient residentApi, string who) =>
        (await residentApi.GetJsonAsync("/api/v1/me/access-log")).Items().EnumerateArray()
            .Count(e => e.GetProperty("who").GetString() == who && e.GetProperty("what").GetString() == ListLook);
}
