using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Learning;

/// <summary>
/// The demo's year of learning (as Ruwaard: professionals every two weeks, managers each quarter, directors twice a
/// year), with minutes and lessons linked to the cases that raised them; and a community centre run by residents with
/// the welfare foundation, measured every week of that year, beside a walking group. All synthetic.
/// </summary>
internal sealed class DemoLearning(KeukentafelDbContext db)
{
    private static readonly (LessonKind Kind, string Text, string Note)[] Lessons =
    [
        (LessonKind.Learned, "Samen met de bewoner de post openen voorkomt vaak schuldhulp", "Besproken met alle teams; staat nu in de werkafspraken."),
        (LessonKind.AskOfManagement, "Regel één route om met toestemming gegevens te delen tussen organisaties",
            "De directeuren hebben een gezamenlijk toestemmingsformulier vastgesteld."),
        (LessonKind.StopDoing, "Geen aparte intake meer per organisatie: één keukentafelgesprek is genoeg",
            "Drie organisaties zijn ermee gestopt, twee volgen in het voorjaar."),
        (LessonKind.Learned, "Het buurthuis is vaak een betere eerste stap dan individuele begeleiding",
            "Professionals vragen nu eerst wat het buurthuis kan doen."),
        (LessonKind.AskOfManagement, "Laat de Wmo-indicatie achteraf volgen als de hulp al nodig is", "De gemeente proeft dit een half jaar in deze wijk."),
        (LessonKind.StopDoing, "Geen overleg over een bewoner zonder de bewoner erbij", "Afgesproken in de leersessie."),
    ];

    private static readonly string[] Themes =
    [
        "wachttijden voor de Wmo-indicatie", "gegevens delen met toestemming", "wat bewoners zelf teruggeven in het buurthuis",
        "casussen die langer dan zes weken duurden", "samenwerken met de huisarts", "jongeren die de school verlaten",
    ];

    public async Task<int> AddAsync(Neighbourhood neighbourhood, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.LearningSessions.AnyAsync(s => s.NeighbourhoodId == neighbourhood.Id, ct))
        {
            return 0;
        }

        var random = new Random(2018);
        var today = DutchTime.Date(nowUtc);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.WorkAreas.Any(w => w.NeighbourhoodId == neighbourhood.Id))
            .Select(s => new { s.Id, s.Name, s.Function, s.OrganisationId }).ToListAsync(ct);
        var coordinator = staff.First(s => s.Id == neighbourhood.CoordinatorId);
        var by = new Actor(Guid.Empty, coordinator.Id, coordinator.Name.Display, null);
        var professionals = staff.Where(s => s.Function == StaffFunction.Professional).OrderBy(s => s.Name.Family, StringComparer.Ordinal).ToList();
        var managers = staff.Where(s => s.Function == StaffFunction.Manager).ToList();
        var directors = staff.Where(s => s.Function is StaffFunction.Director or StaffFunction.Financier).ToList();
        var withPoints = await db.Bottlenecks.AsNoTracking().Where(b => db.Cases.Any(c => c.Id == b.CaseId && c.NeighbourhoodId == neighbourhood.Id))
            .Select(b => new { b.CaseId, b.RecordedAtUtc }).ToListAsync(ct);
        var added = 0;
        var lessonIndex = 0;

        // Every second Tuesday of the last year, and every quarter the managers, twice a year the directors.
        var tuesday = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7)).AddDays(-364);
        for (var week = 0; tuesday.AddDays(week * 7) <= today.AddDays(14); week += 2)
        {
            var date = tuesday.AddDays(week * 7);
            var level = week % 26 == 0 ? SessionLevel.Directors : week % 12 == 0 ? SessionLevel.Managers : SessionLevel.Professionals;
            var people = (level switch
            {
                SessionLevel.Directors => directors.Take(5),
                SessionLevel.Managers => managers.Take(6),
                _ => professionals.OrderBy(_ => random.Next()).Take(8),
            }).Select(p => ((Guid?)p.Id, p.Name.Display)).Append((coordinator.Id, coordinator.Name.Display)).ToList();
            var atUtc = DutchTime.ToUtc(date.ToDateTime(new TimeOnly(9, 0)));
            var session = LearningSession.Plan(neighbourhood.Id, date, level, people, neighbourhood.StartedOn ?? today.AddYears(-3), today, by,
                atUtc.AddDays(-14));
            db.LearningSessions.Add(session);
            added++;
            if (date >= today)
            {
                continue;
            }

            session.RecordMinutes(
                $"Besproken: {Themes[random.Next(Themes.Length)]} en {Themes[random.Next(Themes.Length)]}. De open lessen van de vorige keer zijn doorgelopen.",
                session.Version, by, atUtc.AddHours(3));
            if (week % 4 != 0)
            {
                continue;
            }

            var (kind, text, note) = Lessons[lessonIndex++ % Lessons.Length];
            var before = DutchTime.ToUtc(date.ToDateTime(TimeOnly.MinValue));
            var cases = withPoints.Where(p => p.RecordedAtUtc < before).Select(p => p.CaseId).Distinct().OrderBy(_ => random.Next()).Take(2).ToList();
            var owner = professionals[random.Next(professionals.Count)];
            var lesson = Lesson.Record(session.Id, kind, text, owner.Id, owner.Name.Display, cases, by, atUtc.AddHours(3));
            db.Lessons.Add(lesson);
            added++;
            // What became of it: older lessons are done, recent ones still in progress or open.
            var age = today.DayNumber - date.DayNumber;
            if (age > 120)
            {
                lesson.Follow(LessonStatus.Done, note, lesson.Version, by, atUtc.AddDays(56));
            }
            else if (age > 40)
            {
                lesson.Follow(LessonStatus.InProgress, null, lesson.Version, by, atUtc.AddDays(28));
            }
        }

        var welfare = await db.Organisations.Where(o => o.Type == OrganisationType.Welfare && o.Neighbourhoods.Any(n => n.NeighbourhoodId == neighbourhood.Id))
            .OrderBy(o => o.Name).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        var centre = AddInitiatives(neighbourhood, welfare, by, today, nowUtc, random);
        added += 2 + await BookAsync(centre, by, today.Year, ct);
        return added;
    }

    /// <summary>
    /// Books this year's budget line of the community centre in the neighbourhood budget, from the welfare foundation's
    /// room, as a coordinator would when the initiative starts. The rooms together stay within the contributions, so the
    /// room it needs is moved from the organisation with the most room left; the foundation's own room left stays as the
    /// budget demo made it (nearly used, for the request that waits for its managers).
    /// </summary>
    private async Task<int> BookAsync(CollectiveInitiative centre, Actor by, int year, CancellationToken ct)
    {
        var budget = await db.Budgets.Include(b => b.Contributions)
            .Where(b => b.NeighbourhoodId == centre.NeighbourhoodId && b.FirstYear <= year && b.LastYear >= year).FirstOrDefaultAsync(ct);
        if (budget is null || centre.OrganisationId is not { } welfare || centre.BudgetPerYear is not { } amount)
        {
            return 0;
        }

        var book = new Budget.LedgerBook(budget, await db.LedgerEntries.Where(l => l.BudgetId == budget.Id && l.Year == year).ToListAsync(ct));
        var before = book.Entries.Count;
        var roomiest = book.Entries.Where(e => e.Kind == Budget.EntryKind.Room && e.OrganisationId != welfare).Select(e => e.OrganisationId).Distinct()
            .Select(o => (Organisation: o, Balance: book.BalanceOf(o, year))).OrderByDescending(o => o.Balance.Remaining).FirstOrDefault();
        if (roomiest.Balance is null || roomiest.Balance.Remaining < amount)
        {
            return 0;
        }

        var at = DutchTime.ToUtc(new DateTime(year, 1, 6, 10, 0, 0));
        book.SetRoom(roomiest.Organisation, year, roomiest.Balance.Room - amount, by, at);
        book.SetRoom(welfare, year, book.BalanceOf(welfare, year).Room + amount, by, at);
        book.CommitInitiative(welfare, year, centre.Id, amount, centre.Name, by, at);
        db.LedgerEntries.AddRange(book.Entries.Skip(before));
        return book.Entries.Count - before;
    }

    /// <summary>The community centre grows over the year (more visitors, volunteers and residents who give back); the walking group stays small.</summary>
    private CollectiveInitiative AddInitiatives(Neighbourhood neighbourhood, Guid? welfare, Actor by, DateOnly today, DateTime nowUtc, Random random)
    {
        var centre = CollectiveInitiative.Start(neighbourhood.Id, "Buurthuis De Vlinder",
            "Koffie, samen eten, klussen en spreekuren; bewoners runnen het met de welzijnsstichting.", true, welfare, 15_000m, true, by,
            nowUtc.AddDays(-365));
        var walking = CollectiveInitiative.Start(neighbourhood.Id, "Wandelgroep Rietvelden", "Elke donderdagochtend een uur wandelen, daarna koffie.", true,
            null, null, false, by, nowUtc.AddDays(-200));
        var monday = InitiativeMeasure.WeekOf(today).AddDays(-7);
        for (var week = 52; week >= 1; week--)
        {
            var growth = (52 - week) / 52.0;
            var day = monday.AddDays(-7 * (week - 1));
            var at = DutchTime.ToUtc(day.AddDays(4).ToDateTime(new TimeOnly(16, 0)));
            centre.Measure(day, (int)(60 + (80 * growth)) + random.Next(-8, 9), (int)(8 + (14 * growth)) + random.Next(-1, 2),
                (int)(5 + (13 * growth)) + random.Next(-1, 2), (int)(6 + (6 * growth)) + random.Next(0, 2), null, today, by, at);
            if (week <= 28 && week % 2 == 0)
            {
                walking.Measure(day, 8 + random.Next(0, 6), 1, 2, 1, null, today, by, at);
            }
        }

        db.CollectiveInitiatives.AddRange(centre, walking);
        return centre;
    }
}
