using System.Security.Claims;
using Keukentafel.Accounts;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Web;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Privacy;

/// <summary>How much of a case someone needs.</summary>
public enum CaseAccessLevel
{
    /// <summary>Read the file.</summary>
    Read,

    /// <summary>Work on it: answers, the table, the plan (everyone on the case).</summary>
    Work,

    /// <summary>Steer it: hand over, close, reopen (the case bringer, and the neighbourhood's coordinator).</summary>
    Lead,
}

/// <summary>
/// The outcome of an access check; when allowed, who acts, for the history. <see cref="NeedsReason"/>: the
/// neighbourhood's coordinator may open the file, but only after recording why.
/// </summary>
/// <param name="LeadOnly">Refused only because the step is the case bringer's: the caller sits at the table and may read the file.</param>
public sealed record CaseAccessDecision(bool Allowed, Guid CaseId, Guid? ResidentId, Actor Actor, CaseRole? Role, bool IsCoordinator, bool NeedsReason = false,
    bool LeadOnly = false);

/// <summary>
/// The one place that decides whether someone may touch a case's data, and that writes the audit event for
/// every decision, allowed or refused (NEN 7513). Pages and API endpoints never decide this themselves: the
/// filters in <see cref="CaseAccessFilters"/> call this for every route with a case id, before the handler runs.
/// Who may: the case bringer, and the professionals the resident let in (core rule 3, seed 002) while their
/// organisation holds his consent (<see cref="Consent"/>); the coordinator of the neighbourhood only with a recorded
/// reason (<see cref="BreakGlass"/>). Nobody else, whatever his role.
/// </summary>
public sealed class CaseAccess(CurrentUser asking, KeukentafelDbContext db, AuditLog log, TimeProvider time, IConfiguration configuration)
{
    public async Task<CaseAccessDecision> CheckAsync(Guid caseId, CaseAccessLevel level, AuditAction action, string part, CancellationToken ct)
    {
        var staffId = asking.StaffId;
        var now = time.GetUtcNow().UtcDateTime;
        var active = Consent.ActiveOn(DutchTime.Date(now));
        var held = BreakGlass.HeldBy(staffId, now);
        var facts = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new
            {
                c.ResidentId,
                Role = db.CaseMembers.Where(m => m.CaseId == c.Id && m.StaffMemberId == staffId).Select(m => (CaseRole?)m.Role).FirstOrDefault(),
                // The resident's consent for the professional's organisation (staff of no organisation need none).
                Consented = db.StaffMembers.Any(s => s.Id == staffId && (s.OrganisationId == null
                    || db.Consents.Where(active).Any(k => k.CaseId == c.Id && k.OrganisationId == s.OrganisationId))),
                IsCoordinator = db.Neighbourhoods.Any(n => n.Id == c.NeighbourhoodId && n.CoordinatorId == staffId),
                Reason = db.BreakGlasses.Where(held).Where(b => b.CaseId == c.Id)
                    .OrderByDescending(b => b.AtUtc).Select(b => b.Reason).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);

        var actor = await ActorAsync(ct);
        var professional = asking.WorksWithCases;
        var onCase = facts is not null && staffId is not null && professional;
        var asMember = onCase && (facts!.Role == CaseRole.Bringer || (level != CaseAccessLevel.Lead && facts.Role == CaseRole.Participant && facts.Consented));
        var asCoordinator = onCase && !asMember && facts!.IsCoordinator && facts.Reason is not null;
        var needsReason = onCase && !asMember && facts!.IsCoordinator && facts.Reason is null;
        var allowed = asMember || asCoordinator;

        await log.AppendAsync(Audit(actor, facts?.ResidentId, facts is null ? null : caseId, action, part, allowed, asCoordinator ? facts!.Reason : null), ct);
        var leadOnly = onCase && !allowed && !needsReason && level == CaseAccessLevel.Lead && facts!.Role == CaseRole.Participant && facts.Consented;
        return new CaseAccessDecision(allowed, caseId, facts?.ResidentId, actor, facts?.Role, facts?.IsCoordinator ?? false, needsReason, leadOnly);
    }

    /// <summary>
    /// The coordinator records why he opens a file he does not work on. Only the coordinator of the case's own
    /// neighbourhood can; the reason is kept, logged, and shown to the resident.
    /// </summary>
    public async Task BreakGlassAsync(Guid caseId, string reason, CancellationToken ct)
    {
        var staffId = asking.StaffId;
        var facts = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.ResidentId, IsCoordinator = db.Neighbourhoods.Any(n => n.Id == c.NeighbourhoodId && n.CoordinatorId == staffId) })
            .SingleOrDefaultAsync(ct);
        var actor = await ActorAsync(ct);
        if (facts is not { IsCoordinator: true } || staffId is null)
        {
            await log.AppendAsync(Audit(actor, facts?.ResidentId, facts is null ? null : caseId, AuditAction.Read, "reden voor inzage", false, reason), ct);
            throw new NotYoursException("access.not_coordinator", "Alleen de wijkcoördinator van deze wijk kan een dossier openen met een reden.");
        }

        var hours = configuration.GetValue("Privacy:BreakGlassHours", 8);
        var glass = new BreakGlass(caseId, staffId.Value, reason, time.GetUtcNow().UtcDateTime, TimeSpan.FromHours(hours));
        db.BreakGlasses.Add(glass);
        await db.SaveChangesAsync(ct);
        await log.AppendAsync(Audit(actor, facts.ResidentId, caseId, AuditAction.Read, "reden voor inzage", true, glass.Reason), ct);
    }

    /// <summary>Logs access decided elsewhere: a list of cases shown, a new case created, a deviation backed or refused.</summary>
    public async Task LogAsync(Guid? caseId, Guid? residentId, AuditAction action, string part, CancellationToken ct, bool allowed = true,
        string? reason = null)
    {
        await log.AppendAsync(Audit(await ActorAsync(ct), residentId, caseId, action, part, allowed, reason), ct);
    }

    /// <summary>
    /// A list that shows something of several residents (a name, a deviation's reasons): one event for the whole list
    /// that names every case and resident shown, so each of them finds the look in "who looked at my file" (through the
    /// per-resident index, <see cref="AuditShown"/>). An empty list is an event without names.
    /// </summary>
    public async Task LogListAsync(IReadOnlyList<(Guid CaseId, Guid ResidentId)> shown, string part, string summary, CancellationToken ct,
        IReadOnlyDictionary<Guid, string>? reasons = null)
    {
        var actor = await ActorAsync(ct);
        if (shown.Count == 0)
        {
            await log.AppendAsync(Audit(actor, null, null, AuditAction.List, summary, true, null), ct);
            return;
        }

        await log.AppendAsync(Audit(actor, null, null, AuditAction.List, part, true, null,
            [.. shown.Distinct().Select(x => new ShownCase(x.ResidentId, x.CaseId, reasons?.GetValueOrDefault(x.CaseId)))]), ct);
    }

    /// <summary>A request refused before the case access check (by a policy): logged against the case, and its resident.</summary>
    public async Task LogRefusalAsync(Guid caseId, AuditAction action, string part, CancellationToken ct)
    {
        var residentId = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => (Guid?)c.ResidentId).SingleOrDefaultAsync(ct);
        if (residentId is null && !asking.IsSignedIn)
        {
            // Someone signed out trying ids that are no case: nothing of a resident was at stake, and logging each
            // guess would let anyone fill the permanent log.
            return;
        }

        var actor = asking.IsSignedIn ? await ActorAsync(ct) : new Actor(Guid.Empty, null, "niet ingelogd", null);
        await log.AppendAsync(Audit(actor, residentId, residentId is null ? null : caseId, action, part, false, null), ct);
    }

    /// <summary>Who is asking, as the case history and the audit log name him: his name and his organisation.</summary>
    public async Task<Actor> ActorAsync(CancellationToken ct)
    {
        var staffId = asking.StaffId;
        var organisation = staffId is null
            ? null
            : await db.StaffMembers.Where(s => s.Id == staffId && s.Organisation != null).Select(s => new { s.Organisation!.Id, s.Organisation.Name })
                .SingleOrDefaultAsync(ct);
        return new Actor(asking.AccountId ?? Guid.Empty, staffId, asking.DisplayName ?? "onbekend", organisation?.Name, organisation?.Id);
    }

    private AuditEvent Audit(Actor actor, Guid? residentId, Guid? caseId, AuditAction action, string part, bool allowed, string? reason,
        IReadOnlyList<ShownCase>? shown = null) =>
        new(time.GetUtcNow().UtcDateTime, actor.AccountId == Guid.Empty ? null : actor.AccountId, actor.Name,
            asking.Roles, actor.Organisation, residentId, caseId, action, part, allowed, reason, asking.ClientAddress, shown);
}
