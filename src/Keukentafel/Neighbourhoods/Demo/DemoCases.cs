using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Meetings;
using Keukentafel.Plans;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Neighbourhoods.Demo;

/// <summary>
/// Demo cases in every step of their life, some late, written through the same domain methods as real work
/// (so every demo case has a true history), with times in the past. The demo professional brings several.
/// </summary>
internal sealed class DemoCases(KeukentafelDbContext db, CaseNumbers numbers)
{
    private Dictionary<Guid, Guid> accounts = [];

    internal static readonly (string Want, string Can, string Need, LifeDomains Domains)[] Stories =
    [
        ("Ik wil in mijn huis blijven wonen, maar de huur loopt achter.", "Ik kan mijn post openen als iemand meekijkt.",
            "Hulp met de huurachterstand en een overzicht van mijn geld.", LifeDomains.Housing | LifeDomains.Finances),
        ("Ik voel me alleen sinds mijn vrouw is overleden.", "Ik kan goed koken en wil dat ook voor anderen doen.",
            "Mensen om me heen en iets te doen overdag.", LifeDomains.Relations | LifeDomains.DailyActivities),
        ("Mijn zoon spijbelt en ik kom er niet meer doorheen.", "Ik kan 's avonds met hem praten, hij luistert naar zijn oom.",
            "Iemand die met ons meedenkt, en rust in huis.", LifeDomains.Youth | LifeDomains.Relations),
        ("Ik wil weer werken, maar mijn rug laat me in de steek.", "Ik kan thuis administratief werk doen.",
            "Een plek om te beginnen, met aandacht voor mijn gezondheid.", LifeDomains.DailyActivities | LifeDomains.Health),
        ("Ik slaap slecht en pieker over alles.", "Ik wandel graag met de hond van de buren.",
            "Iemand om mee te praten over wat me dwarszit.", LifeDomains.MentalHealth | LifeDomains.Health),
        ("Er is overlast in de portiek en ik durf 's avonds niet meer naar buiten.", "Ik ken de andere bewoners van de portiek.",
            "Dat de woningcorporatie en de wijkagent samen kijken wat kan.", LifeDomains.Safety | LifeDomains.Housing),
        ("Ik drink meer dan goed voor me is en wil daarmee stoppen.", "Mijn zus wil me helpen als ik het vraag.",
            "Hulp die bij mij thuis komt, zonder wachtlijst.", LifeDomains.Addiction | LifeDomains.MentalHealth),
    ];

    private static readonly CaseStatus[] Plan =
    [
        CaseStatus.Signalled, CaseStatus.Signalled, CaseStatus.QuestionsAnswered, CaseStatus.MeetingPlanned, CaseStatus.PlanAgreed,
        CaseStatus.PlanAgreed, CaseStatus.SolutionCarriedOut, CaseStatus.Evaluated, CaseStatus.Closed, CaseStatus.Closed, CaseStatus.Closed,
    ];

    public async Task<int> AddAsync(IReadOnlyList<Neighbourhood> neighbourhoods, DateTime nowUtc, CancellationToken ct)
    {
        var ids = neighbourhoods.Select(n => n.Id).ToList();
        if (await db.Cases.AnyAsync(c => ids.Contains(c.NeighbourhoodId), ct))
        {
            return 0; // the demo has its cases already: seeding again changes nothing
        }

        var random = new Random(2018);
        var staff = await db.StaffMembers.Include(s => s.WorkAreas).Include(s => s.Organisation).ThenInclude(o => o!.Neighbourhoods).ToListAsync(ct);
        var professionals = staff.Where(s => s.Function == StaffFunction.Professional && s.Organisation is { Type: not OrganisationType.HealthInsurer })
            .ToList();
        var managers = staff.Where(s => s.Function == StaffFunction.Manager).ToList();
        var residents = await db.Residents.Where(r => ids.Contains(r.NeighbourhoodId))
            .OrderBy(r => r.RegisteredAtUtc).ThenBy(r => r.Name.Family).ThenBy(r => r.Name.Given).ThenBy(r => r.DateOfBirth)
            .Take(44).ToListAsync(ct);
        accounts = await db.Users.Where(u => u.StaffMemberId != null).ToDictionaryAsync(u => u.StaffMemberId!.Value, u => u.Id, ct);

        // The demo resident who can sign in gets a case with a plan agreed (place 5 of the plan below), so his own
        // pages (his data, his consents, who looked) have something to show.
        const int DemoResidentPlace = 5;
        var demoResidentId = await db.Users.Where(u => u.Email == DemoNeighbourhood.ResidentEmail).Select(u => u.ResidentId).FirstOrDefaultAsync(ct);
        if (demoResidentId is not null && residents.Count > DemoResidentPlace)
        {
            var at = residents.FindIndex(r => r.Id == demoResidentId);
            var demoResident = at >= 0 ? residents[at] : await db.Residents.SingleAsync(r => r.Id == demoResidentId, ct);
            residents.RemoveAt(at >= 0 ? at : residents.Count - 1);
            residents.Insert(DemoResidentPlace, demoResident);
        }

        var highlighted = staff.Single(s => s.Email == DemoNeighbourhood.HighlightedAccounts[0].Email);
        var added = 0;

        for (var i = 0; i < residents.Count; i++)
        {
            var resident = residents[i];
            var local = professionals.Where(p => p.WorksIn(resident.NeighbourhoodId)).ToList();
            // The demo professional brings every fourth case, so she has cases in each step.
            var bringer = i % 4 == 0 && highlighted.WorksIn(resident.NeighbourhoodId) ? highlighted : local[random.Next(local.Count)];
            var target = Plan[i % Plan.Length];
            // Late work happens: some cases started long ago; a closed case started up to four months ago.
            var daysAgo = target switch
            {
                CaseStatus.Signalled or CaseStatus.QuestionsAnswered => i % 3 == 0 ? 50 + random.Next(20) : 2 + random.Next(20),
                CaseStatus.MeetingPlanned => 5 + random.Next(20),
                CaseStatus.PlanAgreed => i % 2 == 0 ? 45 + random.Next(15) : 10 + random.Next(25),
                _ => 45 + random.Next(80),
            };
            var story = Stories[random.Next(Stories.Length)];
            var start = nowUtc.AddDays(-daysAgo).Date.AddHours(9 + random.Next(8));
            var number = await numbers.NextAsync(DutchTime.Date(start).Year, ct);
            var @case = Case.Signal(number, resident, bringer, story.Want, (CaseSource)random.Next(7), null, Actor(bringer), start);
            CaseScript.Advance(@case, resident, bringer, story, target, start, nowUtc, local, managers, random, Actor);
            if (resident.Id == demoResidentId && @case.Status == CaseStatus.PlanAgreed)
            {
                // On his own pages the demo resident decides who comes to his next meeting: two professionals proposed, not yet agreed.
                var next = @case.PlanMeeting(nowUtc.AddDays(3).Date.AddHours(10), true, resident.Address.ToString(), null, resident.Name.Display,
                    bringer, Actor(bringer), nowUtc.AddMinutes(-2));
                foreach (var professional in local
                    .Where(p => p.Id != bringer.Id && !@case.Meetings.Any(m => m.Participants.Any(x => x.StaffMemberId == p.Id))).Take(2))
                {
                    @case.ProposeProfessional(next.Id, professional, professional.Organisation!.Name, Actor(bringer), nowUtc.AddMinutes(-1));
                }
            }
            db.Cases.Add(@case);
            added += @case.Version;
        }

        return added;
    }

    private Actor Actor(StaffMember staff) =>
        new(accounts.GetValueOrDefault(staff.Id), staff.Id, staff.Name.Display, staff.Organisation?.Name, staff.OrganisationId);
}
