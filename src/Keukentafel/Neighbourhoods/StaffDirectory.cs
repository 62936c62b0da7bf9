using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Neighbourhoods;

/// <summary>
/// The staff directory: municipalities, neighbourhoods, organisations and the people who work in
/// them. Read by the pages and the API alike. It never lists residents: they are reached only
/// through their case.
/// </summary>
public sealed class StaffDirectory(KeukentafelDbContext db)
{
    public async Task<IReadOnlyList<NeighbourhoodSummary>> NeighbourhoodsAsync(CancellationToken ct = default) =>
        await db.Neighbourhoods.AsNoTracking()
            .OrderBy(n => n.Municipality!.Name).ThenBy(n => n.Name)
            .Select(n => new NeighbourhoodSummary(
                n.Id, n.Name, n.Code, n.Inhabitants, n.MunicipalityId, n.Municipality!.Name,
                db.OrganisationNeighbourhoods.Count(o => o.NeighbourhoodId == n.Id),
                db.StaffNeighbourhoods.Count(s => s.NeighbourhoodId == n.Id)))
            .ToListAsync(ct);

    public async Task<NeighbourhoodDetail?> NeighbourhoodAsync(Guid id, CancellationToken ct = default)
    {
        var neighbourhood = await db.Neighbourhoods.AsNoTracking()
            .Where(n => n.Id == id)
            .Select(n => new
            {
                n.Id,
                n.Name,
                n.Code,
                n.Inhabitants,
                Municipality = n.Municipality!.Name,
                Coordinator = n.Coordinator == null ? null : new StaffSummary(n.Coordinator.Id, n.Coordinator.Name.Given, n.Coordinator.Name.Prefix,
                    n.Coordinator.Name.Family, n.Coordinator.Function, n.Coordinator.JobTitle, n.Coordinator.Email, n.Coordinator.Phone, null, null),
            })
            .SingleOrDefaultAsync(ct);
        if (neighbourhood is null)
        {
            return null;
        }

        var general = await OrganisationSummaries(db.Organisations.Where(o => o.Neighbourhoods.Any(w => w.NeighbourhoodId == id))).ToListAsync(ct);
        var here = await AmbassadorHere.Of(db).Where(a => a.NeighbourhoodId == id)
            .Join(db.StaffMembers, a => a.AmbassadorId, s => s.Id,
                (a, s) => new { a.OrganisationId, Ambassador = new PersonRef(s.Id, s.Name.Given, s.Name.Prefix, s.Name.Family) })
            .ToDictionaryAsync(a => a.OrganisationId, a => a.Ambassador, ct);
        var organisations = general.Select(o => o with { Ambassador = here.GetValueOrDefault(o.Id) }).ToList();
        var staff = await StaffSummaries(db.StaffMembers.Where(s => s.WorkAreas.Any(w => w.NeighbourhoodId == id))).ToListAsync(ct);
        return new NeighbourhoodDetail(neighbourhood.Id, neighbourhood.Name, neighbourhood.Code, neighbourhood.Inhabitants,
            neighbourhood.Municipality, neighbourhood.Coordinator, organisations, staff);
    }

    public async Task<IReadOnlyList<OrganisationSummary>> OrganisationsAsync(CancellationToken ct = default) =>
        await OrganisationSummaries(db.Organisations).ToListAsync(ct);

    public async Task<OrganisationDetail?> OrganisationAsync(Guid id, CancellationToken ct = default)
    {
        var organisation = await OrganisationSummaries(db.Organisations.Where(o => o.Id == id)).SingleOrDefaultAsync(ct);
        if (organisation is null)
        {
            return null;
        }

        var more = await db.Organisations.Where(o => o.Id == id).Select(o => new { o.Description, o.Offers }).SingleAsync(ct);
        var areas = await AmbassadorHere.Of(db).Where(a => a.OrganisationId == id)
            .Join(db.Neighbourhoods, a => a.NeighbourhoodId, n => n.Id, (a, n) => new { a.NeighbourhoodId, n.Name, a.AmbassadorId })
            .OrderBy(a => a.Name)
            .ToListAsync(ct);
        var ambassadorIds = areas.Select(a => a.AmbassadorId).OfType<Guid>().Distinct().ToList();
        var ambassadors = await db.StaffMembers.AsNoTracking().Where(s => ambassadorIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new PersonRef(s.Id, s.Name.Given, s.Name.Prefix, s.Name.Family), ct);
        var neighbourhoods = areas.Select(a => new OrganisationArea(a.NeighbourhoodId, a.Name,
            a.AmbassadorId is { } ambassador ? ambassadors.GetValueOrDefault(ambassador) : null)).ToList();
        var staff = await StaffSummaries(db.StaffMembers.Where(s => s.OrganisationId == id)).ToListAsync(ct);
        return new OrganisationDetail(organisation, more.Description, neighbourhoods, staff, more.Offers);
    }

    /// <summary>What a staff member's start page shows: who he is and where he works.</summary>
    public async Task<StaffStart?> StaffStartAsync(Guid staffMemberId, CancellationToken ct = default)
    {
        var me = await StaffSummaries(db.StaffMembers.Where(s => s.Id == staffMemberId)).SingleOrDefaultAsync(ct);
        if (me is null)
        {
            return null;
        }

        var neighbourhoods = await db.StaffNeighbourhoods.AsNoTracking()
            .Where(w => w.StaffMemberId == staffMemberId)
            .OrderBy(w => w.Neighbourhood!.Name)
            .Select(w => new NeighbourhoodRef(w.NeighbourhoodId, w.Neighbourhood!.Name))
            .ToListAsync(ct);
        return new StaffStart(me, neighbourhoods);
    }

    private static IQueryable<OrganisationSummary> OrganisationSummaries(IQueryable<Organisation> organisations) =>
        organisations.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new OrganisationSummary(
                o.Id, o.Name, o.Type,
                o.Ambassador == null ? null : new PersonRef(o.Ambassador.Id, o.Ambassador.Name.Given, o.Ambassador.Name.Prefix, o.Ambassador.Name.Family)));

    private static IQueryable<StaffSummary> StaffSummaries(IQueryable<StaffMember> staff) =>
        staff.AsNoTracking()
            .OrderBy(s => s.Name.Family).ThenBy(s => s.Name.Given).ThenBy(s => s.Id)
            .Select(s => new StaffSummary(
                s.Id, s.Name.Given, s.Name.Prefix, s.Name.Family, s.Function, s.JobTitle, s.Email, s.Phone,
                s.OrganisationId, s.Organisation == null ? null : s.Organisation.Name));
}

public sealed record NeighbourhoodRef(Guid Id, string Name);

/// <summary>A neighbourhood an organisation works in, with its ambassador there (its general ambassador when none was appointed there).</summary>
public sealed record OrganisationArea(Guid Id, string Name, PersonRef? Ambassador);

public sealed record PersonRef(Guid Id, string GivenName, string? FamilyNamePrefix, string FamilyName)
{
    public string DisplayName => new PersonName(GivenName, FamilyNamePrefix, FamilyName).Display;
}

public sealed record NeighbourhoodSummary(
    Guid Id, string Name, string Code, int? Inhabitants, Guid MunicipalityId, string Municipality, int OrganisationCount, int StaffCount);

public sealed record NeighbourhoodDetail(
    Guid Id, string Name, string Code, int? Inhabitants, string Municipality, StaffSummary? Coordinator,
    IReadOnlyList<OrganisationSummary> Organisations, IReadOnlyList<StaffSummary> Staff);

public sealed record OrganisationSummary(Guid Id, string Name, OrganisationType Type, PersonRef? Ambassador)
{
    public string TypeName => Type.Dutch();
}

public sealed record OrganisationDetail(
    OrganisationSummary Organisation, string? Description, IReadOnlyList<OrganisationArea> Neighbourhoods, IReadOnlyList<StaffSummary> Staff, Services Offers);

public sealed record StaffSummary(
    Guid Id, string GivenName, string? FamilyNamePrefix, string FamilyName, StaffFunction Function, string? JobTitle,
    string Email, string? Phone, Guid? OrganisationId, string? Organisation)
{
    public string DisplayName => new PersonName(GivenName, FamilyNamePrefix, FamilyName).Display;
    public string FunctionName => Function.Dutch();
}

public sealed record StaffStart(StaffSummary Me, IReadOnlyList<NeighbourhoodRef> Neighbourhoods);
