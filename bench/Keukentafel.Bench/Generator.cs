using System.Diagnostics;
using Keukentafel.Accounts;
using Keukentafel.Budget;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Effects;
using Keukentafel.Neighbourhoods;
using Keukentafel.Neighbourhoods.Demo;
using Keukentafel.Plans;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Bench;

/// <summary>How much to generate. The same seed always gives the same data (apart from the time it is generated at).</summary>
internal sealed record GenerateOptions(int Cases, int Seed = 1, int CasesPerNeighbourhood = 5_000, int Years = 5, int Batch = 2_000);

internal sealed record Generated(int Neighbourhoods, int Organisations, int Staff, int Cases, long Rows, TimeSpan Took);

/// <summary>
/// Fills an empty database at municipal or national scale: municipalities of ten neighbourhoods, eight organisations
/// per municipality, professionals, managers and a coordinator per neighbourhood, and cases spread over several years
/// in every step of their life, each taken there by <see cref="CaseScript"/> (the demo's own domain methods): questions,
/// the table with agreements and consents, plan actions, history, wellbeing marks; then one budget per neighbourhood
/// whose ledger finances the plan actions. Rows go in through <see cref="BulkWriter"/>, a batch of cases at a time.
/// </summary>
internal sealed class Generator(Func<KeukentafelDbContext> newContext)
{
    private static readonly OrganisationType[] Kinds =
    [
        OrganisationType.Municipality, OrganisationType.Welfare, OrganisationType.HomeCare, OrganisationType.HomeCare,
        OrganisationType.MentalHealth, OrganisationType.Youth, OrganisationType.Housing, OrganisationType.Sports,
    ];

    private static readonly string[] Given = ["Anna", "Bas", "Cor", "Dina", "Erik", "Fleur", "Gijs", "Hanna", "Ilias", "Joke", "Karel", "Lies", "Milan", "Nora",
        "Omar", "Pien", "Ruud", "Saar", "Teun", "Uma", "Vince", "Wies", "Yusuf", "Zoë"];
    private static readonly string[] Family = ["Akkerman", "Beukers", "Claes", "Dekkers", "Eijk", "Fonteijn", "Geurts", "Heesters", "IJpelaar", "Jonkers",
        "Kerkhof", "Lenssen", "Mulders", "Nouwen", "Otten", "Peeters", "Quaedvlieg", "Rovers", "Smulders", "Thijssen", "Vissers", "Wouters", "Zwartjes",
        "Bakkal", "Öztürk", "Nowak"];

    public async Task<Generated> RunAsync(GenerateOptions o, DateTime nowUtc, TextWriter log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(o.Seed);
        var neighbourhoodCount = Math.Max(2, (o.Cases + o.CasesPerNeighbourhood - 1) / o.CasesPerNeighbourhood);
        long rows = 0;

        // The map: municipalities, neighbourhoods, organisations and their people.
        var neighbourhoods = new List<Neighbourhood>();
        var professionals = new Dictionary<Guid, List<StaffMember>>();
        var managers = new List<StaffMember>();
        var coordinators = new List<StaffMember>();
        var organisations = new List<Organisation>();
        await using (var db = newContext())
        {
            Municipality? municipality = null;
            List<Organisation> local = [];
            for (var n = 0; n < neighbourhoodCount; n++)
            {
                if (n % 10 == 0)
                {
                    municipality = new Municipality($"Gemeente Proef {(n / 10) + 1}", $"GM{9000 + (n / 10):D4}");
                    db.Add(municipality);
                    local = [.. Kinds.Select((k, i) => new Organisation($"{k.Dutch()} Proef {(n / 10) + 1}-{i + 1}", k, null))];
                    foreach (var organisation in local)
                    {
                        organisation.Cover(organisation.Type.TypicalDomains());
                        organisation.Offer(organisation.Type.TypicalServices());
                        db.Add(organisation);
                        managers.Add(db.Add(new StaffMember(Person(random), StaffFunction.Manager, organisation, $"manager.{organisation.Id:N}@proef.example",
                            "Teammanager")).Entity);
                    }

                    organisations.AddRange(local);
                }

                var neighbourhood = new Neighbourhood(municipality!, $"Proefwijk {n + 1}", $"WK{9000 + (n / 10):D4}{(n % 10) + 1:D2}",
                    8_000 + random.Next(8_000));
                db.Add(neighbourhood);
                neighbourhoods.Add(neighbourhood);
                var coordinator = db.Add(new StaffMember(Person(random), StaffFunction.Coordinator, null, $"coordinator.{n + 1}@proef.example",
                    "Wijkcoördinator")).Entity;
                coordinator.StartWorkingIn(neighbourhood);
                coordinators.Add(coordinator);
                var here = new List<StaffMember>();
                foreach (var organisation in local)
                {
                    organisation.StartWorkingIn(neighbourhood);
                    for (var p = 0; p < 4; p++)
                    {
                        var professional = db.Add(new StaffMember(Person(random), StaffFunction.Professional, organisation,
                            $"p{p}.{n + 1}.{organisation.Id:N}@proef.example", "Professional")).Entity;
                        professional.StartWorkingIn(neighbourhood);
                        here.Add(professional);
                    }
                }

                foreach (var manager in managers.TakeLast(local.Count))
                {
                    manager.StartWorkingIn(neighbourhood);
                }

                professionals[neighbourhood.Id] = here;
            }

            rows += await new BulkWriter(db).FlushAsync(ct);

            // Neighbourhoods and their coordinators refer to each other: the appointment comes after both are stored.
            await using var appoint = newContext();
            appoint.AttachRange(neighbourhoods);
            appoint.AttachRange(coordinators);
            for (var n = 0; n < neighbourhoods.Count; n++)
            {
                neighbourhoods[n].AppointCoordinator(coordinators[n]);
            }

            await appoint.SaveChangesAsync(ct);
        }

        var staffNames = professionals.Values.SelectMany(p => p).Concat(managers)
            .ToDictionary(s => s.Id, s => (s.Name.Display, Organisation: organisations.Single(o => o.Id == s.OrganisationId).Name));
        log.WriteLine($"map: {neighbourhoods.Count} neighbourhoods, {organisations.Count} organisations, "
            + $"{professionals.Values.Sum(p => p.Count) + managers.Count + neighbourhoods.Count} staff ({clock.Elapsed.TotalSeconds:0.0} s)");

        // The cases, a batch at a time.
        var numbers = new Dictionary<int, int>();
        using var looks = new LookSpill();
        var batchLooks = new List<Look>();
        for (var done = 0; done < o.Cases; done += o.Batch)
        {
            await using var db = newContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(o.Cases, done + o.Batch); i++)
            {
                var neighbourhood = neighbourhoods[i % neighbourhoods.Count];
                var local = professionals[neighbourhood.Id];
                var daysAgo = random.Next(0, (o.Years * 365) - 1);
                var start = nowUtc.AddDays(-daysAgo).Date.AddHours(8 + random.Next(9)).AddMinutes(random.Next(60));
                if (start > nowUtc)
                {
                    start = nowUtc.AddHours(-1);
                }

                var target = Target(daysAgo, random);
                var resident = new Resident(Person(random), new DateOnly(1935, 1, 1).AddDays(random.Next(0, 80 * 365)), neighbourhood,
                    new Address($"Proefstraat {1 + random.Next(60)}", (1 + random.Next(200)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        $"9{random.Next(100, 999)} {(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}", "Proefstad"), start);
                var year = DutchTime.Date(start).Year;
                numbers[year] = numbers.GetValueOrDefault(year) + 1;
                var bringer = local[random.Next(local.Count)];
                var story = DemoCases.Stories[random.Next(DemoCases.Stories.Length)];
                var @case = Case.Signal($"{year}-{numbers[year]:D6}", resident, bringer, story.Want, (CaseSource)random.Next(7), null, Actor(bringer), start);
                CaseScript.Advance(@case, resident, bringer, story, target, start, nowUtc, local, managers, random, Actor);
                if (@case.Status == CaseStatus.Closed && @case.ClosedAtUtc is { } closed)
                {
                    var settings = new EffectSettings(false, false, EffectSettings.DefaultFollowUpMonths);
                    @case.RecordWellbeing(MeasurementMoment.Intake, 2 + (random.Next(40) / 10m), DutchTime.Date(start), null, null, null, settings,
                        Actor(bringer), start.AddHours(1));
                    @case.RecordWellbeing(MeasurementMoment.Closure, 6 + (random.Next(40) / 10m), DutchTime.Date(closed), null, null, null, settings,
                        Actor(bringer), closed);
                }

                db.Add(resident);
                db.Add(@case);
                AddLooks(batchLooks, @case, resident.Id, bringer, local, start, @case.ClosedAtUtc ?? nowUtc, random);
            }

            rows += await new BulkWriter(db).FlushAsync(ct);
            looks.Write(batchLooks);
            if ((done / o.Batch) % 25 == 0)
            {
                log.WriteLine($"cases: {Math.Min(o.Cases, done + o.Batch)} ({clock.Elapsed.TotalSeconds:0.0} s, {rows} rows)");
            }
        }

        // One budget per neighbourhood over the years, whose ledger finances the plan actions.
        await using (var db = newContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var counter in numbers)
            {
                db.Add(new CaseNumberCounter(counter.Key));
            }

            rows += await new BulkWriter(db).FlushAsync(ct);
            await db.Database.ExecuteSqlRawAsync(string.Join(";",
                numbers.Select(n => $"UPDATE \"CaseNumberCounters\" SET \"Last\" = {n.Value} WHERE \"Year\" = {n.Key}")), ct);
        }

        // A neighbourhood at a time, its financed actions read back from the database, so memory stays flat at any size.
        foreach (var neighbourhood in neighbourhoods)
        {
            await using var db = newContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var financed = await FinancedAsync(db, neighbourhood.Id, ct);
            if (financed.Count > 0)
            {
                AddBudget(db, neighbourhood, financed, nowUtc, o.Years, random);
                rows += await new BulkWriter(db).FlushAsync(ct);
            }
        }

        log.WriteLine($"budgets: {neighbourhoods.Count} ({clock.Elapsed.TotalSeconds:0.0} s, {rows} rows)");
        rows += await WriteAuditLogAsync(looks, staffNames, ct);

        // A database that has run for years has been vacuumed and analysed by autovacuum; a fresh load has not, and autovacuum
        // would otherwise do it beside the measurements (index-only scans also need the visibility map it writes).
        await using (var db = newContext())
        {
            if (db.Database.IsNpgsql())
            {
                db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
                await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", ct);
                log.WriteLine($"vacuumed and analysed ({clock.Elapsed.TotalSeconds:0.0} s)");
            }
        }

        log.WriteLine($"done: {o.Cases} cases, {rows} rows in {clock.Elapsed.TotalSeconds:0.0} s");
        return new Generated(neighbourhoods.Count, organisations.Count, professionals.Values.Sum(p => p.Count) + managers.Count + neighbourhoods.Count, o.Cases,
            rows, clock.Elapsed);
    }

    /// <summary>The plan actions of a neighbourhood's cases that the budget finances: carried by an organisation, with a cost, not dropped.</summary>
    private static async Task<List<Financeable>> FinancedAsync(KeukentafelDbContext db, Guid neighbourhood, CancellationToken ct)
    {
        var actions = await db.PlanActions.AsNoTracking()
            .Where(a => a.CarrierOrganisationId != null && a.ExpectedCost != null && a.Status != ActionStatus.Dropped
                && db.Cases.Any(c => c.Id == a.CaseId && c.NeighbourhoodId == neighbourhood))
            .Select(a => new { a.CaseId, a.Id, a.CarrierOrganisationId, a.ExpectedCost, a.CreatedAtUtc, a.Status, a.DoneAtUtc, a.LawDomain })
            .ToListAsync(ct);
        // SQLite stores decimals as text and cannot compare them: the cost is checked here.
        return [.. actions.Where(a => a.ExpectedCost > 0).OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id)
            .Select(a => new Financeable(a.CaseId, a.Id, a.CarrierOrganisationId!.Value, a.ExpectedCost!.Value, a.CreatedAtUtc,
                a.Status == ActionStatus.Done ? a.DoneAtUtc : null, a.LawDomain))];
    }

    /// <summary>
    /// A budget over the generated years: per organisation and year a room a fifth above what its actions need, the
    /// contributions covering the rooms, each action committed and, when done, released and realised at 90-110%.
    /// </summary>
    private static void AddBudget(KeukentafelDbContext db, Neighbourhood neighbourhood, List<Financeable> actions, DateTime nowUtc, int years, Random random)
    {
        var by = new Actor(Guid.Empty, null, "Generator", null);
        var last = DutchTime.Date(nowUtc).Year;
        var first = last - years + 1;
        var budget = NeighbourhoodBudget.Create(neighbourhood, $"Wijkbudget {neighbourhood.Name} {first}-{last}", first, last, by, nowUtc);
        var inYears = actions.Where(a => budget.Covers(DutchTime.Date(a.CreatedAtUtc).Year)).ToList();
        var rooms = inYears.GroupBy(a => (a.Organisation, Year: DutchTime.Date(a.CreatedAtUtc).Year))
            .ToDictionary(g => g.Key, g => decimal.Round(g.Sum(a => a.Cost) * 1.2m, 0) + 1_000m);
        foreach (var year in budget.Years)
        {
            var total = rooms.Where(r => r.Key.Year == year).Sum(r => r.Value);
            if (total > 0)
            {
                budget.AddContribution("Gemeente (Wmo)", null, total, new DateOnly(year, 1, 2), LawDomain.Wmo, by, nowUtc);
            }
        }

        db.Add(budget);
        var ledger = new List<LedgerEntry>();
        foreach (var ((organisation, year), room) in rooms)
        {
            ledger.Add(new LedgerEntry(budget.Id, organisation, year, EntryKind.Room, room, null, null, $"Ruimte {year}", by,
                DutchTime.ToUtc(new DateTime(year, 1, 3, 9, 0, 0))));
        }

        foreach (var action in inYears)
        {
            var year = DutchTime.Date(action.CreatedAtUtc).Year;
            var (organisation, cost, caseId) = (action.Organisation, action.Cost, action.Case);
            ledger.Add(new LedgerEntry(budget.Id, organisation, year, EntryKind.Commitment, cost, caseId, action.Action, null, by,
                action.CreatedAtUtc, action.LawDomain));
            if (action.DoneAtUtc is { } doneAt)
            {
                ledger.Add(new LedgerEntry(budget.Id, organisation, year, EntryKind.Release, cost, caseId, action.Action, "Geleverd", by,
                    doneAt, action.LawDomain));
                ledger.Add(new LedgerEntry(budget.Id, organisation, year, EntryKind.Realisation, decimal.Round(cost * (0.9m + (random.Next(21) / 100m)), 2),
                    caseId, action.Action, null, by, doneAt, action.LawDomain));
            }
        }

        db.AddRange(ledger);
    }

    /// <summary>
    /// The looks at a case over its life, as the audit log records them: the bringer creates the file, then he and the
    /// professionals at the table open the file, the plan and the table a few times a week while it runs (about ten
    /// looks for a short case, a few dozen for a long one), and the case shows up in their lists.
    /// </summary>
    private static void AddLooks(List<Look> looks, Case @case, Guid residentId, StaffMember bringer, List<StaffMember> local, DateTime from,
        DateTime until, Random random)
    {
        looks.Add(new Look(from, bringer.Id, residentId, @case.Id, AuditAction.Create, "dossier"));
        var others = @case.Members.Select(m => m.StaffMemberId).Where(id => id != bringer.Id).Distinct().ToList();
        var weeks = Math.Clamp((until - from).TotalDays / 7, 1, 12);
        var count = (int)(weeks * 2) + random.Next(6);
        for (var i = 0; i < count; i++)
        {
            var at = from.AddMinutes(random.NextDouble() * Math.Max(60, (until - from).TotalMinutes));
            var who = others.Count > 0 && random.Next(3) == 0 ? others[random.Next(others.Count)] : bringer.Id;
            var (action, part) = random.Next(6) switch
            {
                0 => (AuditAction.List, "casuslijst"),
                1 => (AuditAction.Read, "plan"),
                2 => (AuditAction.Read, "tafel"),
                _ => (AuditAction.Read, "dossier"),
            };
            looks.Add(new Look(at, local.Any(s => s.Id == who) ? who : bringer.Id, residentId, @case.Id, action, part));
        }
    }

    /// <summary>
    /// The looks in time order, as one hash chain, written a batch at a time. A list's look is a list event that names
    /// the case, with its row in the per-resident index, as the application writes and indexes it.
    /// </summary>
    private async Task<long> WriteAuditLogAsync(LookSpill looks, Dictionary<Guid, (string Name, string Organisation)> staff, CancellationToken ct)
    {
        long sequence = 0, rows = 0;
        var chain = Guid.CreateVersion7();
        var hash = AuditChain.StartHash(chain);
        foreach (var chunk in looks.InTimeOrder().Chunk(50_000))
        {
            await using var db = newContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            if (sequence == 0)
            {
                db.Add(new AuditChain(chain, "generator", chunk[0].AtUtc));
            }

            foreach (var look in chunk)
            {
                var (name, organisation) = staff[look.Staff];
                var list = look.Action == AuditAction.List;
                var audit = list
                    ? new AuditEvent(look.AtUtc, null, name, Roles.Professional, organisation, null, null, look.Action, look.Part, true, null, "10.0.0.0/24",
                        [new ShownCase(look.Resident, look.Case, null)])
                    : new AuditEvent(look.AtUtc, null, name, Roles.Professional, organisation, look.Resident, look.Case, look.Action, look.Part, true,
                        null, "10.0.0.0/24");
                audit.Chain(chain, ++sequence, hash);
                hash = audit.Hash;
                db.Add(audit);
                if (list)
                {
                    db.Add(new AuditShown(look.Resident, audit.AtUtc, audit.Id, look.Case, null));
                }
            }

            rows += await new BulkWriter(db).FlushAsync(ct);
        }

        if (sequence > 0)
        {
            await using var db = newContext();
            db.Add(new AuditIndexMark(chain, sequence));
            rows += await new BulkWriter(db).FlushAsync(ct);
        }

        return rows;
    }

    /// <summary>Older cases are mostly closed; recent ones are in every step.</summary>
    private static CaseStatus Target(int daysAgo, Random random) => daysAgo switch
    {
        > 180 => random.Next(20) == 0 ? CaseStatus.Evaluated : CaseStatus.Closed,
        > 60 => (CaseStatus)Math.Min((int)CaseStatus.Closed, 3 + random.Next(5)),
        > 14 => (CaseStatus)(1 + random.Next(5)),
        _ => (CaseStatus)random.Next(4),
    };

    private static PersonName Person(Random random) => new(Given[random.Next(Given.Length)], null, Family[random.Next(Family.Length)]);

    private static Actor Actor(StaffMember staff) => new(Guid.Empty, staff.Id, staff.Name.Display, null, staff.OrganisationId);
}

/// <summary>What the budget needs of a financed plan action (not the action itself: a million cases' actions stay small).</summary>
internal sealed record Financeable(Guid Case, Guid Action, Guid Organisation, decimal Cost, DateTime CreatedAtUtc, DateTime? DoneAtUtc,
    LawDomain? LawDomain);

/// <summary>One look at a case, before it becomes an audit event in the chain.</summary>
internal readonly record struct Look(DateTime AtUtc, Guid Staff, Guid Resident, Guid Case, AuditAction Action, string Part);

/// <summary>
/// The looks of every batch of cases, kept on disk so memory stays flat at a million cases (about twenty looks each):
/// each batch is written sorted by time as a run of its own, and <see cref="InTimeOrder"/> merges the runs.
/// </summary>
internal sealed class LookSpill : IDisposable
{
    private static readonly string[] Parts = ["dossier", "casuslijst", "plan", "tafel"];
    private readonly string folder = Directory.CreateTempSubdirectory("kt-bench-looks-").FullName;
    private int runs;

    /// <summary>Writes the batch's looks as a sorted run and empties the list.</summary>
    public void Write(List<Look> looks)
    {
        looks.Sort((a, b) => a.AtUtc.CompareTo(b.AtUtc));
        var path = Path.Combine(folder, $"{runs++}.run");
        using (var writer = new BinaryWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16)))
        {
            foreach (var look in looks)
            {
                writer.Write(look.AtUtc.Ticks);
                writer.Write(look.Staff.ToByteArray());
                writer.Write(look.Resident.ToByteArray());
                writer.Write(look.Case.ToByteArray());
                writer.Write((byte)look.Action);
                writer.Write((byte)Array.IndexOf(Parts, look.Part));
            }
        }

        looks.Clear();
    }

    /// <summary>Every look of every run, oldest first (on equal times, the earlier run first).</summary>
    public IEnumerable<Look> InTimeOrder()
    {
        var readers = Enumerable.Range(0, runs)
            .Select(r => new BinaryReader(new FileStream(Path.Combine(folder, $"{r}.run"), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16)))
            .ToList();
        try
        {
            var next = new PriorityQueue<(Look Look, int Run), (long, int)>();
            for (var r = 0; r < readers.Count; r++)
            {
                Enqueue(next, readers[r], r);
            }

            while (next.TryDequeue(out var item, out _))
            {
                yield return item.Look;
                Enqueue(next, readers[item.Run], item.Run);
            }
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static void Enqueue(PriorityQueue<(Look, int), (long, int)> queue, BinaryReader reader, int run)
    {
        if (reader.BaseStream.Position >= reader.BaseStream.Length)
        {
            return;
        }

        var at = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
        var look = new Look(at, new Guid(reader.ReadBytes(16)), new Guid(reader.ReadBytes(16)), new Guid(reader.ReadBytes(16)), (AuditAction)reader.ReadByte(),
            Parts[reader.ReadByte()]);
        queue.Enqueue((look, run), (at.Ticks, run));
    }
}
