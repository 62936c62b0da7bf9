using Keukentafel.Meetings;

namespace Keukentafel.Cases;

public sealed partial class Case
{
    /// <summary>The newest answer to a question, or none yet.</summary>
    public CaseAnswer? CurrentAnswer(Question question) =>
        Answers.Where(a => a.Question == question).OrderByDescending(a => a.WrittenAtUtc).ThenByDescending(a => a.Id).FirstOrDefault();

    /// <summary>
    /// Core rule 4: the three questions, answered with the resident. A new answer is added, never written over
    /// the old one. When all three have an answer, the case moves on by itself.
    /// </summary>
    public void Answer(Question question, string text, LifeDomains domains, bool withResident, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        var answer = Text.Required(text, "question.answer_required", "Schrijf het antwoord op, zo veel mogelijk in de woorden van de bewoner.", "Text");
        var before = CurrentAnswer(question);
        if (before is not null && before.Text == answer && before.Domains == domains)
        {
            return; // nothing changed: no new version, no history noise
        }

        Answers.Add(new CaseAnswer(Id, question, answer, domains, withResident, by, nowUtc));
        LifeDomains = Enum.GetValues<Question>().Select(CurrentAnswer).OfType<CaseAnswer>().Aggregate(LifeDomains.None, (all, a) => all | a.Domains);
        Record(by, nowUtc, "question.answered",
            $"Vraag \"{question.Dutch()}\" {(before is null ? "beantwoord" : "aangepast")}{(withResident ? " samen met de bewoner" : "")}.",
            before is null ? null : new { before.Text, Domains = before.Domains.ToString() }, new { Text = answer, Domains = domains.ToString() });

        if (Status == CaseStatus.Signalled && Enum.GetValues<Question>().All(q => CurrentAnswer(q) is not null))
        {
            Status = CaseStatus.QuestionsAnswered;
            Record(by, nowUtc, "case.questions_answered", "De drie vragen zijn beantwoord.", new { Status = CaseStatus.Signalled.ToString() },
                new { Status = Status.ToString() });
        }
    }

    /// <summary>Core rule 3: the resident's own people are part of the solution and sit at the table.</summary>
    public NetworkMember AddNetworkMember(string name, string relation, string? phone, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        var member = new NetworkMember(Id, name, relation, phone);
        Network.Add(member);
        foreach (var meeting in Meetings.Where(m => m.Status == MeetingStatus.Planned))
        {
            meeting.Participants.Add(new MeetingParticipant(meeting.Id, ParticipantKind.Network, member.Name, null, member.Relation, member.Id, by, nowUtc));
        }

        Record(by, nowUtc, "network.added", $"{member.Name} ({member.Relation}) hoort bij het netwerk van de bewoner.", null,
            new { member.Name, member.Relation });
        return member;
    }
}
