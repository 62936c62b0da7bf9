using System.Text.Json;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Neighbourhoods.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Keukentafel.Tests.Neighbourhoods;

public sealed class DemoSeedTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task Seeding_the_demo_twice_changes_nothing()
    {
        var before = await SnapshotAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(TestContext.Current.CancellationToken);

        result.RecordsAdded.ShouldBe(0);
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_demo_has_the_neighbourhood_the_brief_asks_for()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;

        (await db.Municipalities.CountAsync(ct)).ShouldBe(1);
        var neighbourhoods = await db.Neighbourhoods.ToListAsync(ct);
        neighbourhoods.Count.ShouldBe(2);
        neighbourhoods.ShouldAllBe(n => n.CoordinatorId != null);

        var organisations = await db.Organisations.ToListAsync(ct);
        organisations.Count.ShouldBe(13);
        organisations.Select(o => o.Type).Distinct().Count().ShouldBe(9, "all kinds from the seeds but 'other'");
        foreach (var organisation in organisations)
        {
            organisation.AmbassadorId.ShouldNotBeNull();
            var ambassador = await db.StaffMembers.SingleAsync(s => s.Id == organisation.AmbassadorId, ct);
            ambassador.OrganisationId.ShouldBe(organisation.Id);
            (await db.StaffMembers.CountAsync(s => s.OrganisationId == organisation.Id && s.Function == StaffFunction.Professional, ct)).ShouldBeGreaterThan(0);
        }

        (await db.StaffMembers.CountAsync(s => s.Function == StaffFunction.Manager, ct)).ShouldBe(13);
        (await db.StaffMembers.CountAsync(s => s.Function == StaffFunction.Director, ct)).ShouldBeGreaterThan(0);
        (await db.StaffMembers.CountAsync(s => s.Function == StaffFunction.Financier, ct)).ShouldBe(3);
        (await db.Residents.CountAsync(ct)).ShouldBeInRange(200, 500);
        (await db.Users.CountAsync(ct)).ShouldBe(await db.StaffMembers.CountAsync(ct) + 2, "every staff member, one administrator and one resident");
    }

    [Fact]
    public async Task The_community_centre_of_the_demo_is_booked_in_this_years_neighbourhood_budget()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var centre = await db.CollectiveInitiatives.SingleAsync(i => i.Name == "Buurthuis De Vlinder", ct);
        var year = Keukentafel.Cases.DutchTime.Today(TimeProvider.System).Year;

        var booked = await db.LedgerEntries.Where(l => l.InitiativeId == centre.Id && l.Kind == Keukentafel.Budget.EntryKind.Commitment).ToListAsync(ct);

        booked.ShouldHaveSingleItem().Year.ShouldBe(year);
        booked[0].Amount.ShouldBe(centre.BudgetPerYear!.Value);
        booked[0].OrganisationId.ShouldBe(centre.OrganisationId!.Value);
    }

    [Fact]
    public async Task The_demo_has_cases_in_every_step_some_of_them_late_and_the_demo_professional_works_on_several()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var today = Keukentafel.Cases.DutchTime.Date(DateTime.UtcNow);

        var statuses = await db.Cases.Select(c => c.Status).Distinct().ToListAsync(ct);
        var overdue = await db.Cases.CountAsync(c => c.SolutionCarriedOutAtUtc == null && c.Status != Keukentafel.Cases.CaseStatus.Closed
            && c.Deadline < today, ct);
        var sanne = await db.StaffMembers.Where(s => s.Email == PageSession.Professional).Select(s => s.Id).SingleAsync(ct);

        statuses.Count.ShouldBe(Enum.GetValues<Keukentafel.Cases.CaseStatus>().Length);
        overdue.ShouldBeGreaterThan(0);
        (await db.CaseMembers.CountAsync(m => m.StaffMemberId == sanne, ct)).ShouldBeGreaterThan(5);
        (await db.CaseEvents.CountAsync(ct)).ShouldBeGreaterThan(await db.Cases.CountAsync(ct) * 3, "every demo case has a real history");
    }

    [Fact]
    public async Task No_demo_name_is_taken_from_the_seed_articles()
    {
        // Family names of the real people named in ../shared/seeds.
        string[] seedFamilyNames =
        [
            "Beekx", "Haven", "Hoes", "Grinsven", "Workum", "Firat", "Nistelrooij", "Megens", "Wouters", "Bakker", "Pijls",
            "Akkermans", "Smits", "Loos", "Hoop", "Neuteboom", "Rosmalen", "Mulders", "Ven", "Wiel", "Smissen",
        ];
        var demo = DemoNeighbourhood.Build();

        var families = demo.Staff.Select(s => s.Family).Concat(demo.Residents.Select(r => r.Family)).Distinct().ToList();

        families.Intersect(seedFamilyNames, StringComparer.OrdinalIgnoreCase).ShouldBeEmpty();
        demo.Organisations.Select(o => o.Name).ShouldAllBe(n => !n.Contains("Oss") && !n.Contains("Brabant") && !n.Contains("Ruwaard"));
    }

    [Fact]
    public void The_demo_is_the_same_every_time()
    {
        var first = DemoNeighbourhood.Build();
        var second = DemoNeighbourhood.Build();

        JsonSerializer.Serialize(second).ShouldBe(JsonSerializer.Serialize(first));
    }

    [Fact]
    public async Task Seeding_is_refused_outside_development_and_test()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var production = new ProductionEnvironment();
        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(services, production);

        var refusal = await Should.ThrowAsync<DomainException>(() => seeder.SeedAsync(TestContext.Current.CancellationToken));

        refusal.Code.ShouldBe("demo.not_development");
    }

    private async Task<string> SnapshotAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var staff = string.Join(",", await db.StaffMembers.OrderBy(s => s.Email).Select(s => s.Id + s.Email).ToListAsync(ct));
        var residents = string.Join(",", await db.Residents.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct));
        return string.Join("|",
            await db.Municipalities.CountAsync(ct), await db.Neighbourhoods.CountAsync(ct), await db.Organisations.CountAsync(ct),
            await db.OrganisationNeighbourhoods.CountAsync(ct), await db.StaffNeighbourhoods.CountAsync(ct), await db.Users.CountAsync(ct),
            await db.UserRoles.CountAsync(ct), await db.Roles.CountAsync(ct), staff, residents,
            await db.Cases.CountAsync(ct), await db.CaseEvents.CountAsync(ct), await db.CaseMembers.CountAsync(ct),
            await db.CaseNumberCounters.SumAsync(c => c.Last, ct),
            string.Join(",", await db.Organisations.OrderBy(o => o.Name).Select(o => o.AmbassadorId).ToListAsync(ct)),
            string.Join(",", await db.Neighbourhoods.OrderBy(n => n.Code).Select(n => n.CoordinatorId).ToListAsync(ct)));
    }

    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "Keukentafel";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
