using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Meetings;

public sealed record SuggestedProfessional(Guid StaffMemberId, string Name, string? JobTitle, Guid OrganisationId, string Organisation, LifeDomains Matches,
    string MatchesText);

/// <summary>
/// Who could come to the table: professionals working in the case's neighbourhood whose organisation helps with
/// the life domains of the resident's answers, best match first. The case bringer proposes; the resident decides.
/// </summary>
public sealed class Suggestions(KeukentafelDbContext db)
{
    public async Task<IReadOnlyList<SuggestedProfessional>> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var facts = await db.Cases.Where(c => c.Id == caseId).Select(c => new { c.NeighbourhoodId, c.LifeDomains }).SingleAsync(ct);
        var alreadyAtTable = await db.CaseMembers.Where(m => m.CaseId == caseId).Select(m => m.StaffMemberId).ToListAsync(ct);
        var candidates = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Function == StaffFunction.Professional && s.OrganisationId != null
                && s.WorkAreas.Any(w => w.NeighbourhoodId == facts.NeighbourhoodId))
            .Where(s => !alreadyAtTable.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.JobTitle, OrganisationId = s.OrganisationId!.Value, Organisation = s.Organisation!.Name, s.Organisation.Covers })
            .ToListAsync(ct);
        return [.. candidates
            .Select(c => new { c, Matches = facts.LifeDomains == LifeDomains.None ? LifeDomains.None : c.Covers & facts.LifeDomains })
            .Where(x => facts.LifeDomains == LifeDomains.None || x.Matches != LifeDomains.None)
            .OrderByDescending(x => x.Matches.Split().Count())
            .ThenBy(x => x.c.Organisation).ThenBy(x => x.c.Name.Family)
            .Select(x => new SuggestedProfessional(x.c.Id, x.c.Name.Display, x.c.JobTitle, x.c.OrganisationId, x.c.Organisation, x.Matches,
                x.Matches.Dutch()))];
    }
}
