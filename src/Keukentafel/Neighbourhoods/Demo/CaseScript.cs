using Keukentafel.Cases;
using Keukentafel.Meetings;
using Keukentafel.Plans;

namespace Keukentafel.Neighbourhoods.Demo;

/// <summary>
/// Takes a signalled case through its steps up to a target status, through the domain methods of real work: the three
/// questions, the table at home with two professionals the resident agrees to, a plan with a contribution, delivery,
/// evaluation and closing; now and then a bottleneck or a deviation. The demo and the benchmark's data generator use it.
/// </summary>
internal static class CaseScript
{
    public static void Advance(Case @case, Resident resident, StaffMember bringer, (string Want, string Can, string Need, LifeDomains Domains) story,
        CaseStatus target, DateTime start, DateTime nowUtc, IReadOnlyList<StaffMember> local, IReadOnlyList<StaffMember> managers, Random random,
        Func<StaffMember, Actor> actor)
    {
        var by = actor(bringer);
        var clock = start;
        DateTime Step(int days)
        {
            clock = Min(clock.AddDays(days).AddMinutes(random.Next(30, 300)), nowUtc.AddMinutes(-10));
            return clock;
        }

        if (target == CaseStatus.Signalled)
        {
            @case.Answer(Question.Want, story.Want, story.Domains, true, by, Step(1));
            return;
        }

        @case.Answer(Question.Want, story.Want, story.Domains, true, by, Step(1));
        @case.Answer(Question.Can, story.Can, LifeDomains.None, true, by, Step(0));
        @case.Answer(Question.Need, story.Need, story.Domains, true, by, Step(0));
        if (random.Next(2) == 0)
        {
            @case.AddNetworkMember(random.Next(2) == 0 ? "Ans" : "Theo", random.Next(2) == 0 ? "buurvrouw" : "broer", null, by, Step(0));
        }

        if (target == CaseStatus.QuestionsAnswered)
        {
            return;
        }

        // Held by now: a report is recorded on the meeting's day or after it.
        var plannedFor = Min(clock.AddDays(5).Date.AddHours(10), nowUtc.AddMinutes(-30));
        var meeting = @case.PlanMeeting(plannedFor, true, resident.Address.ToString(), null, resident.Name.Display, bringer, by, Step(1));
        var invited = local.Where(p => p.Id != bringer.Id && p.Organisation is { } o && (o.Covers & story.Domains) != 0).Take(2).ToList();
        foreach (var professional in invited)
        {
            var participant = @case.ProposeProfessional(meeting.Id, professional, professional.Organisation!.Name, by, Step(0));
            @case.RecordAgreement(meeting.Id, participant.Id, true, by, Step(0));
            @case.Invite(meeting.Id, participant.Id, by, Step(0));
        }

        var due = DutchTime.Date(plannedFor).AddDays(14 + random.Next(14));
        @case.AddAction("Samen de post en de rekeningen doornemen", new ActionCarrier(Carrier.Resident), null, null, LawDomain.Other, null, due, false,
            resident.Name.Display, by, Step(0));
        foreach (var professional in invited)
        {
            var domain = professional.Organisation!.Type switch
            {
                OrganisationType.Housing => LawDomain.Wonen,
                OrganisationType.Municipality => LawDomain.Schuldhulp,
                OrganisationType.MentalHealth => LawDomain.Zvw,
                OrganisationType.HomeCare => LawDomain.Zvw,
                OrganisationType.Youth => LawDomain.Jeugdwet,
                _ => LawDomain.Welzijn,
            };
            @case.AddAction($"Begeleiding door {professional.Organisation.Name}",
                new ActionCarrier(Carrier.Organisation, professional.Id, professional.OrganisationId), professional, professional.Organisation, domain,
                150m * (1 + random.Next(10)), due, false, resident.Name.Display, by, Step(0));
        }

        var contributes = random.Next(5) != 0;
        if (contributes)
        {
            @case.AddAction("Een ochtend per week helpen in het buurthuis", new ActionCarrier(Carrier.Resident), null, null, LawDomain.Welzijn, null, due,
                true, resident.Name.Display, by, Step(0));
        }

        if (random.Next(5) == 0)
        {
            @case.RecordBottleneck((BottleneckCategory)random.Next(5), (LawDomain)random.Next(5),
                "Gegevens over de schulden mochten niet zonder toestemming worden gedeeld; dat kostte twee weken.", by, Step(0));
        }

        if (random.Next(6) == 0 && managers.FirstOrDefault(m => m.OrganisationId == bringer.OrganisationId) is { } manager)
        {
            var deviation = @case.RecordDeviation("Indicatie huishoudelijke hulp", LawDomain.Wmo, "Direct starten in plaats van eerst een indicatie afwachten.",
                "Zes weken wachten, met grote kans op een crisisopname.", 2400m, manager, by, Step(0));
            if (random.Next(2) == 0)
            {
                @case.BackDeviation(deviation.Id, manager.Id, actor(manager), Step(1));
            }
        }

        if (target == CaseStatus.MeetingPlanned)
        {
            return;
        }

        var attended = meeting.Participants.Where(p => p.Agreement == Agreement.Agreed).Select(p => p.Id).ToHashSet();
        @case.RecordMeetingHeld(meeting.Id, attended, "Het plan is samen met de bewoner afgesproken.", true, by,
            Min(plannedFor.AddHours(1), nowUtc.AddMinutes(-5)));
        clock = Min(plannedFor.AddHours(1), nowUtc.AddMinutes(-5));
        if (target == CaseStatus.PlanAgreed)
        {
            return;
        }

        foreach (var action in @case.Actions.ToList())
        {
            @case.ChangeActionStatus(action.Id, ActionStatus.Done, null, by, Step(3 + random.Next(6)));
        }

        @case.MarkSolutionCarriedOut(by, Step(1));
        if (target == CaseStatus.SolutionCarriedOut)
        {
            return;
        }

        @case.Evaluate("De bewoner is tevreden; het plan werkte.", by, Step(3));
        if (target == CaseStatus.Evaluated)
        {
            return;
        }

        if (!contributes)
        {
            @case.RecordNoContributionReason("De bewoner was te ziek om iets bij te dragen.", by, Step(0));
        }

        @case.Close(by, Step(2));
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
