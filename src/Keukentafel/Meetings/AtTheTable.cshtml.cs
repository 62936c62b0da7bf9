using System.ComponentModel.DataAnnotations;
using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Meetings;

/// <summary>One part of the meeting at the table: its place in the address, its title and the minutes it should take.</summary>
public sealed record TablePart(string Step, string Title, int Minutes);

/// <summary>
/// "Aan tafel": the planned MDO held on a laptop or tablet on the resident's table (core rules 3-5), one part at a time,
/// in large type and plain Dutch. Every part saves to the case as its own page would (same rules, same history, same
/// audit), so the meeting can be paused and resumed at any time; a post sent twice (a dropped connection, a double tap)
/// is recognised by its stale version and what it would have added, and recorded once.
/// </summary>
public sealed class AtTheTablePage(CaseWork work, CaseFiles files, KeukentafelDbContext db, Learning.Initiatives initiatives,
    Residents.MyPlanPdf plan, TimeProvider time) : CasePageModel(work, files)
{
    /// <summary>The meeting's own short agenda: about 45 minutes, the attention a kitchen table holds.</summary>
    public static readonly IReadOnlyList<TablePart> Agenda =
    [
        new("", "Welkom", 5),
        new("vragen", "Uw drie vragen", 10),
        new("zelf", "Wat u zelf doet", 10),
        new("anderen", "Wat anderen doen", 10),
        new("bijdrage", "Wat u teruggeeft", 5),
        new("afspraak", "Is iedereen het eens?", 5),
    ];

    /// <summary>How the resident's access log names what was read and written here: "tijdens het gesprek aan tafel".</summary>
    public const string AuditPart = "aan tafel";

    public const string Done = "klaar";

    /// <summary>What the resident says at the end, as the report records it.</summary>
    public const string ResidentsYes = "Ja, dit is mijn plan.";
    public const string Pause = "pauze";

    /// <summary>The part shown; the route's pattern lets any letter case through, the page knows them in lower case.</summary>
    public string Step => (RouteData.Values["stap"] as string ?? "").ToLowerInvariant();

    public TablePart? Part => Agenda.FirstOrDefault(p => p.Step == Step);

    public TablePart? NextPart => Part is { } part ? Agenda.SkipWhile(p => p != part).Skip(1).FirstOrDefault() : null;

    /// <summary>Where "Verder" goes after a pause.</summary>
    [FromQuery(Name = "terug")]
    public string? Back { get; set; }

    public QuestionsAtTable Questions { get; set; } = new();
    public ActionAtTable NewAction { get; set; } = new();
    public NoContributionInput NoContribution { get; set; } = new();
    public AgreementAtTable Agreement { get; set; } = new();

    /// <summary>After a refused post the boxes stay as the user left them; on a fresh page everyone is ticked.</summary>
    public bool Posted { get; private set; }

    /// <summary>Whom an action can be for besides the resident: his own people, the neighbourhood's initiatives, its organisations.</summary>
    public IReadOnlyList<SelectListItem> Others { get; private set; } = [];

    public DateOnly Today => DutchTime.Today(time);

    /// <summary>The planned meeting's day when it is not today: the report waits for that day, so the meeting is moved first.</summary>
    public DateOnly? PlannedForAnotherDay => Case.PlannedMeeting is { } m && DutchTime.Date(m.PlannedAtUtc) != Today ? DutchTime.Date(m.PlannedAtUtc) : null;

    /// <summary>Who sits at the table: the resident, his own people, then the professionals he agreed to and who were invited.</summary>
    public IEnumerable<ParticipantView> AtTable => Case.PlannedMeeting is { } m
        ? m.Participants
            .Where(p => p.Agreement == Keukentafel.Meetings.Agreement.Agreed && (p.Kind != ParticipantKind.Professional || p.InvitedAtUtc is not null))
            .OrderBy(p => p.Kind switch { ParticipantKind.Resident => 0, ParticipantKind.Network => 1, _ => 2 })
        : [];

    public IEnumerable<ActionView> Plan => Case.Actions.Where(a => a.Status != ActionStatus.Dropped);

    /// <summary>The actions of the plan as the report says them, for the decisions the professional can still change.</summary>
    public string Summary()
    {
        var lines = new List<string> { "Aan tafel afgesproken:" };
        lines.AddRange(Plan.Select(a => $"- {a.What} ({(a.IsContribution ? "bijdrage van de bewoner" : a.CarrierName)}, klaar op {a.DueDate:d-M-yyyy})"));
        return string.Join('\n', lines);
    }

    /// <summary>
    /// "Mijn plan" to print at the end of the meeting, for the resident's fridge (logged as a download of his file); in
    /// another language the resident pages speak when asked (<paramref name="taal"/>: "en", "tr"), else in Dutch.
    /// </summary>
    public async Task<IActionResult> OnGetPdfAsync(string? taal)
    {
        if (Web.Language.Offered.Any(l => l.Code == taal))
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(taal!);
        }

        var file = (await files.GetAsync(Decision.CaseId, HttpContext.RequestAborted))!;
        return File(await plan.BuildAsync(file, HttpContext.RequestAborted), "application/pdf", "mijn-plan.pdf");
    }

    public Task<IActionResult> OnPostQuestionsAsync() => SaveAsync(Questions, nameof(Questions), (c, by, now) =>
        {
            foreach (var (question, text) in Questions.Each())
            {
                c.Answer(question, text, c.CurrentAnswer(question)?.Domains ?? LifeDomains.None, withResident: true, by, now);
            }

            return Task.CompletedTask;
        },
        (file, _) => Questions.Each().All(q => file.Answers.Any(a => a.Question == q.Question && a.Text == q.Text.Trim())),
        "zelf", "Uw antwoorden zijn bewaard.");

    /// <summary>An action for the resident himself (<c>zelf</c>), for someone else (<c>anderen</c>), or his contribution (<c>bijdrage</c>).</summary>
    public Task<IActionResult> OnPostActionAsync()
    {
        var step = Step is "zelf" or "anderen" or "bijdrage" ? Step : "zelf";
        return SaveAsync(NewAction, nameof(NewAction), async (c, by, now) =>
            {
                var (carrier, organisation, initiative) = await CarrierAsync(step, c);
                c.AddAction(NewAction.What, carrier, null, organisation, NewAction.LawDomain, NewAction.ExpectedCost, NewAction.DueDate!.Value,
                    isContribution: step == "bijdrage", await Work.ResidentNameAsync(c, HttpContext.RequestAborted), by, now, initiative);
            },
            (file, since) => since.Any(e => e.Kind is "action.added" or "contribution.added" && SameAction(e, step, file)),
            step, step == "bijdrage" ? "Uw bijdrage staat in het plan." : "Dit staat in het plan.");
    }

    public Task<IActionResult> OnPostNoContributionAsync() => SaveAsync(NoContribution, nameof(NoContribution),
        (c, by, now) =>
        {
            c.RecordNoContributionReason(NoContribution.Reason, by, now);
            return Task.CompletedTask;
        },
        (file, _) => file.NoContributionReason == NoContribution.Reason.Trim(), "afspraak", "De reden is bewaard.");

    /// <summary>The meeting is now: a meeting planned for another day moves to this moment, with everyone at the table.</summary>
    public Task<IActionResult> OnPostNowAsync() => SaveAsync(new object(), "", (c, by, now) =>
        {
            c.MoveMeeting(c.PlannedMeetingId(), now, by, now);
            return Task.CompletedTask;
        },
        (file, _) => file.PlannedMeeting is { } m && DutchTime.Date(m.PlannedAtUtc) == Today, "", "Het MDO staat nu op vandaag.");

    /// <summary>
    /// The end: the resident says "Ja, dit is mijn plan" (or that there is no plan yet everyone stands behind), and the
    /// meeting is recorded as held with who was there, exactly as the report page records it.
    /// </summary>
    public Task<IActionResult> OnPostAgreeAsync()
    {
        Posted = true;
        string Decisions() => Agreement.PlanAgreedByAll
            ? $"{Agreement.Decisions.Trim()}\nDe bewoner zei aan tafel: \"{ResidentsYes}\""
            : Agreement.Decisions.Trim();
        return SaveAsync(Agreement, nameof(Agreement), (c, by, now) =>
            {
                c.RecordMeetingHeld(c.PlannedMeetingId(), Agreement.Attended.ToHashSet(), Decisions(), Agreement.PlanAgreedByAll, by, now);
                return Task.CompletedTask;
            },
            (file, since) => since.Any(e => e.Kind == "meeting.held") && file.Meetings.LastOrDefault(m => m.Status == MeetingStatus.Held) is { } held
                && held.Decisions == Decisions() && held.PlanAgreedByAll == Agreement.PlanAgreedByAll
                && held.Participants.Where(p => p.Attended == true).Select(p => p.Id).ToHashSet().SetEquals(Agreement.Attended),
            Done, () => Agreement.PlanAgreedByAll ? "Het plan is afgesproken. Het MDO is vastgelegd." : "Het MDO is vastgelegd, nog zonder afgesproken plan.");
    }

    protected override async Task PrepareAsync()
    {
        NewAction.DueDate ??= Today.AddDays(14);
        if (HttpMethods.IsGet(Request.Method))
        {
            // What is written now, to read aloud and change with him; after a refused post, what was typed stays.
            Agreement.Decisions = Summary();
            string Current(Question q) => Case.Answers.FirstOrDefault(a => a.Question == q)?.Text ?? "";
            (Questions.Want, Questions.Can, Questions.Need) = (Current(Question.Want), Current(Question.Can), Current(Question.Need));
            NoContribution.Reason = Case.NoContributionReason ?? "";
        }

        if (Step == "anderen")
        {
            var ct = HttpContext.RequestAborted;
            SelectListGroup own = new() { Name = "Uit uw eigen kring" }, shared = new() { Name = "Een initiatief in de wijk" },
                professional = new() { Name = "Een organisatie" };
            var network = Case.Network.Select(n => new SelectListItem($"{n.Name} ({n.Relation})", $"n:{n.Id}") { Group = own });
            var initiativeItems = (await initiatives.ChoicesAsync(Case.NeighbourhoodId, ct))
                .Select(i => new SelectListItem(i.Name, $"i:{i.Id}") { Group = shared });
            var organisations = (await db.OrganisationNeighbourhoods.Where(w => w.NeighbourhoodId == Case.NeighbourhoodId)
                    .Join(db.Organisations, w => w.OrganisationId, o => o.Id, (w, o) => new { o.Id, o.Name }).OrderBy(o => o.Name).ToListAsync(ct))
                .Select(o => new SelectListItem(o.Name, $"o:{o.Id}") { Group = professional });
            Others = [.. network, .. initiativeItems, .. organisations];
        }
    }

    /// <summary>
    /// Saves one part: the input validated, the change made on the version the user saw. A stale version whose change is
    /// already there (the same post sent twice) is taken as saved, so it is recorded once and the table goes on.
    /// </summary>
    private Task<IActionResult> SaveAsync<TInput>(TInput input, string prefix, Func<Case, Actor, DateTime, Task> change,
        Func<CaseFile, IReadOnlyList<CaseEvent>, bool> alreadySaved, string next, string done)
        where TInput : class =>
        SaveAsync(input, prefix, change, alreadySaved, next, () => done);

    /// <summary>As above, with the message made after binding, when it depends on what was posted.</summary>
    private async Task<IActionResult> SaveAsync<TInput>(TInput input, string prefix, Func<Case, Actor, DateTime, Task> change,
        Func<CaseFile, IReadOnlyList<CaseEvent>, bool> alreadySaved, string next, Func<string> saved)
        where TInput : class
    {
        if (prefix.Length > 0 && (!await TryUpdateModelAsync(input, prefix) || !ModelState.IsValid))
        {
            return await AgainAsync();
        }

        var done = saved();
        if (await SavedByMeAsync(alreadySaved))
        {
            done = "Dit was al bewaard.";
        }
        else
        {
            // A stale version otherwise is refused as on every page: the page again, with what changed in between.
            await Work.ChangeAsync(Decision, Version, change, HttpContext.RequestAborted);
        }

        return RedirectToPage(new { id = Decision.CaseId, stap = next.Length == 0 ? null : next, message = done });
    }

    /// <summary>
    /// Whether this post was sent before and saved: the case moved on from the version it carries, only by this person's
    /// own changes, and what it would record is there.
    /// </summary>
    private async Task<bool> SavedByMeAsync(Func<CaseFile, IReadOnlyList<CaseEvent>, bool> alreadySaved)
    {
        var ct = HttpContext.RequestAborted;
        var since = await Work.ChangesSinceAsync(Decision.CaseId, Version, ct);
        if (since.Count == 0 || since.Any(e => e.ActorAccountId != Decision.Actor.AccountId))
        {
            return false;
        }

        return await files.GetAsync(Decision.CaseId, ct) is { } file && alreadySaved(file, since);
    }

    /// <summary>
    /// Whether an action added since the version the post carries is the one posted: the same words, date and kind, for
    /// the same carrier, and still in the plan (a dropped one added again is a new action).
    /// </summary>
    private bool SameAction(CaseEvent added, string step, CaseFile file)
    {
        var what = NewAction.What.Trim();
        var carrier = step switch
        {
            "anderen" when NewAction.Who?.StartsWith("n:", StringComparison.Ordinal) == true =>
                file.Network.FirstOrDefault(n => $"n:{n.Id}" == NewAction.Who)?.Name,
            "anderen" => null,
            _ => file.Resident.Name,
        };
        using var after = System.Text.Json.JsonDocument.Parse(added.After ?? "{}");
        var root = after.RootElement;
        string? Text(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;
        return Text("What") == what && Text("DueDate") == NewAction.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            && (carrier is null || Text("CarrierName") == carrier)
            && file.Actions.Any(a => a.What == what && a.DueDate == NewAction.DueDate && a.Status != ActionStatus.Dropped
                && a.IsContribution == (step == "bijdrage"));
    }

    private async Task<(ActionCarrier Carrier, Neighbourhoods.Organisation? Organisation, Learning.CollectiveInitiative? Initiative)> CarrierAsync(
        string step, Case c)
    {
        if (step != "anderen")
        {
            return (new ActionCarrier(Carrier.Resident), null, null);
        }

        var who = NewAction.Who ?? "";
        var id = Guid.TryParse(who.Length > 2 ? who[2..] : "", out var parsed) ? parsed : (Guid?)null;
        var ct = HttpContext.RequestAborted;
        return who[..Math.Min(2, who.Length)] switch
        {
            "n:" when c.Network.FirstOrDefault(n => n.Id == id) is { } member => (new ActionCarrier(Carrier.Network, Name: member.Name), null, null),
            "i:" when id is not null => (new ActionCarrier(Carrier.CollectiveInitiative), null, await Work.InitiativeAsync(id, ct)),
            "o:" when id is not null => (new ActionCarrier(Carrier.Organisation, OrganisationId: id), await Work.OrganisationAsync(id, ct), null),
            _ => throw DomainException.About("Who", "action.owner_required", "Kies wie dit doet."),
        };
    }

    private readonly CaseFiles files = files;
}

public sealed class QuestionsAtTable
{
    [Required(ErrorMessage = "Schrijf op wat de bewoner wil, in zijn eigen woorden.")]
    [StringLength(8000, ErrorMessage = "Het antwoord is te lang (hooguit 8000 tekens).")]
    public string Want { get; set; } = "";

    [Required(ErrorMessage = "Schrijf op wat de bewoner zelf kan, in zijn eigen woorden.")]
    [StringLength(8000, ErrorMessage = "Het antwoord is te lang (hooguit 8000 tekens).")]
    public string Can { get; set; } = "";

    [Required(ErrorMessage = "Schrijf op wat de bewoner nodig heeft, in zijn eigen woorden.")]
    [StringLength(8000, ErrorMessage = "Het antwoord is te lang (hooguit 8000 tekens).")]
    public string Need { get; set; } = "";

    public IEnumerable<(Question Question, string Text)> Each() => [(Question.Want, Want), (Question.Can, Can), (Question.Need, Need)];
}

public sealed class ActionAtTable
{
    [Required(ErrorMessage = "Schrijf op wat er gebeurt."), StringLength(1000)]
    public string What { get; set; } = "";

    /// <summary>For someone else: <c>n:</c> a person of his own, <c>i:</c> an initiative, <c>o:</c> an organisation, with its id.</summary>
    [StringLength(40)]
    public string? Who { get; set; }

    [Required(ErrorMessage = "Vul in wanneer het klaar is.")]
    public DateOnly? DueDate { get; set; }

    public LawDomain LawDomain { get; set; } = LawDomain.Other;

    [Range(0, 1_000_000, ErrorMessage = "Vul een bedrag in tussen 0 en 1.000.000 euro.")]
    public decimal? ExpectedCost { get; set; }
}

public sealed class AgreementAtTable
{
    public List<Guid> Attended { get; set; } = [];

    /// <summary>The report's 8,000 letters, less what the resident's "yes" adds to it.</summary>
    [Required(ErrorMessage = "Schrijf kort op wat er aan tafel is besloten.")]
    [StringLength(7900, ErrorMessage = "Het verslag is te lang (hooguit 7900 tekens).")]
    public string Decisions { get; set; } = "";

    public bool PlanAgreedByAll { get; set; }
}
