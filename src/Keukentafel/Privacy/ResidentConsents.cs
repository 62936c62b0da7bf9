using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Residents;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Privacy;

/// <summary>One of the resident's cases with what he agreed to.</summary>
public sealed record MyCaseConsents(Guid CaseId, string Number, int Version, bool Open, IReadOnlyList<ConsentView> Consents);

/// <summary>
/// The resident's say over who shares his file, shared by his page (<see cref="MyConsentsPage"/>) and the API: what he agreed
/// to, per case, and his withdrawal, which counts from the next request on. Only his own cases, from whose pages these are.
/// </summary>
public sealed class ResidentConsents(KeukentafelDbContext db, CaseWork work, CaseAccess access, TimeProvider time)
{
    public const string Part = "toestemming";

    /// <summary>His cases, newest first, each with its consents (the ones that hold first); logged as a look at his file.</summary>
    public async Task<IReadOnlyList<MyCaseConsents>> OfAsync(Guid resident, CancellationToken ct)
    {
        await access.LogAsync(null, resident, AuditAction.Read, Part, ct);
        var today = DutchTime.Today(time);
        var cases = await db.Cases.AsNoTracking().Include(c => c.Consents)
            .Where(c => c.ResidentId == resident)
            .OrderByDescending(c => c.SignalledAtUtc)
            .ToListAsync(ct);
        return [.. cases.Select(c => new MyCaseConsents(c.Id, c.Number, c.Version, c.IsOpen,
            [.. c.Consents.OrderByDescending(k => k.IsActive(today)).ThenByDescending(k => k.GivenAtUtc).Select(k => CaseFiles.ConsentView(k, today))]))];
    }

    /// <summary>
    /// He (or someone looking along, named so) withdraws a consent on one of his cases. Another's case is refused as not
    /// found, and logged. His withdrawal does not depend on what the team changed meanwhile: it applies to the case as it is now.
    /// </summary>
    public async Task<(Case Case, ConsentView Consent)> WithdrawAsync(PagesOf whose, Guid caseId, Guid consentId, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId && c.ResidentId == whose.ResidentId, ct))
        {
            await access.LogRefusalAsync(caseId, AuditAction.Change, Part, ct);
            throw new NotYoursException();
        }

        var actor = await access.ActorAsync(ct);
        actor = whose.ByTrustedPerson ? actor with { Organisation = MyTablePage.TrustedPersonLabel } : actor;
        var current = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync(ct);
        Consent? withdrawn = null;
        var @case = await work.ChangeAsync(new CaseAccessDecision(true, caseId, whose.ResidentId, actor, null, false), current,
            (c, by, now) => withdrawn = c.WithdrawConsent(consentId,
                whose.ByTrustedPerson ? "Ingetrokken door iemand die met de bewoner meekijkt." : "Door de bewoner zelf ingetrokken.", by, now), ct);
        await access.LogAsync(caseId, whose.ResidentId, AuditAction.Change, Part, ct);
        return (@case, CaseFiles.ConsentView(withdrawn!, DutchTime.Today(time)));
    }
}
