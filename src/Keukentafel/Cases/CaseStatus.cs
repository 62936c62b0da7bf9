namespace Keukentafel.Cases;

/// <summary>Where a case is in its life (DOMAIN.md, "The case, step by step").</summary>
public enum CaseStatus
{
    Signalled,
    QuestionsAnswered,
    MeetingPlanned,
    PlanAgreed,
    SolutionCarriedOut,
    Evaluated,
    Closed,
}

public static class CaseStatusText
{
    public static string Dutch(this CaseStatus status) => status switch
    {
        CaseStatus.Signalled => "Aangebracht",
        CaseStatus.QuestionsAnswered => "Vragen beantwoord",
        CaseStatus.MeetingPlanned => "MDO gepland",
        CaseStatus.PlanAgreed => "Plan afgesproken",
        CaseStatus.SolutionCarriedOut => "Oplossing uitgevoerd",
        CaseStatus.Evaluated => "Geëvalueerd",
        _ => "Afgesloten",
    };

    /// <summary>What the case bringer does next, in a few words.</summary>
    public static string NextStep(this CaseStatus status) => status switch
    {
        CaseStatus.Signalled => "Beantwoord de drie vragen samen met de bewoner.",
        CaseStatus.QuestionsAnswered => "Plan het MDO, met de bewoner aan tafel.",
        CaseStatus.MeetingPlanned => "Houd het MDO en spreek samen het plan af.",
        CaseStatus.PlanAgreed => "Voer het plan uit en vink de acties af.",
        CaseStatus.SolutionCarriedOut => "Evalueer met de bewoner hoe het ging.",
        CaseStatus.Evaluated => "Sluit de casus af.",
        _ => "De casus is afgesloten.",
    };
}
