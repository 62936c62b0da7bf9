using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Cases;

/// <summary>A new case as a professional signals it: who the resident is and what he asks, in his words.</summary>
public sealed record SignalCase(
    Guid NeighbourhoodId, string GivenName, string? FamilyNamePrefix, string FamilyName, DateOnly DateOfBirth,
    string Street, string HouseNumber, string PostalCode, string Town, string Description, CaseSource Source, string? SourceDetail);

/// <summary>
/// The unit of work around one case, shared by pages and API: load it whole, check the version the user saw,
/// let the domain change it, save, and turn a lost race into the same "someone else changed it" refusal.
/// </summary>
public sealed class CaseWork(KeukentafelDbContext db, CaseNumbers numbers, CaseAccess access, TimeProvider time)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Core rule 1: a professional signals a case for a resident, new or known, and becomes its case bringer.
    /// Two signals at the same moment may reach for the same case number; the one that loses tries again.
    /// </summary>
    public async Task<Case> SignalAsync(SignalCase command, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SignalOnceAsync(command, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Case> SignalOnceAsync(SignalCase command, CancellationToken ct)
    {
        var actor = await access.ActorAsync(ct);
        var bringer = actor.StaffMemberId is { } staffId
            ? await db.StaffMembers.Include(s => s.WorkAreas).SingleOrDefaultAsync(s => s.Id == staffId, ct)
            : null;
        if (bringer is null)
        {
            throw new DomainException("case.not_staff", "Alleen een professional kan een casus aanbrengen.");
        }

        var neighbourhood = await db.Neighbourhoods.SingleOrDefaultAsync(n => n.Id == command.NeighbourhoodId, ct)
            ?? throw DomainException.About("NeighbourhoodId", "case.neighbourhood_unknown", "Kies de wijk waar de bewoner woont.");
        var name = new PersonName(command.GivenName, command.FamilyNamePrefix, command.FamilyName);
        var address = new Address(command.Street, command.HouseNumber, command.PostalCode, command.Town);
        var now = Now;

        // A known resident is found only by exactly who he is (name, birth date, postcode, neighbourhood):
        // nobody can browse residents here, and he tells his story once, not six times.
        var resident = await db.Residents.FirstOrDefaultAsync(r =>
            r.NeighbourhoodId == neighbourhood.Id && r.DateOfBirth == command.DateOfBirth && r.Address.PostalCode == address.PostalCode
            && r.Name.Family == name.Family && r.Name.Given == name.Given, ct);
        if (resident is null)
        {
            resident = new Resident(name, command.DateOfBirth, neighbourhood, address, now);
            db.Residents.Add(resident);
        }

        var number = await numbers.NextAsync(DutchTime.Date(now).Year, ct);
        var @case = Case.Signal(number, resident, bringer, command.Description, command.Source, command.SourceDetail, actor, now);
        db.Cases.Add(@case);
        await db.SaveChangesAsync(ct);
        await access.LogAsync(@case.Id, resident.Id, AuditAction.Create, "casus", ct);
        return @case;
    }

    /// <summary>Applies one change by the person the access check let in, on the version he saw.</summary>
    public async Task<Case> ChangeAsync(CaseAccessDecision decision, int expectedVersion, Func<Case, Actor, DateTime, Task> change, CancellationToken ct)
    {
        var @case = await LoadAsync(decision.CaseId, ct);
        @case.CheckVersion(expectedVersion);
        await change(@case, decision.Actor, Now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException lost)
        {
            // Someone saved between our read and our write: the case's version check caught it, or the history's unique
            // (case, version) index did, when his event was written first. Either way he changed the case: a stale save.
            db.ChangeTracker.Clear();
            var current = await db.Cases.AsNoTracking().Where(c => c.Id == @case.Id).Select(c => c.Version).SingleAsync(ct);
            if (current == expectedVersion && lost is not DbUpdateConcurrencyException)
            {
                throw;
            }

            throw new StaleCaseException(@case.Id, expectedVersion, current);
        }

        return @case;
    }

    public Task<Case> ChangeAsync(CaseAccessDecision decision, int expectedVersion, Action<Case, Actor, DateTime> change, CancellationToken ct) =>
        ChangeAsync(decision, expectedVersion, (c, a, n) =>
        {
            change(c, a, n);
            return Task.CompletedTask;
        }, ct);

    public async Task<StaffMember> StaffMemberAsync(Guid id, CancellationToken ct, string field = "StaffMemberId") =>
        await db.StaffMembers.Include(s => s.WorkAreas).Include(s => s.Organisation).SingleOrDefaultAsync(s => s.Id == id, ct)
        ?? throw DomainException.About(field, "staff.unknown", "Deze medewerker bestaat niet.");

    /// <summary>The resident of a case, tracked, to rectify his details in the same unit of work as the case.</summary>
    public Task<Resident> ResidentAsync(Guid residentId, CancellationToken ct) => db.Residents.SingleAsync(r => r.Id == residentId, ct);

    public async Task<Organisation?> OrganisationAsync(Guid? id, CancellationToken ct) =>
        id is null ? null : await db.Organisations.Include(o => o.Neighbourhoods).SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw DomainException.About("OrganisationId", "organisation.unknown", "Deze organisatie bestaat niet.");

    public async Task<Learning.CollectiveInitiative?> InitiativeAsync(Guid? id, CancellationToken ct) =>
        id is null ? null : await db.CollectiveInitiatives.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw DomainException.About("InitiativeId", "initiative.unknown", "Dit collectieve initiatief bestaat niet.");

    /// <summary>How the case's neighbourhood measures effects.</summary>
    public Task<Effects.EffectSettings> EffectSettingsAsync(Guid neighbourhoodId, CancellationToken ct) =>
        Effects.EffectSettingsQueries.EffectSettingsAsync(db, neighbourhoodId, ct);

    public async Task<string> ResidentNameAsync(Case @case, CancellationToken ct) =>
        (await db.Residents.Where(r => r.Id == @case.ResidentId).Select(r => r.Name).SingleAsync(ct)).Display;

    /// <summary>The changes after a given version: what the other person did, for a refused stale save.</summary>
    public async Task<IReadOnlyList<CaseEvent>> ChangesSinceAsync(Guid caseId, int version, CancellationToken ct) =>
        await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId && e.Version > version).OrderBy(e => e.Version).ToListAsync(ct);

    /// <summary>The case, tracked, for a change saved together with other rows (e.g. the budget's ledger); the caller saves.</summary>
    public Task<Case> TrackedAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    private async Task<Case> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Cases
            .Include(c => c.Members)
            .Include(c => c.Answers)
            .Include(c => c.Network)
            .Include(c => c.Meetings).ThenInclude(m => m.Participants)
            .Include(c => c.Actions)
            .Include(c => c.Deviations)
            .Include(c => c.Consents)
            .Include(c => c.Measurements)
            .Include(c => c.Analyses.Where(a => a.ReplacedAtUtc == null)).ThenInclude(a => a.Lines) // the version that counts
            .AsSplitQuery()
            .SingleAsync(c => c.Id == id, ct);
}
