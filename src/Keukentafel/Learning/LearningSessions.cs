using Keukentafel.Accounts;
using Keukentafel.Budget;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Learning;

/// <summary>A session as the API and pages show it, with its proposed agenda for the viewer.</summary>
public sealed record SessionView(Guid Id, Guid NeighbourhoodId, string Neighbourhood, DateOnly Date, SessionLevel Level, string LevelText,
    IReadOnlyList<string> Participants, string? Minutes, string? MinutesChangedBy, DateTime? MinutesChangedAtUtc, int Version, Agenda Agenda);

public sealed record SessionListItem(Guid Id, DateOnly Date, SessionLevel Level, string LevelText, int Participants, bool HasMinutes);

/// <summary>A neighbourhood the user works in, and whether he coordinates it (then he plans its sessions).</summary>
public sealed record LearningNeighbourhood(Guid Id, string Name, bool Coordinates);

/// <summary>
/// Learning sessions of a neighbourhood: the coordinator plans them and keeps the minutes; everyone who works in the
/// neighbourhood sees them, each with the agenda he may see. Someone from elsewhere gets "not found", logged.
/// </summary>
public sealed class LearningSessions(KeukentafelDbContext db, Agendas agendas, CaseAccess access, TimeProvider time)
{
    public async Task<LearningSession> PlanAsync(HttpContext http, Guid neighbourhoodId, DateOnly? date, SessionLevel level,
        IReadOnlyList<(Guid? StaffMemberId, string Name)> participants, CancellationToken ct)
    {
        await RequireCoordinatorAsync(http, neighbourhoodId, ct);
        if (date is null)
        {
            throw DomainException.About("Date", "learning.date_required", "Kies de datum van de leersessie.");
        }

        var staffIds = participants.Select(p => p.StaffMemberId).OfType<Guid>().Distinct().ToList();
        var known = await db.StaffNeighbourhoods.CountAsync(w => w.NeighbourhoodId == neighbourhoodId && staffIds.Contains(w.StaffMemberId), ct);
        if (known != staffIds.Count)
        {
            throw DomainException.About("Participants", "learning.participant_elsewhere", "Een van de deelnemers werkt niet in deze wijk.");
        }

        var today = DutchTime.Today(time);
        var session = LearningSession.Plan(neighbourhoodId, date.Value, level, participants, await EarliestAsync(neighbourhoodId, today, ct), today,
            await access.ActorAsync(http.User, ct), time.GetUtcNow().UtcDateTime);
        db.LearningSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    public async Task<IReadOnlyList<LearningNeighbourhood>> NeighbourhoodsAsync(HttpContext http, CancellationToken ct)
    {
        var staffId = http.User.StaffId();
        var coordinator = http.User.IsInRole(Roles.Coordinator);
        return await db.StaffNeighbourhoods.AsNoTracking().Where(w => w.StaffMemberId == staffId)
            .Join(db.Neighbourhoods, w => w.NeighbourhoodId, n => n.Id, (w, n) => n)
            .OrderBy(n => n.Name)
            .Select(n => new LearningNeighbourhood(n.Id, n.Name, coordinator && n.CoordinatorId == staffId))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<SessionListItem>> ListAsync(HttpContext http, Guid neighbourhoodId, CancellationToken ct)
    {
        await RequireWorksInAsync(http, neighbourhoodId, ct);
        return [.. (await db.LearningSessions.AsNoTracking().Where(s => s.NeighbourhoodId == neighbourhoodId).OrderByDescending(s => s.Date).ToListAsync(ct))
            .Select(s => new SessionListItem(s.Id, s.Date, s.Level, s.Level.Dutch(), s.Participants.Count, s.Minutes is not null))];
    }

    public async Task<SessionView?> GetAsync(HttpContext http, Guid sessionId, CancellationToken ct)
    {
        var session = await db.LearningSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return null;
        }

        await RequireWorksInAsync(http, session.NeighbourhoodId, ct);
        var name = await db.Neighbourhoods.Where(n => n.Id == session.NeighbourhoodId).Select(n => n.Name).SingleAsync(ct);
        return new SessionView(session.Id, session.NeighbourhoodId, name, session.Date, session.Level, session.Level.Dutch(),
            [.. session.Participants.Select(p => p.Name).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))],
            session.Minutes, session.MinutesChangedByName, session.MinutesChangedAtUtc, session.Version, await agendas.ProposeAsync(http, session, ct));
    }

    public async Task<int> RecordMinutesAsync(HttpContext http, Guid sessionId, int version, string? minutes, CancellationToken ct)
    {
        var session = await db.LearningSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct) ?? throw new NotYoursException();
        await RequireCoordinatorAsync(http, session.NeighbourhoodId, ct);
        session.RecordMinutes(minutes, version, await access.ActorAsync(http.User, ct), time.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("learning.changed", "Iemand anders heeft het verslag net gewijzigd. Laad de pagina opnieuw en voeg uw tekst daarna toe.");
        }

        return session.Version;
    }

    /// <summary>A year before the neighbourhood's first case (the approach's start), or before today when there is none yet.</summary>
    private async Task<DateOnly> EarliestAsync(Guid neighbourhoodId, DateOnly today, CancellationToken ct)
    {
        var first = await db.Cases.Where(c => c.NeighbourhoodId == neighbourhoodId).OrderBy(c => c.SignalledAtUtc).Select(c => (DateTime?)c.SignalledAtUtc).FirstOrDefaultAsync(ct);
        var start = first is { } signalled ? DutchTime.Date(signalled) : today;
        return (start < today ? start : today).AddYears(-1);
    }

    private async Task RequireWorksInAsync(HttpContext http, Guid neighbourhoodId, CancellationToken ct)
    {
        var staffId = http.User.StaffId();
        if (!await db.StaffNeighbourhoods.AnyAsync(w => w.StaffMemberId == staffId && w.NeighbourhoodId == neighbourhoodId, ct))
        {
            await access.LogAsync(http, null, null, AuditAction.Read, "leersessie van een andere wijk", ct, allowed: false);
            throw new NotYoursException();
        }
    }

    private async Task RequireCoordinatorAsync(HttpContext http, Guid neighbourhoodId, CancellationToken ct)
    {
        var staffId = http.User.StaffId();
        if (!http.User.IsInRole(Roles.Coordinator) || !await db.Neighbourhoods.AnyAsync(n => n.Id == neighbourhoodId && n.CoordinatorId == staffId, ct))
        {
            await access.LogAsync(http, null, null, AuditAction.Change, "leersessie van een andere wijk", ct, allowed: false);
            throw new NotYoursException();
        }
    }
}
