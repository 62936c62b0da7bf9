using System.Text.Json;
using Keukentafel.Meetings;
using Keukentafel.Neighbourhoods;
using Keukentafel.Plans;

namespace Keukentafel.Cases;

/// <summary>
/// A case (casus): one resident's question, picked up by one professional, solved by one team around his
/// kitchen table. Every rule of the nine core rules that the software can hold lives here, as plain methods;
/// every change bumps <see cref="Version"/> and appends a <see cref="CaseEvent"/>.
/// </summary>
/// <remarks>
/// One aggregate in one folder, a file per part, side by side here:
/// <list type="bullet">
/// <item><c>Case.cs</c>: the case itself, its lifecycle (signal, steps, close, reopen), the six weeks, hand-over, history.</item>
/// <item><c>Case.Questions.cs</c>: the resident's three questions and their answers.</item>
/// <item><c>Case.Meetings.cs</c>: the table: his own people, proposed professionals, his agreement, the MDO and its report.</item>
/// <item><c>Case.Plans.cs</c>: the plan: actions, his contribution (reciprocity), rule deviations, bottlenecks.</item>
/// <item><c>Case.Consents.cs</c>: what the resident lets the organisations at his table see, and withdrawals.</item>
/// <item><c>Case.Rectification.cs</c>: correcting the resident's details, with the old ones kept in the history.</item>
/// <item><c>Case.Wellbeing.cs</c>: his wellbeing marks and when they are asked.</item>
/// <item><c>Case.Analysis.cs</c>: the micro-analysis of costs: what was, what would have been.</item>
/// </list>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "The domain's own word; there are no Visual Basic callers.")]
public sealed partial class Case
{
    /// <summary>Core rule 6: the solution is carried out within six weeks after the signal.</summary>
    public const int SixWeeks = 42;

    private Case() { Number = Description = ""; }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The number people use on the phone: year and serial, e.g. 2026-00042.</summary>
    public string Number { get; private set; }

    public Guid ResidentId { get; private set; }
    public Guid NeighbourhoodId { get; private set; }

    /// <summary>The question in the resident's own words.</summary>
    public string Description { get; private set; }

    public CaseSource Source { get; private set; }
    public string? SourceDetail { get; private set; }
    public DateTime SignalledAtUtc { get; private set; }
    public DateOnly Deadline { get; private set; }
    public Guid CaseBringerId { get; private set; }
    public CaseStatus Status { get; private set; }

    /// <summary>The life domains of the current answers, kept here so lists can filter on them.</summary>
    public LifeDomains LifeDomains { get; private set; }

    /// <summary>The first time the solution was carried out; stays when a case is reopened, for honest six-week figures.</summary>
    public DateTime? SolutionCarriedOutAtUtc { get; private set; }

    public DateTime? EvaluatedAtUtc { get; private set; }
    public string? Evaluation { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>Why the resident makes no contribution, when he does not (core rule 7 asks for one or for the reason).</summary>
    public string? NoContributionReason { get; private set; }

    /// <summary>Goes up with every change; a save from an older version is refused (optimistic concurrency).</summary>
    public int Version { get; private set; }

    public DateTime LastChangedAtUtc { get; private set; }

    public List<CaseMember> Members { get; } = [];
    public List<CaseAnswer> Answers { get; } = [];
    public List<NetworkMember> Network { get; } = [];
    public List<Meeting> Meetings { get; } = [];
    public List<PlanAction> Actions { get; } = [];
    public List<RuleDeviation> Deviations { get; } = [];
    public List<Bottleneck> Bottlenecks { get; } = [];
    public List<CaseEvent> Events { get; } = [];

    public bool IsOpen => Status != CaseStatus.Closed;

    /// <summary>Core rule 1: any professional picks up a case, wherever it comes in; he becomes its case bringer.</summary>
    public static Case Signal(string number, Resident resident, StaffMember bringer, string description, CaseSource source, string? sourceDetail, Actor by,
        DateTime nowUtc)
    {
        if (!WorksOnCasesIn(bringer, resident.NeighbourhoodId))
        {
            throw DomainException.About("NeighbourhoodId", "case.bringer_not_in_neighbourhood",
                "Alleen een professional die in de wijk van de bewoner werkt, kan hier een casus aanbrengen.");
        }

        var @case = new Case
        {
            Number = number,
            ResidentId = resident.Id,
            NeighbourhoodId = resident.NeighbourhoodId,
            Description = Text.Required(description, "case.description_required", "Beschrijf de vraag, in de woorden van de bewoner.", "Description"),
            Source = source,
            SourceDetail = Text.Optional(sourceDetail),
            SignalledAtUtc = nowUtc,
            Deadline = DutchTime.Date(nowUtc).AddDays(SixWeeks),
            CaseBringerId = bringer.Id,
            Status = CaseStatus.Signalled,
        };
        @case.Members.Add(new CaseMember(@case.Id, bringer.Id, CaseRole.Bringer, @case.Deadline, carriedOut: false));
        var consent = @case.EnsureConsent(bringer.OrganisationId, by.Organisation, SignalPurpose, by, nowUtc);
        @case.Record(by, nowUtc, "case.signalled", $"Casus aangebracht door {by.Description}. Uiterlijk opgelost op {@case.Deadline:d-M-yyyy}.{consent}",
            null, new { @case.Number, @case.Description, Source = source.ToString(), @case.Deadline });
        return @case;
    }

    /// <summary>Core rule 6: days until the deadline (negative: days late), as long as the solution is not carried out.</summary>
    public int? DaysLeft(DateOnly today) => SolutionCarriedOutAtUtc is null && IsOpen ? Deadline.DayNumber - today.DayNumber : null;

    public bool IsOverdue(DateOnly today) => DaysLeft(today) is < 0;

    /// <summary>Whether the solution was carried out by the deadline; for an open case past it, already "no".</summary>
    public bool? SolvedWithinSixWeeks(DateOnly today) => SolvedInTime(SolutionCarriedOutAtUtc, Deadline, today);

    /// <summary>The same for figures read without the whole case (reports).</summary>
    public static bool? SolvedInTime(DateTime? solutionCarriedOutAtUtc, DateOnly deadline, DateOnly today) => solutionCarriedOutAtUtc is { } done
        ? DutchTime.Date(done) <= deadline
        : today > deadline ? false : null;

    public void HandOverTo(StaffMember newBringer, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        if (newBringer.Id == CaseBringerId)
        {
            throw DomainException.About("StaffMemberId", "case.handover_same", "Deze professional is al de casusaanbrenger.");
        }

        if (!WorksOnCasesIn(newBringer, NeighbourhoodId))
        {
            throw DomainException.About("StaffMemberId", "case.handover_not_in_neighbourhood",
                "Draag de casus over aan een professional die in deze wijk werkt.");
        }

        var before = CaseBringerId;
        // The former case bringer stays at the table; the new one takes the responsibility.
        Members.Single(m => m.Role == CaseRole.Bringer).Role = CaseRole.Participant;
        if (Members.SingleOrDefault(m => m.StaffMemberId == newBringer.Id) is { } existing)
        {
            existing.Role = CaseRole.Bringer;
        }
        else
        {
            Members.Add(new CaseMember(Id, newBringer.Id, CaseRole.Bringer, Deadline, SolutionCarriedOutAtUtc is not null));
        }

        CaseBringerId = newBringer.Id;
        Record(by, nowUtc, "case.handed_over", $"Casus overgedragen aan {newBringer.Name.Display}.", new { CaseBringerId = before },
            new { CaseBringerId = newBringer.Id });
    }

    public void MarkSolutionCarriedOut(Actor by, DateTime nowUtc)
    {
        RequireStatus(CaseStatus.PlanAgreed, "De oplossing kan pas uitgevoerd zijn als het plan is afgesproken.");
        // The resident's contribution may still follow: it is asked for at closing, not here.
        var open = Actions.Where(a => !a.IsSettled && !a.IsContribution).ToList();
        if (open.Count > 0)
        {
            throw DomainException.Conflict("case.actions_open",
                $"Nog niet alle acties zijn gedaan of vervallen: {string.Join(", ", open.Select(a => a.What))}.");
        }

        if (!Actions.Any(a => a.Status == ActionStatus.Done))
        {
            throw DomainException.Conflict("case.nothing_done", "Er is nog geen enkele actie gedaan.");
        }

        if (Meetings.Any(m => m.Status == MeetingStatus.Planned))
        {
            throw DomainException.Conflict("case.meeting_open", "Er staat nog een MDO gepland. Leg eerst het verslag ervan vast.");
        }

        Status = CaseStatus.SolutionCarriedOut;
        SolutionCarriedOutAtUtc ??= nowUtc;
        Members.ForEach(m => m.CarriedOut = true);
        var inTime = DutchTime.Date(nowUtc) <= Deadline ? "binnen zes weken" : $"{DutchTime.Date(nowUtc).DayNumber - Deadline.DayNumber} dagen na de zes weken";
        Record(by, nowUtc, "case.solution_carried_out", $"Oplossing uitgevoerd, {inTime}.", new { Status = CaseStatus.PlanAgreed.ToString() },
            new { Status = Status.ToString(), SolutionCarriedOutAtUtc });
    }

    public void Evaluate(string evaluation, Actor by, DateTime nowUtc)
    {
        RequireStatus(CaseStatus.SolutionCarriedOut, "Evalueren kan als de oplossing is uitgevoerd.");
        Evaluation = Text.Required(evaluation, "case.evaluation_required", "Schrijf kort op hoe het ging, samen met de bewoner.", "Evaluation");
        EvaluatedAtUtc = nowUtc;
        Status = CaseStatus.Evaluated;
        Record(by, nowUtc, "case.evaluated", "Casus geëvalueerd.", null, new { Evaluation });
    }

    /// <summary>Core rule 7: a case closes only with the resident's contribution done, or the reason why there is none.</summary>
    public void Close(Actor by, DateTime nowUtc, int followUpMonths = Effects.EffectSettings.DefaultFollowUpMonths)
    {
        RequireStatus(CaseStatus.Evaluated, "Afsluiten kan na de evaluatie.");
        if (!Actions.Any(a => a.IsContribution && a.Status == ActionStatus.Done) && NoContributionReason is null)
        {
            throw DomainException.Conflict("case.no_contribution",
                "De casus kan niet worden afgesloten: de bijdrage van de bewoner is nog niet gedaan, "
                    + "en er is geen reden vastgelegd waarom er geen bijdrage is.");
        }

        Status = CaseStatus.Closed;
        ClosedAtUtc = nowUtc;
        // Core rule 8: wellbeing "in the longer term" is measured again, months after the closing.
        FollowUpDue = DutchTime.Date(nowUtc).AddMonths(followUpMonths);
        Members.ForEach(m => m.IsOpen = false);
        Record(by, nowUtc, "case.closed", $"Casus afgesloten. Nameting van het welbevinden rond {FollowUpDue:d-M-yyyy}.",
            new { Status = CaseStatus.Evaluated.ToString() }, new { Status = Status.ToString(), FollowUpDue });
    }

    public void Reopen(string reason, Actor by, DateTime nowUtc)
    {
        RequireStatus(CaseStatus.Closed, "Alleen een afgesloten casus kan worden heropend.");
        var why = Text.Required(reason, "case.reopen_reason_required", "Geef de reden waarom de casus weer open gaat.", "Reason");
        Status = CaseStatus.PlanAgreed;
        ClosedAtUtc = null;
        FollowUpDue = null;
        Members.ForEach(m => m.IsOpen = true);
        Record(by, nowUtc, "case.reopened", $"Casus heropend: {why}", new { Status = CaseStatus.Closed.ToString() },
            new { Status = Status.ToString(), Reason = why });
    }

    public void CheckVersion(int expectedVersion)
    {
        if (expectedVersion != Version)
        {
            throw new StaleCaseException(Id, expectedVersion, Version);
        }
    }

    /// <summary>Professionals and coordinators who work in the neighbourhood can bring, take over and join its cases.</summary>
    private static bool WorksOnCasesIn(StaffMember staff, Guid neighbourhoodId) =>
        staff.WorksIn(neighbourhoodId) && staff.Function is StaffFunction.Professional or StaffFunction.Coordinator;

    private void RequireOpen()
    {
        if (!IsOpen)
        {
            throw DomainException.Conflict("case.closed", "Deze casus is afgesloten. Heropen hem eerst, met een reden.");
        }
    }

    private void RequireStatus(CaseStatus status, string message)
    {
        if (Status != status)
        {
            throw DomainException.Conflict("case.transition_not_allowed", $"{message} De casus staat nu op: {Status.Dutch()}.");
        }
    }

    private void RequireStatus(IReadOnlyCollection<CaseStatus> statuses, string message)
    {
        if (!statuses.Contains(Status))
        {
            throw DomainException.Conflict("case.transition_not_allowed", $"{message} De casus staat nu op: {Status.Dutch()}.");
        }
    }

    private void Record(Actor by, DateTime nowUtc, string kind, string summary, object? before, object? after)
    {
        Version++;
        LastChangedAtUtc = nowUtc;
        Events.Add(new CaseEvent(Id, Version, nowUtc, by, kind, summary,
            before is null ? null : JsonSerializer.Serialize(before), after is null ? null : JsonSerializer.Serialize(after)));
    }
}

/// <summary>A change made on an older version of the case than the one stored: someone else changed it in between.</summary>
public sealed class StaleCaseException(Guid caseId, int expectedVersion, int currentVersion) : DomainException(
    "case.stale",
    "Iemand anders heeft deze casus intussen gewijzigd. Bekijk wat er veranderde en doe uw wijziging daarna opnieuw.",
    isConflict: true)
{
    public Guid CaseId { get; } = caseId;
    public int ExpectedVersion { get; } = expectedVersion;
    public int CurrentVersion { get; } = currentVersion;
}
