using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Meetings;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Effects;

/// <summary>
/// The parameters of a generated set of closed cases. The defaults are the figures of Proeftuin Ruwaard (seeds 000 and
/// 004): wellbeing 3.5 at the start, 8.3 at the end, 8.5 later; about half of the sampled cases already had care.
/// </summary>
public sealed record EffectParameters(
    int Cases = 48,
    int Seed = 2016,
    double IntakeMean = 3.5,
    double IntakeSd = 1.0,
    double ClosureMean = 8.3,
    double ClosureSd = 0.7,
    double FollowUpMean = 8.5,
    double FollowUpSd = 0.6,
    double ShareExisting = 0.5,
    double ShareInSixWeeks = 0.8,
    double FollowUpResponse = 0.85,
    int FirstMonthsAgo = 26,
    int LastMonthsAgo = 9);

/// <summary>
/// Generates closed cases with wellbeing measurements and locked micro-analyses, through the same domain methods as
/// real work, by these rules (the report then computes its figures from the records; nothing is written as a result):
/// <list type="bullet">
/// <item>Each case: a resident of the neighbourhood without a case yet; signalled between <c>FirstMonthsAgo</c> and
/// <c>LastMonthsAgo</c> months ago; a colleague of another organisation at the table; solved within six weeks with
/// probability <c>ShareInSixWeeks</c>; evaluated and closed; the follow-up done when due, with probability <c>FollowUpResponse</c>.</item>
/// <item>Marks: normal with the given mean and spread, cut to 1..10, one decimal.</item>
/// <item>Existing cases (probability <c>ShareExisting</c>): without the approach the fragmented support goes on
/// (80-120 hours of Wmo support, 8 GP consultations) and the problems grow (eviction at 30-50%, then shelter,
/// mental-health crisis contacts, police call-outs); with it, one plan (a debt trajectory and support, 2,700-4,500
/// euros) and 4 GP consultations.</item>
/// <item>New cases: without the approach little happens at first, but from month 6 crisis, admission days (25%),
/// police and eviction (15%) come; with it, early support that did not exist before (plan 1,200-1,800 euros,
/// 10-20 hours of Wmo support and 8 hours of social work in months 1-3): dearer at first, cheaper by the end of the year.</item>
/// </list>
/// </summary>
public sealed class EffectDataGenerator(KeukentafelDbContext db, CaseNumbers numbers, CostCatalogues catalogues, Prices prices)
{
    private Dictionary<Guid, Guid> accounts = [];

    public async Task<int> AddAsync(Guid neighbourhoodId, EffectParameters p, DateTime nowUtc, CancellationToken ct)
    {
        var random = new Random(p.Seed);
        var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.Id == neighbourhoodId, ct);
        var settings = neighbourhood.EffectSettings;
        var residents = await db.Residents
            .Where(r => r.NeighbourhoodId == neighbourhoodId && r.AnonymisedAtUtc == null && !db.Cases.Any(c => c.ResidentId == r.Id))
            .OrderBy(r => r.RegisteredAtUtc).ThenBy(r => r.Id)
            .Take(p.Cases).ToListAsync(ct);
        var staff = (await db.StaffMembers.Include(s => s.WorkAreas).Include(s => s.Organisation).ThenInclude(o => o!.Neighbourhoods)
                .Where(s => s.Function == StaffFunction.Professional && s.WorkAreas.Any(w => w.NeighbourhoodId == neighbourhoodId)).ToListAsync(ct))
            .Where(s => s.Organisation is { Type: not OrganisationType.HealthInsurer })
            .OrderBy(s => s.Email, StringComparer.Ordinal).ToList();
        accounts = await db.Users.Where(u => u.StaffMemberId != null).ToDictionaryAsync(u => u.StaffMemberId!.Value, u => u.Id, ct);
        var catalogue = catalogues.Current;
        var priceYear = catalogue.PriceYearFor(DutchTime.Date(nowUtc));
        var unitPrices = await prices.ForAsync(neighbourhoodId, catalogue, priceYear, ct);
        var added = 0;

        foreach (var resident in residents)
        {
            var bringer = staff[random.Next(staff.Count)];
            var others = staff.Where(s => s.OrganisationId != bringer.OrganisationId).ToList();
            var colleague = others[random.Next(others.Count)];
            var start = nowUtc.AddMonths(-random.Next(p.LastMonthsAgo, p.FirstMonthsAgo + 1)).AddDays(-random.Next(28)).Date.AddHours(9 + random.Next(6));
            var existing = random.NextDouble() < p.ShareExisting;
            var @case = Case.Signal(await numbers.NextAsync(DutchTime.Date(start).Year, ct), resident, bringer,
                existing
                    ? "Ik krijg al hulp van drie instanties, maar de huur loopt toch achter."
                    : "Het lukt me niet meer, en ik weet niet bij wie ik moet aankloppen.",
                CaseSource.Professional, null, Actor(bringer), start);
            Carry(@case, resident, bringer, colleague, existing, start, nowUtc, settings, unitPrices, catalogue, priceYear, p, random);
            db.Cases.Add(@case);
            added += @case.Version;
        }

        return added;
    }

    private void Carry(Case @case, Resident resident, StaffMember bringer, StaffMember colleague, bool existing, DateTime start, DateTime nowUtc,
        EffectSettings settings, IReadOnlyDictionary<string, UnitPrice> unitPrices, CostCatalogue catalogue, int priceYear, EffectParameters p, Random random)
    {
        var by = Actor(bringer);
        @case.RecordWellbeing(MeasurementMoment.Intake, Mark(random, p.IntakeMean, p.IntakeSd), DutchTime.Date(start), null, null, null, settings, by,
            start.AddHours(1));
        @case.Answer(Question.Want, existing ? "Ik wil in mijn huis blijven wonen." : "Ik wil weer grip op mijn leven.",
            LifeDomains.Housing | LifeDomains.Finances, true, by, start.AddHours(2));
        @case.Answer(Question.Can, "Ik kan mijn post openen als iemand meekijkt.", LifeDomains.None, true, by, start.AddHours(2));
        @case.Answer(Question.Need, "Eén plan, en iemand die het met me bijhoudt.", LifeDomains.Finances, true, by, start.AddHours(2));

        var meetingAt = start.AddDays(7);
        var meeting = @case.PlanMeeting(meetingAt, true, resident.Address.ToString(), null, resident.Name.Display, bringer, by, start.AddDays(1));
        var participant = @case.ProposeProfessional(meeting.Id, colleague, colleague.Organisation!.Name, by, start.AddDays(1));
        @case.RecordAgreement(meeting.Id, participant.Id, true, by, start.AddDays(1));
        @case.Invite(meeting.Id, participant.Id, by, start.AddDays(1));
        var due = DutchTime.Date(meetingAt).AddDays(21);
        var domain = Domain(colleague.Organisation.Type);
        var planCost = existing ? 2700m + (100m * random.Next(19)) : 1200m + (50m * random.Next(13));
        @case.AddAction($"Begeleiding en schuldhulp door {colleague.Organisation.Name}",
            new ActionCarrier(Carrier.Organisation, colleague.Id, colleague.OrganisationId), colleague, colleague.Organisation, domain, planCost, due, false,
            resident.Name.Display, by, start.AddDays(2));
        @case.AddAction("Een ochtend per week helpen in het buurthuis", new ActionCarrier(Carrier.Resident), null, null, LawDomain.Welzijn, null, due, true,
            resident.Name.Display, by, start.AddDays(2));
        var attended = meeting.Participants.Where(x => x.Agreement == Agreement.Agreed).Select(x => x.Id).ToHashSet();
        @case.RecordMeetingHeld(meeting.Id, attended, "Het plan is samen met de bewoner afgesproken.", true, by, meetingAt.AddHours(1));

        var analysed = meetingAt.AddHours(3);
        @case.StartAnalysis(12, priceYear, catalogue, existing, existing
            ? "De bewoner kreeg al zorg van meerdere instanties. Zonder één plan liep de huurachterstand op tot een ontruiming "
                + "(kans zoals ingeschat door de woningcorporatie), met opvang en crisis daarna."
            : "De bewoner kreeg nog geen hulp. Zonder de aanpak was hij in de loop van het jaar in een crisis geraakt; "
                + "met de aanpak komt er vroeg en licht hulp.",
            by, analysed);
        foreach (var (scenario, code, quantity, probability, from, to) in existing ? Existing(random) : New(random))
        {
            @case.AddCostLine(scenario, unitPrices[code], quantity, probability, from, to, null, by, analysed);
        }

        var solvedAfter = random.NextDouble() < p.ShareInSixWeeks ? 20 + random.Next(16) : 45 + random.Next(20);
        var solved = start.AddDays(solvedAfter);
        foreach (var action in @case.Actions.ToList())
        {
            @case.ChangeActionStatus(action.Id, ActionStatus.Done, null, by, solved.AddHours(-2));
        }

        @case.MarkSolutionCarriedOut(by, solved);
        var evaluated = solved.AddDays(5);
        @case.Evaluate("De bewoner is tevreden: één plan, en het werkte.", by, evaluated);
        @case.RecordWellbeing(MeasurementMoment.Closure, Mark(random, p.ClosureMean, p.ClosureSd), DutchTime.Date(evaluated), null, null, null, settings, by,
            evaluated.AddHours(1));
        var closed = evaluated.AddDays(2);
        @case.LockAnalysis(catalogue, unitPrices, Actor(colleague), closed.AddHours(-1));
        @case.Close(by, closed, settings.FollowUpMonths);

        var followUp = DutchTime.ToUtc(@case.FollowUpDue!.Value.AddDays(random.Next(14)).ToDateTime(new TimeOnly(11, 0)));
        if (followUp < nowUtc && random.NextDouble() < p.FollowUpResponse)
        {
            @case.RecordWellbeing(MeasurementMoment.FollowUp, Mark(random, p.FollowUpMean, p.FollowUpSd), DutchTime.Date(followUp), null, null, null, settings,
                by, followUp);
        }
    }

    /// <summary>Existing cases: the fragmented support goes on without the approach, and the problems grow.</summary>
    private static IEnumerable<(Scenario, string, decimal, decimal, int, int)> Existing(Random random)
    {
        var eviction = 0.3m + (0.05m * random.Next(5));
        var month = 6 + random.Next(3);
        yield return (Scenario.Without, "begeleiding-uur", 80 + random.Next(41), 0.9m, 1, 12);
        yield return (Scenario.Without, "huisarts-consult", 8, 1, 1, 12);
        yield return (Scenario.Without, "huisuitzetting", 1, eviction, month, month);
        yield return (Scenario.Without, "maatschappelijke-opvang-nacht", 30 + random.Next(31), eviction, month + 1, Math.Min(month + 3, 12));
        yield return (Scenario.Without, "ggz-crisiscontact", 2, 0.5m, 3, 12);
        yield return (Scenario.Without, "politie-inzet", 1 + random.Next(3), 0.6m, 1, 12);
        yield return (Scenario.With, "huisarts-consult", 4, 1, 1, 12);
    }

    /// <summary>New cases: little at first without the approach, a crisis later; with it, early support that did not exist before.</summary>
    private static IEnumerable<(Scenario, string, decimal, decimal, int, int)> New(Random random)
    {
        yield return (Scenario.Without, "huisarts-consult", 3, 1, 1, 12);
        yield return (Scenario.Without, "ggz-crisiscontact", 2, 0.4m, 6, 12);
        yield return (Scenario.Without, "klinische-opname-dag-ggz", 8 + random.Next(7), 0.25m, 8, 12);
        yield return (Scenario.Without, "politie-inzet", 2, 0.4m, 6, 12);
        yield return (Scenario.Without, "huisuitzetting", 1, 0.15m, 11, 11);
        yield return (Scenario.With, "begeleiding-uur", 10 + random.Next(11), 1, 1, 3);
        yield return (Scenario.With, "welzijnswerk-uur", 8, 1, 1, 2);
        yield return (Scenario.With, "huisarts-consult", 3, 1, 1, 12);
    }

    private static LawDomain Domain(OrganisationType type) => type switch
    {
        OrganisationType.Housing => LawDomain.Wonen,
        OrganisationType.Municipality => LawDomain.Schuldhulp,
        OrganisationType.MentalHealth or OrganisationType.HomeCare => LawDomain.Zvw,
        OrganisationType.Youth => LawDomain.Jeugdwet,
        _ => LawDomain.Wmo,
    };

    /// <summary>A normal draw (Box-Muller), cut to the report mark's 1 to 10, with one decimal.</summary>
    private static decimal Mark(Random random, double mean, double sd)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return decimal.Round((decimal)Math.Clamp(mean + (sd * normal), 1, 10), 1);
    }

    private Actor Actor(StaffMember staff) => new(accounts.GetValueOrDefault(staff.Id), staff.Id, staff.Name.Display, staff.Organisation?.Name);
}
