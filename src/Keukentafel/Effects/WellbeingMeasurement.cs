using Keukentafel.Cases;

namespace Keukentafel.Effects;

/// <summary>When in the case's life wellbeing is measured (core rule 8: before and after, and later).</summary>
public enum MeasurementMoment
{
    Intake,
    Closure,
    FollowUp,
}

public static class MeasurementMomentText
{
    public static string Dutch(this MeasurementMoment moment) => moment switch
    {
        MeasurementMoment.Intake => "Bij de start",
        MeasurementMoment.Closure => "Bij het afsluiten",
        _ => "Nameting",
    };
}

/// <summary>
/// The resident's own report mark for how he is doing (1-10, one decimal), at one moment, and optionally his scores
/// on the neighbourhood's richer instruments. Never changed: a correction is a new measurement that names the reason,
/// and the newest of a moment counts.
/// </summary>
public sealed class WellbeingMeasurement
{
    private WellbeingMeasurement() { RecordedByName = ""; }

    internal WellbeingMeasurement(Guid caseId, MeasurementMoment moment, decimal mark, DateOnly measuredOn, IReadOnlyList<WellbeingScore> scores,
        string? note, string? correctionReason, Actor by, DateTime atUtc)
    {
        CaseId = caseId;
        Moment = moment;
        Mark = mark;
        MeasuredOn = measuredOn;
        Scores.AddRange(scores);
        Note = note;
        CorrectionReason = correctionReason;
        RecordedById = by.StaffMemberId;
        RecordedByName = by.Description;
        RecordedAtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }
    public MeasurementMoment Moment { get; private set; }

    /// <summary>The report mark the resident gives himself, 1.0 to 10.0.</summary>
    public decimal Mark { get; private set; }

    public DateOnly MeasuredOn { get; private set; }
    public List<WellbeingScore> Scores { get; } = [];
    public string? Note { get; private set; }

    /// <summary>Set when this measurement replaces an earlier one of the same moment: why.</summary>
    public string? CorrectionReason { get; private set; }

    public Guid? RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
}

/// <summary>One dimension's score of an instrument (<see cref="Instrument"/>), e.g. ZRM "Financiën" 2.</summary>
public sealed class WellbeingScore(string dimension, int score)
{
    public string Dimension { get; private set; } = dimension;
    public int Score { get; private set; } = score;
}
