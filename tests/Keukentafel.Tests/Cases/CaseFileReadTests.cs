using System.Data.Common;
using System.Text.Json;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Meetings;
using Keukentafel.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Cases;

/// <summary>
/// Opening a case file reads every part in one statement. These tests hold it to two round trips and check, for every
/// demo case, that the file equals one built the plain way: each part loaded as entities and mapped one by one.
/// </summary>
public sealed class CaseFileReadTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task Opening_a_case_file_takes_two_round_trips()
    {
        var ct = TestContext.Current.CancellationToken;
        var counter = new CommandCounter();
        await using var db = Context(counter);
        var id = await db.Cases.OrderByDescending(c => c.Version).Select(c => c.Id).FirstAsync(ct);
        counter.Count = 0;

        var file = await new CaseFiles(db, TimeProvider.System).GetAsync(id, ct);

        file.ShouldNotBeNull();
        counter.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_case_that_does_not_exist_takes_one_round_trip_and_is_null()
    {
        var counter = new CommandCounter();
        await using var db = Context(counter);

        (await new CaseFiles(db, TimeProvider.System).GetAsync(Guid.NewGuid(), TestContext.Current.CancellationToken)).ShouldBeNull();
        counter.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Every_demo_file_is_the_same_as_one_read_part_by_part()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Context(new CommandCounter());
        await AnswerAgainAsync(db, ct);
        var ids = await db.Cases.Select(c => c.Id).ToListAsync(ct);
        var files = new CaseFiles(db, TimeProvider.System);
        var seen = new List<CaseFile>();

        foreach (var id in ids)
        {
            var file = (await files.GetAsync(id, ct))!;
            var expected = await PartByPartAsync(db, id, ct);
            JsonSerializer.Serialize(file).ShouldBe(JsonSerializer.Serialize(expected), $"case {file.Number}");
            seen.Add(file);
        }

        // The demo has every kind of part, so none of the comparisons above is empty.
        seen.ShouldContain(f => f.Answers.Any(a => a.Versions > 1));
        seen.ShouldContain(f => f.Network.Count > 0);
        seen.ShouldContain(f => f.Meetings.Any(m => m.Participants.Any(p => p.Kind == ParticipantKind.Professional))
            && f.Meetings.Any(m => m.Participants.Any(p => p.Kind != ParticipantKind.Professional)));
        seen.ShouldContain(f => f.Actions.Any(a => a.IsContribution) && f.Actions.Any(a => !a.IsContribution));
        seen.ShouldContain(f => f.Deviations.Count > 0);
        seen.ShouldContain(f => f.Bottlenecks.Count > 0);
        seen.ShouldContain(f => f.Consents.Count > 0);
        seen.ShouldContain(f => f.Team.Count > 1);
    }

    /// <summary>Gives one demo case a second version of an answer, so the file has to pick the newest.</summary>
    private static async Task AnswerAgainAsync(KeukentafelDbContext db, CancellationToken ct)
    {
        var answered = await db.Cases.Include(c => c.Answers)
            .FirstAsync(c => c.Answers.Any(a => a.Question == Question.Want) && c.Status != CaseStatus.Closed, ct);
        var by = new Actor(Guid.NewGuid(), answered.CaseBringerId, "Testers Naam", null);
        answered.Answer(Question.Want, "Een tweede versie van het antwoord.", LifeDomains.Housing, withResident: true, by, DateTime.UtcNow);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The file as it was read before: each part loaded by itself as entities, then mapped.</summary>
    private static async Task<CaseFile> PartByPartAsync(KeukentafelDbContext db, Guid id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().AsSplitQuery()
            .Include(x => x.Answers).Include(x => x.Network).Include(x => x.Meetings).ThenInclude(m => m.Participants)
            .Include(x => x.Actions).Include(x => x.Deviations).Include(x => x.Bottlenecks).Include(x => x.Consents)
            .SingleAsync(x => x.Id == id, ct);
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == c.ResidentId, ct);
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().SingleAsync(n => n.Id == c.NeighbourhoodId, ct);
        var bringer = await db.StaffMembers.AsNoTracking().Include(s => s.Organisation).SingleAsync(s => s.Id == c.CaseBringerId, ct);
        var members = await db.CaseMembers.AsNoTracking().Where(m => m.CaseId == id).ToListAsync(ct);
        var staff = await db.StaffMembers.AsNoTracking().Include(s => s.Organisation)
            .Where(s => members.Select(m => m.StaffMemberId).Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var today = DutchTime.Today(TimeProvider.System);

        return new CaseFile(
            c.Id, c.Number, c.Version, c.Status, c.Status.Dutch(), c.Status.NextStep(),
            new CaseResident(resident.Id, resident.Name.Display, resident.DateOfBirth, resident.Address.ToString(), resident.Phone, resident.Version),
            c.NeighbourhoodId, neighbourhood.Name, c.Description, c.Source, c.SourceDetail, c.SignalledAtUtc,
            c.Deadline, c.DaysLeft(today), c.IsOverdue(today), c.SolvedWithinSixWeeks(today), SixWeeks.Text(c, today),
            c.CaseBringerId, bringer.Organisation is null ? bringer.Name.Display : $"{bringer.Name.Display} ({bringer.Organisation.Name})", c.LifeDomains,
            [.. members.Select(m => (Member: m, Staff: staff[m.StaffMemberId])).OrderBy(m => m.Member.Role).ThenBy(m => m.Staff.Name.Family)
                .Select(m => new TeamMemberView(m.Staff.Id, m.Staff.Name.Display, m.Staff.Organisation?.Name, m.Member.Role))],
            [.. Enum.GetValues<Question>().Select(q =>
            {
                var a = c.CurrentAnswer(q);
                return new AnswerView(q, q.Dutch(), a?.Text, a?.Domains ?? LifeDomains.None, a?.WithResident ?? false, a?.WrittenByName, a?.WrittenAtUtc,
                    c.Answers.Count(x => x.Question == q));
            })],
            [.. c.Network.OrderBy(n => n.Id).Select(n => new NetworkView(n.Id, n.Name, n.Relation, n.Phone))],
            [.. c.Meetings.OrderBy(m => m.PlannedAtUtc).Select(m => new MeetingView(m.Id, m.PlannedAtUtc, m.AtHome, m.Place, m.ReasonNotAtHome, m.Status,
                m.HeldAtUtc, m.Decisions, m.PlanAgreedByAll,
                [.. m.Participants.OrderBy(p => p.Kind).ThenBy(p => p.ProposedAtUtc).Select(p => new ParticipantView(
                    p.Id, p.Kind, p.Name, p.Kind == ParticipantKind.Professional ? p.Organisation : null, p.StaffMemberId, p.Agreement,
                    p.Agreement.Dutch(), p.InvitedAtUtc, p.Attended, p.OrganisationId, p.Kind == ParticipantKind.Professional ? null : p.Organisation))]))],
            [.. c.Actions.OrderBy(a => a.IsContribution).ThenBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => new ActionView(
                a.Id, a.What, a.Carrier, a.CarrierName, a.LawDomain, a.ExpectedCost, a.DueDate, a.Status, a.Status.Dutch(), a.DropReason, a.IsContribution,
                a.WorthSharing, a.InitiativeId, a.CarrierStaffMemberId, a.CarrierOrganisationId, a.Service))],
            [.. c.Deviations.OrderBy(d => d.RecordedAtUtc).Select(d => new DeviationView(
                d.Id, d.Rule, d.LawDomain, d.Reason, d.Otherwise, d.OtherwiseCost, d.ManagerId, d.ManagerName, d.RecordedByName, d.RecordedAtUtc,
                d.BackedAtUtc))],
            [.. c.Bottlenecks.OrderBy(b => b.RecordedAtUtc).Select(b => new BottleneckView(
                b.Id, b.Category, b.Category.Dutch(), b.LawDomain, b.Description, b.RecordedByName, b.RecordedAtUtc))],
            c.NoContributionReason, c.Evaluation, c.SolutionCarriedOutAtUtc, c.ClosedAtUtc,
            [.. c.Consents.OrderByDescending(k => k.IsActive(today)).ThenByDescending(k => k.GivenAtUtc).Select(k => CaseFiles.ConsentView(k, today))]);
    }

    /// <summary>A context of its own on the application's database, with every command it sends counted.</summary>
    private KeukentafelDbContext Context(CommandCounter counter) => app.Database.PostgresConnection is { } postgres
        ? new PostgresKeukentafelDbContext((DbContextOptions<PostgresKeukentafelDbContext>)PostgresKeukentafelDbContext
            .Configure(new DbContextOptionsBuilder<PostgresKeukentafelDbContext>(), postgres).AddInterceptors(counter).Options)
        : new SqliteKeukentafelDbContext((DbContextOptions<SqliteKeukentafelDbContext>)SqliteKeukentafelDbContext
            .Configure(new DbContextOptionsBuilder<SqliteKeukentafelDbContext>(), $"Data Source={app.Database.SqliteFile}").AddInterceptors(counter).Options);

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
