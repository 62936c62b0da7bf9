using Keukentafel.Accounts;
using Keukentafel.Budget;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Learning;

/// <summary>A session as the API and pages show it, with its proposed agenda for the viewer, its lessons and those still open from before.</summary>
public sealed record SessionView(Guid Id, Guid NeighbourhoodId, string Neighbourhood, DateOnly Date, SessionLevel Level, string LevelText,
    IReadOnlyList<string> Participants, string? Minutes, string? MinutesChangedBy, DateTime? MinutesChangedAtUtc, int Version, Agenda Agenda,
    IReadOnlyList<LessonView> Lessons, IReadOnlyList<LessonView> OpenFromBefore, IReadOnlyList<string> Ambassadors);

/// <summary>
/// A lesson as shown: the case numbers it came from for those who work with cases; for managers and directors only how
/// many cases (never which).
/// </summary>
public sealed record LessonView(Guid Id, Guid SessionId, DateOnly SessionDate, LessonKind Kind, string KindText, string Text, string Owner, LessonStatus Status,
    string StatusText, string? StatusNote, int Version, int CaseCount, IReadOnlyList<string>? CaseNumbers);

public sealed record SessionListItem(Guid Id, DateOnly Date, SessionLevel Level, string LevelText, int Participants, bool HasMinutes);

/// <summary>The next learning session of a neighbourhood the user works in.</summary>
public sealed record SessionSoon(Guid Id, Guid NeighbourhoodId, string Neighbourhood, DateOnly Date, string LevelText);

/// <summary>A lesson the user owns that is not done yet, with the session that recorded it.</summary>
public sealed record LessonToFollow(Guid Id, Guid SessionId, string Neighbourhood, DateOnly SessionDate, LessonKind Kind, string Text, LessonStatus Status);

/// <summary>A neighbourhood the user works in, and whether he coordinates it (then he plans its sessions).</summary>
public sealed record LearningNeighbourhood(Guid Id, string Name, bool Coordinates);

/// <summary>
/// Learning sessions of a neighbourhood: the coordinator plans them and keeps the minutes; everyone who works in the
/// neighbourhood sees them, each with the agenda he may see. Someone from elsewhere gets "not found", logged.
/// </summary>
public sealed class LearningSessions(CurrentUser asking, KeukentafelDbContext db, Agendas agendas, AgendaMails agendaMails, Membership membership,
    CaseAccess access, WorkAreas workAreas, TimeProvider time)
{
    private const string Part = "leersessie";

    public async Task<LearningSession> PlanAsync(Guid neighbourhoodId, DateOnly? date, SessionLevel level,
        IReadOnlyList<(Guid? StaffMemberId, string Name)> participants, CancellationToken ct)
    {
        await membership.RequireCoordinatorAsync(neighbourhoodId, Part, ct);
        if (date is null)
        {
            throw DomainException.About("Date", "learning.date_required", "Kies de datum van de leersessie.");
        }

        var staffIds = participants.Select(p => p.StaffMemberId).OfType<Guid>().Distinct().ToList();
        var known = (await db.StaffNeighbourhoods.AsNoTracking().Where(w => w.NeighbourhoodId == neighbourhoodId && staffIds.Contains(w.StaffMemberId))
                .Join(db.StaffMembers, w => w.StaffMemberId, s => s.Id, (w, s) => new { s.Id, s.Name })
                .ToListAsync(ct))
            .DistinctBy(s => s.Id).ToDictionary(s => s.Id, s => s.Name.Display);
        if (known.Count != staffIds.Count)
        {
            throw DomainException.About("Participants", "learning.participant_elsewhere", "Een van de deelnemers werkt niet in deze wijk.");
        }

        // A colleague named by his id alone is named as the staff list names him.
        participants = [.. participants.Select(p => p.StaffMemberId is { } id && string.IsNullOrWhiteSpace(p.Name) ? (p.StaffMemberId, known[id]) : p)];
        var today = DutchTime.Today(time);
        var session = LearningSession.Plan(neighbourhoodId, date.Value, level, participants, await EarliestAsync(neighbourhoodId, today, ct), today,
            await access.ActorAsync(ct), time.GetUtcNow().UtcDateTime);
        db.LearningSessions.Add(session);
        await db.SaveChangesAsync(ct);
        await agendaMails.SendIfChangedAsync(session.Id, ct);
        return session;
    }

    public async Task<IReadOnlyList<LearningNeighbourhood>> NeighbourhoodsAsync(CancellationToken ct)
    {
        var staffId = asking.StaffId;
        var coordinator = asking.IsInRole(Roles.Coordinator);
        return await db.StaffNeighbourhoods.AsNoTracking().Where(w => w.StaffMemberId == staffId)
            .Join(db.Neighbourhoods, w => w.NeighbourhoodId, n => n.Id, (w, n) => n)
            .OrderBy(n => n.Name)
            .Select(n => new LearningNeighbourhood(n.Id, n.Name, coordinator && n.CoordinatorId == staffId))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The neighbourhoods the user works in, and the one he chose. None chosen: the one he coordinates (he plans
    /// there), else the first with something to see (<paramref name="shown"/>: the neighbourhoods that have sessions,
    /// or initiatives), where his work is first (<see cref="WorkAreas.WhereWorkIsAsync"/>). One he does not work in is
    /// not his: "not found". The pages of sessions and initiatives open with this choice.
    /// </summary>
    private async Task<(IReadOnlyList<LearningNeighbourhood> All, LearningNeighbourhood? Chosen)> ChooseAsync(Guid? chosen, IQueryable<Guid> shown,
        CancellationToken ct)
    {
        var areas = await workAreas.WhereWorkIsAsync(rank: chosen is null, ct);
        var ids = areas.Select(a => a.Id).ToList();
        List<Guid> withSomething = chosen is null ? await shown.Where(id => ids.Contains(id)).Distinct().ToListAsync(ct) : [];
        var ranked = areas.OrderByDescending(a => a.Coordinates).ThenByDescending(a => withSomething.Contains(a.Id))
            .Select(n => new LearningNeighbourhood(n.Id, n.Name, n.Coordinates)).ToList();
        var all = ranked.OrderBy(n => n.Name, StringComparer.CurrentCulture).ToList();
        var found = chosen is null ? ranked.FirstOrDefault() : all.FirstOrDefault(n => n.Id == chosen);
        return chosen is not null && found is null ? throw new NotYoursException() : (all, found);
    }

    /// <summary>The neighbourhood the page of learning sessions shows (see <see cref="ChooseAsync"/>).</summary>
    public Task<(IReadOnlyList<LearningNeighbourhood> All, LearningNeighbourhood? Chosen)> ChooseForSessionsAsync(Guid? chosen, CancellationToken ct) =>
        ChooseAsync(chosen, db.LearningSessions.Select(s => s.NeighbourhoodId), ct);

    /// <summary>The neighbourhood the page of collective initiatives shows (see <see cref="ChooseAsync"/>).</summary>
    public Task<(IReadOnlyList<LearningNeighbourhood> All, LearningNeighbourhood? Chosen)> ChooseForInitiativesAsync(Guid? chosen, CancellationToken ct) =>
        ChooseAsync(chosen, db.CollectiveInitiatives.Select(i => i.NeighbourhoodId), ct);

    /// <summary>The next session of each neighbourhood the user works in (today's included), soonest first.</summary>
    public async Task<IReadOnlyList<SessionSoon>> NextAsync(CancellationToken ct)
    {
        var staffId = asking.StaffId;
        var today = DutchTime.Today(time);
        var mine = db.StaffNeighbourhoods.Where(w => w.StaffMemberId == staffId).Select(w => w.NeighbourhoodId);
        var coming = await db.LearningSessions.AsNoTracking().Where(s => mine.Contains(s.NeighbourhoodId) && s.Date >= today)
            .Join(db.Neighbourhoods, s => s.NeighbourhoodId, n => n.Id, (s, n) => new { s.Id, s.NeighbourhoodId, n.Name, s.Date, s.Level })
            .ToListAsync(ct);
        return [.. coming.GroupBy(s => s.NeighbourhoodId).Select(g => g.MinBy(s => s.Date)!).OrderBy(s => s.Date)
            .Select(s => new SessionSoon(s.Id, s.NeighbourhoodId, s.Name, s.Date, s.Level.Dutch()))];
    }

    /// <summary>The lessons the user owns that are open or under way, in the neighbourhoods he works in, oldest first.</summary>
    public async Task<IReadOnlyList<LessonToFollow>> MyLessonsAsync(CancellationToken ct)
    {
        var staffId = asking.StaffId;
        var mine = db.StaffNeighbourhoods.Where(w => w.StaffMemberId == staffId).Select(w => w.NeighbourhoodId);
        var lessons = await db.Lessons.AsNoTracking()
            .Where(l => l.OwnerId == staffId && (l.Status == LessonStatus.Open || l.Status == LessonStatus.InProgress))
            .Join(db.LearningSessions, l => l.SessionId, s => s.Id, (l, s) => new { l, s.Date, s.NeighbourhoodId })
            .Where(x => mine.Contains(x.NeighbourhoodId))
            .Join(db.Neighbourhoods, x => x.NeighbourhoodId, n => n.Id, (x, n) => new { x.l, x.Date, n.Name })
            .OrderBy(x => x.Date).Take(10)
            .ToListAsync(ct);
        return [.. lessons.Select(x => new LessonToFollow(x.l.Id, x.l.SessionId, x.Name, x.Date, x.l.Kind, x.l.Text, x.l.Status))];
    }

    public async Task<IReadOnlyList<SessionListItem>> ListAsync(Guid neighbourhoodId, CancellationToken ct)
    {
        await membership.RequireWorksInAsync(neighbourhoodId, Part, ct);
        return [.. (await db.LearningSessions.AsNoTracking().Where(s => s.NeighbourhoodId == neighbourhoodId).OrderByDescending(s => s.Date).ToListAsync(ct))
            .Select(s => new SessionListItem(s.Id, s.Date, s.Level, s.Level.Dutch(), s.Participants.Count, s.Minutes is not null))];
    }

    public async Task<SessionView?> GetAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await db.LearningSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return null;
        }

        await membership.RequireWorksInAsync(session.NeighbourhoodId, Part, ct);
        var name = await db.Neighbourhoods.Where(n => n.Id == session.NeighbourhoodId).Select(n => n.Name).SingleAsync(ct);
        var agenda = await agendas.ProposeAsync(session, ct);
        var lessons = await db.Lessons.AsNoTracking()
            .Join(db.LearningSessions, l => l.SessionId, s => s.Id, (l, s) => new { Lesson = l, s.Date, s.NeighbourhoodId })
            .Where(x => x.NeighbourhoodId == session.NeighbourhoodId
                && (x.Lesson.SessionId == session.Id
                    || (x.Date < session.Date && (x.Lesson.Status == LessonStatus.Open || x.Lesson.Status == LessonStatus.InProgress))))
            .OrderBy(x => x.Date).ThenBy(x => x.Lesson.RecordedAtUtc)
            .ToListAsync(ct);
        var caseWork = asking.WorksWithCases;
        var ids = lessons.SelectMany(l => l.Lesson.Cases.Select(c => c.CaseId)).Distinct().ToList();
        var linked = caseWork
            ? await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number, c.ResidentId }).ToListAsync(ct)
            : [];
        var numbers = linked.ToDictionary(c => c.Id, c => c.Number);
        if (linked.Count > 0)
        {
            // Case numbers shown with the lessons: logged per case, as everywhere a number is shown.
            await access.LogListAsync([.. linked.Select(c => (c.Id, c.ResidentId))], "les", "lessen (0 casussen)", ct);
        }

        // The organisations' ambassadors in the neighbourhood get the agenda (core rule: one fixed contact per organisation).
        var ambassadors = (await Neighbourhoods.AmbassadorHere.Of(db).Where(a => a.NeighbourhoodId == session.NeighbourhoodId)
                .Join(db.StaffMembers, a => a.AmbassadorId, s => s.Id, (a, s) => new { a.Organisation, s.Name })
                .ToListAsync(ct))
            .OrderBy(a => a.Organisation, StringComparer.Ordinal).Select(a => $"{a.Name.Display} ({a.Organisation})").ToList();

        LessonView View(Lesson l, DateOnly date) => new(l.Id, l.SessionId, date, l.Kind, l.Kind.Dutch(), l.Text, l.OwnerName, l.Status, l.Status.Dutch(),
            l.StatusNote, l.Version, l.Cases.Count,
            caseWork ? [.. l.Cases.Select(c => numbers.GetValueOrDefault(c.CaseId, "?")).Order(StringComparer.Ordinal)] : null);
        return new SessionView(session.Id, session.NeighbourhoodId, name, session.Date, session.Level, session.Level.Dutch(),
            [.. session.Participants.Select(p => p.Name).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))],
            session.Minutes, session.MinutesChangedByName, session.MinutesChangedAtUtc, session.Version, agenda,
            [.. lessons.Where(x => x.Lesson.SessionId == session.Id).Select(x => View(x.Lesson, x.Date))],
            [.. lessons.Where(x => x.Lesson.SessionId != session.Id).Select(x => View(x.Lesson, x.Date))], ambassadors);
    }

    /// <summary>
    /// A lesson of a session, by someone who works in its neighbourhood with cases, linked only to cases he may see:
    /// his own files, or as the coordinator the cases of his neighbourhood (by number, as in his overview).
    /// </summary>
    public async Task<Lesson> RecordLessonAsync(Guid sessionId, LessonKind kind, string? text, Guid? ownerId, string? ownerName,
        IReadOnlyCollection<string> caseNumbers, CancellationToken ct)
    {
        var session = await db.LearningSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct) ?? throw new NotYoursException();
        await membership.RequireWorksInAsync(session.NeighbourhoodId, Part, ct);
        if (!asking.WorksWithCases)
        {
            throw new DomainException("lesson.not_case_work", "Lessen worden vastgelegd door de professionals en de coördinator van de wijk.");
        }

        if (ownerId is { } owner)
        {
            ownerName = await db.StaffNeighbourhoods.Where(w => w.StaffMemberId == owner && w.NeighbourhoodId == session.NeighbourhoodId)
                    .Join(db.StaffMembers, w => w.StaffMemberId, s => s.Id, (w, s) => s.Name).Select(n => n.Display).FirstOrDefaultAsync(ct)
                ?? throw DomainException.About("Owner", "lesson.owner_elsewhere", "Wie de les oppakt, werkt niet in deze wijk.");
        }

        var wanted = caseNumbers.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => c.NeighbourhoodId == session.NeighbourhoodId && wanted.Contains(c.Number))
            .Select(c => new { c.Id, c.Number, c.ResidentId }).ToListAsync(ct);
        var staffId = asking.StaffId;
        var coordinates = await membership.CoordinatesAsync(session.NeighbourhoodId, ct);
        var visible = coordinates ? [.. cases.Select(c => (Guid?)c.Id)] : await agendas.VisibleAsync(staffId, [.. cases.Select(c => (Guid?)c.Id)], ct);
        if (wanted.FirstOrDefault(n => cases.SingleOrDefault(c => c.Number == n) is not { } found || !visible.Contains(found.Id)) is { } unknown)
        {
            if (cases.SingleOrDefault(c => c.Number == unknown) is { } refused)
            {
                await access.LogAsync(refused.Id, refused.ResidentId, AuditAction.Change, "les", ct, allowed: false);
            }

            throw DomainException.About("Cases", "lesson.case_not_visible",
                $"Casus {unknown} kunt u niet aan deze les koppelen: het is geen casus van deze wijk die u mag zien.");
        }

        var lesson = Lesson.Record(sessionId, kind, text, ownerId, ownerName, [.. cases.Select(c => c.Id)], await access.ActorAsync(ct),
            time.GetUtcNow().UtcDateTime);
        db.Lessons.Add(lesson);
        await db.SaveChangesAsync(ct);
        foreach (var linked in cases)
        {
            await access.LogAsync(linked.Id, linked.ResidentId, AuditAction.Change, "les", ct);
        }

        return lesson;
    }

    /// <summary>What became of a lesson: anyone who works with cases in the neighbourhood records it.</summary>
    public async Task<int> FollowLessonAsync(Guid lessonId, LessonStatus status, string? note, int version, CancellationToken ct)
    {
        var lesson = await db.Lessons.SingleOrDefaultAsync(l => l.Id == lessonId, ct) ?? throw new NotYoursException();
        var neighbourhood = await db.LearningSessions.Where(s => s.Id == lesson.SessionId).Select(s => s.NeighbourhoodId).SingleAsync(ct);
        await membership.RequireWorksInAsync(neighbourhood, Part, ct);
        lesson.Follow(status, note, version, await access.ActorAsync(ct), time.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Lesson.Changed();
        }

        return lesson.Version;
    }

    public async Task<int> RecordMinutesAsync(Guid sessionId, int version, string? minutes, CancellationToken ct)
    {
        var session = await db.LearningSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct) ?? throw new NotYoursException();
        await membership.RequireCoordinatorAsync(session.NeighbourhoodId, Part, ct);
        session.RecordMinutes(minutes, version, await access.ActorAsync(ct), time.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw LearningSession.Changed();
        }

        return session.Version;
    }

    /// <summary>
    /// The day the approach started in the neighbourhood; for a neighbourhood without a start date (from before start
    /// dates were kept), a year before its first case, or before today when there is none yet.
    /// </summary>
    private async Task<DateOnly> EarliestAsync(Guid neighbourhoodId, DateOnly today, CancellationToken ct)
    {
        if (await db.Neighbourhoods.Where(n => n.Id == neighbourhoodId).Select(n => n.StartedOn).SingleAsync(ct) is { } started)
        {
            return started;
        }

        var first = await db.Cases.Where(c => c.NeighbourhoodId == neighbourhoodId).OrderBy(c => c.SignalledAtUtc).Select(c => (DateTime?)c.SignalledAtUtc)
            .FirstOrDefaultAsync(ct);
        var start = first is { } signalled ? DutchTime.Date(signalled) : today;
        return (start < today ? start : today).AddYears(-1);
    }
}
