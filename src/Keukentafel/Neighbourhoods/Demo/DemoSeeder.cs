using Keukentafel.Accounts;
using Keukentafel.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Neighbourhoods.Demo;

/// <summary>
/// Puts the demo neighbourhood in the database. Idempotent: whatever already exists (matched on
/// its natural key: codes, names, e-mail addresses) is left as it is and only what is missing is
/// added, so a second run changes nothing. Only in Development and Testing: a shared password published in the
/// README has no place on an acceptance or production server.
/// </summary>
public sealed partial class DemoSeeder(
    KeukentafelDbContext db,
    Cases.CaseNumbers numbers,
    AccountAdministration accounts,
    IPasswordHasher<Account> hasher,
    ILookupNormalizer normalizer,
    IHostEnvironment environment,
    TimeProvider time,
    Effects.CostCatalogues catalogues,
    ILogger<DemoSeeder> logger)
{
    private static readonly DateTime DemoStartUtc = new(2016, 5, 23, 8, 0, 0, DateTimeKind.Utc);

    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct = default)
    {
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new DomainException("demo.not_development",
                "De demowijk wordt alleen op een ontwikkel- of testomgeving aangemaakt, nooit op acceptatie of productie.");
        }

        await accounts.EnsureRolesAsync(ct);
        var demo = DemoNeighbourhood.Build();
        var now = time.GetUtcNow().UtcDateTime;
        var added = 0;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Code == DemoNeighbourhood.MunicipalityCode, ct);
        if (municipality is null)
        {
            municipality = new Municipality("Gemeente Heerdonk", DemoNeighbourhood.MunicipalityCode);
            db.Municipalities.Add(municipality);
            added++;
        }

        var neighbourhoods = await db.Neighbourhoods.Where(n => n.MunicipalityId == municipality.Id).ToDictionaryAsync(n => n.Code, ct);
        foreach (var (code, name, inhabitants) in DemoNeighbourhood.Neighbourhoods.Where(n => !neighbourhoods.ContainsKey(n.Code)))
        {
            var neighbourhood = new Neighbourhood(municipality, name, code, inhabitants);
            // The demo's history (cases and effect data) goes back about two years; the approach started before it.
            neighbourhood.StartOn(Cases.DutchTime.Date(now).AddYears(-3), Cases.DutchTime.Date(now));
            neighbourhoods[code] = db.Neighbourhoods.Add(neighbourhood).Entity;
            added++;
        }

        var names = demo.Organisations.Select(o => o.Name).ToList();
        var organisations = await db.Organisations.Include(o => o.Neighbourhoods).Where(o => names.Contains(o.Name)).ToDictionaryAsync(o => o.Name, ct);
        var byKey = new Dictionary<string, Organisation>();
        foreach (var o in demo.Organisations)
        {
            if (!organisations.TryGetValue(o.Name, out var organisation))
            {
                organisation = db.Organisations.Add(new Organisation(o.Name, o.Type, o.Description)).Entity;
                organisation.Cover(o.Type.TypicalDomains());
                organisation.Offer(o.Type.TypicalServices());
                added++;
            }

            foreach (var code in o.Neighbourhoods.Where(c => !organisation.WorksIn(neighbourhoods[c].Id)))
            {
                organisation.StartWorkingIn(neighbourhoods[code]);
                added++;
            }

            byKey[o.Key] = organisation;
        }

        var emails = demo.Staff.Select(s => s.Email).ToList();
        var staff = await db.StaffMembers.Include(s => s.WorkAreas).Where(s => emails.Contains(s.Email)).ToDictionaryAsync(s => s.Email, ct);
        foreach (var s in demo.Staff)
        {
            if (!staff.TryGetValue(s.Email, out var member))
            {
                var organisation = s.OrganisationKey.Length == 0 ? null : byKey[s.OrganisationKey];
                member = db.StaffMembers.Add(new StaffMember(new PersonName(s.Given, s.Prefix, s.Family), s.Function, organisation, s.Email, s.JobTitle))
                    .Entity;
                staff[s.Email] = member;
                added++;
            }

            foreach (var code in s.Neighbourhoods.Where(c => !member.WorksIn(neighbourhoods[c].Id)))
            {
                member.StartWorkingIn(neighbourhoods[code]);
                added++;
            }
        }

        // Organisations and their staff refer to each other (the ambassador), so they are stored before the appointments.
        await db.SaveChangesAsync(ct);
        foreach (var s in demo.Staff)
        {
            var member = staff[s.Email];
            if (s.IsAmbassador && byKey[s.OrganisationKey].AmbassadorId is null)
            {
                byKey[s.OrganisationKey].AppointAmbassador(member);
                added++;
            }

            if (s.Function == StaffFunction.Coordinator && neighbourhoods[s.Neighbourhoods[0]] is { CoordinatorId: null } area)
            {
                area.AppointCoordinator(member);
                added++;
            }
        }

        added += await AddResidentsAsync(demo, neighbourhoods, ct);
        await db.SaveChangesAsync(ct);
        added += await AddAccountsAsync(demo, staff, now, ct);
        await db.SaveChangesAsync(ct);
        added += await new DemoCases(db, numbers).AddAsync([.. neighbourhoods.Values], now, ct);
        await db.SaveChangesAsync(ct);
        // The effect report's demo: closed cases of the last two years in the first neighbourhood, generated by the documented
        // rules of EffectDataGenerator with the figures of Ruwaard, so the report computes a table like the seeds' one.
        var first = neighbourhoods.Values.OrderBy(n => n.Code, StringComparer.Ordinal).First();
        if (!await db.MicroAnalyses.AnyAsync(a => db.Cases.Any(c => c.Id == a.CaseId && c.NeighbourhoodId == first.Id), ct))
        {
            added += await new Effects.EffectDataGenerator(db, numbers, catalogues, new Effects.Prices(db, catalogues, time))
                .AddAsync(first.Id, new Effects.EffectParameters(), now, ct);
            await db.SaveChangesAsync(ct);
        }

        // The shared budget of that neighbourhood, with the demo's plan actions financed from it.
        added += await new Budget.DemoBudget(db).AddAsync(first, now, ct);
        await db.SaveChangesAsync(ct);

        // A year of learning sessions and lessons, and the community centre with its measures.
        added += await new Learning.DemoLearning(db).AddAsync(first, now, ct);
        await db.SaveChangesAsync(ct);

        await transaction.CommitAsync(ct);

        var result = new DemoSeedResult(added);
        LogSeeded(logger, added);
        if (environment.IsDevelopment())
        {
            foreach (var (role, email) in DemoNeighbourhood.HighlightedAccounts)
            {
                LogDemoAccount(logger, role, email, DemoNeighbourhood.Password);
            }
        }

        return result;
    }

    private async Task<int> AddResidentsAsync(DemoData demo, Dictionary<string, Neighbourhood> neighbourhoods, CancellationToken ct)
    {
        var ids = neighbourhoods.Values.Select(n => n.Id).ToList();
        var existing = (await db.Residents.AsNoTracking()
                .Where(r => ids.Contains(r.NeighbourhoodId))
                .Select(r => new { r.Name.Given, r.Name.Prefix, r.Name.Family, r.DateOfBirth })
                .ToListAsync(ct))
            .Select(r => (r.Given, r.Prefix, r.Family, r.DateOfBirth))
            .ToHashSet();
        var added = 0;
        foreach (var r in demo.Residents.Where(r => !existing.Contains((r.Given, r.Prefix, r.Family, r.DateOfBirth))))
        {
            db.Residents.Add(new Resident(
                new PersonName(r.Given, r.Prefix, r.Family), r.DateOfBirth, neighbourhoods[r.NeighbourhoodCode],
                new Address(r.Street, r.HouseNumber, r.PostalCode, "Heerdonk"), DemoStartUtc));
            added++;
        }

        return added;
    }

    private async Task<int> AddAccountsAsync(DemoData demo, Dictionary<string, StaffMember> staff, DateTime now, CancellationToken ct)
    {
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var wanted = demo.Staff
            .Select(s => (s.Email, Name: staff[s.Email].Name.Display, Role: RoleOf(s.Function), StaffId: (Guid?)staff[s.Email].Id, ResidentId: (Guid?)null))
            .ToList();
        wanted.Add((DemoNeighbourhood.AdministratorEmail, "Beheerder Keukentafel", Roles.Administrator, null, null));
        var firstResident = demo.Residents[0];
        var residentNeighbourhood = (await db.Neighbourhoods.SingleAsync(n => n.Code == firstResident.NeighbourhoodCode, ct)).Id;
        var resident = await db.Residents.AsNoTracking()
            .Where(r => r.NeighbourhoodId == residentNeighbourhood && r.Name.Given == firstResident.Given && r.Name.Prefix == firstResident.Prefix
                        && r.Name.Family == firstResident.Family && r.DateOfBirth == firstResident.DateOfBirth)
            .Select(r => new { r.Id })
            .FirstAsync(ct);
        wanted.Add((DemoNeighbourhood.ResidentEmail, new PersonName(firstResident.Given, firstResident.Prefix, firstResident.Family).Display, Roles.Resident,
            null, resident.Id));

        var normalized = wanted.Select(w => normalizer.NormalizeEmail(w.Email)).ToList();
        var existing = (await db.Users.Where(u => normalized.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail!).ToListAsync(ct)).ToHashSet();
        string? demoHash = null;
        var added = 0;
        foreach (var w in wanted.Where(w => !existing.Contains(normalizer.NormalizeEmail(w.Email))))
        {
            var account = new Account(w.Email, w.Name, now);
            account.NormalizedEmail = normalizer.NormalizeEmail(account.Email);
            account.NormalizedUserName = normalizer.NormalizeName(account.UserName);
            account.EmailConfirmed = true;
            // Demo accounts share one password, so the (deliberately slow) hash is computed once.
            account.PasswordHash = demoHash ??= hasher.HashPassword(account, DemoNeighbourhood.Password);
            if (w.StaffId is { } staffId)
            {
                account.LinkToStaffMember(staffId);
            }

            if (w.ResidentId is { } residentId)
            {
                account.LinkToResident(residentId);
            }

            db.Users.Add(account);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = account.Id, RoleId = roleIds[w.Role] });
            added++;
        }

        return added;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo neighbourhood seeded: {Added} records added")]
    private static partial void LogSeeded(ILogger logger, int added);

    // Demo accounts are synthetic and printed only in Development: that is what a newcomer needs on his own machine.
    [LoggerMessage(Level = LogLevel.Information, Message = "Demo account ({Role}): {Email} / {Password}")]
    private static partial void LogDemoAccount(ILogger logger, string role, string email, string password);

    private static string RoleOf(StaffFunction function) => function switch
    {
        StaffFunction.Professional => Roles.Professional,
        StaffFunction.Coordinator => Roles.Coordinator,
        StaffFunction.Manager => Roles.Manager,
        StaffFunction.Aanjager => Roles.Aanjager,
        _ => Roles.Director,
    };
}

public sealed record DemoSeedResult(int RecordsAdded);
