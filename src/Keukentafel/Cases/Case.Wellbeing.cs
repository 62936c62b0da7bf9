using Keukentafel.Effects;

namespace Keukentafel.Cases;

/// <summary>Core rule 8, the first half: how the resident is doing, in his own report mark, before, after and later.</summary>
public sealed partial class Case
{
    public List<WellbeingMeasurement> Measurements { get; } = [];

    /// <summary>When the follow-up measurement is due: set when the case closes, cleared when it reopens.</summary>
    public DateOnly? FollowUpDue { get; private set; }

    /// <summary>The measurement that counts for a moment: the newest (a correction replaces, never erases).</summary>
    public WellbeingMeasurement? Measurement(MeasurementMoment moment) =>
        Measurements.Where(m => m.Moment == moment).OrderByDescending(m => m.RecordedAtUtc).ThenByDescending(m => m.Id).FirstOrDefault();

    /// <summary>
    /// The moment the resident is asked for his own mark now, given the moments measured and the case's status: at the
    /// start, once his solution was carried out, and at the follow-up some months after closing; otherwise none.
    /// </summary>
    public static MeasurementMoment? AskedOfResident(IReadOnlyCollection<MeasurementMoment> measured, CaseStatus status, DateOnly? followUpDue,
        DateOnly today) =>
        // Once closed only the follow-up is asked: a late start or closure mark given months later would skew the figures.
        status == CaseStatus.Closed ? (followUpDue <= today && !measured.Contains(MeasurementMoment.FollowUp) ? MeasurementMoment.FollowUp : null)
        : !measured.Contains(MeasurementMoment.Intake) ? MeasurementMoment.Intake
        : status is CaseStatus.SolutionCarriedOut or CaseStatus.Evaluated && !measured.Contains(MeasurementMoment.Closure) ? MeasurementMoment.Closure
        : null;

    /// <summary>
    /// Records the resident's report mark (1-10, one decimal) for a moment, with his scores on the instruments the
    /// neighbourhood uses. A second measurement of the same moment is a correction and needs a reason.
    /// </summary>
    public WellbeingMeasurement RecordWellbeing(MeasurementMoment moment, decimal mark, DateOnly measuredOn, IReadOnlyDictionary<string, int>? scores,
        string? note, string? correctionReason, EffectSettings settings, Actor by, DateTime nowUtc)
    {
        if (mark < 1 || mark > 10 || decimal.Round(mark, 1) != mark)
        {
            throw DomainException.About("Mark", "wellbeing.mark_range",
                "Geef een rapportcijfer van 1 tot en met 10, met hooguit één cijfer achter de komma.");
        }

        var today = DutchTime.Date(nowUtc);
        if (measuredOn > today || measuredOn < DutchTime.Date(SignalledAtUtc))
        {
            throw DomainException.About("MeasuredOn", "wellbeing.date_range", "De datum van de meting ligt tussen het aanbrengen van de casus en vandaag.");
        }

        switch (moment)
        {
            case MeasurementMoment.Closure when Status is not (CaseStatus.SolutionCarriedOut or CaseStatus.Evaluated or CaseStatus.Closed):
                throw DomainException.Conflict("wellbeing.closure_too_early",
                    $"De meting bij het afsluiten kan als de oplossing is uitgevoerd. De casus staat nu op: {Status.Dutch()}.");
            case MeasurementMoment.FollowUp when Status != CaseStatus.Closed:
                throw DomainException.Conflict("wellbeing.follow_up_too_early", "De nameting kan als de casus is afgesloten.");
            case MeasurementMoment.Closure when SolutionCarriedOutAtUtc is { } done && measuredOn < DutchTime.Date(done):
                throw DomainException.About("MeasuredOn", "wellbeing.date_range",
                    $"De meting bij het afsluiten is op of na de dag dat de oplossing werd uitgevoerd ({DutchTime.Date(done):d-M-yyyy}).");
            case MeasurementMoment.FollowUp when ClosedAtUtc is { } closed && measuredOn <= DutchTime.Date(closed):
                throw DomainException.About("MeasuredOn", "wellbeing.date_range",
                    $"De nameting is na de dag van het afsluiten ({DutchTime.Date(closed):d-M-yyyy}).");
        }

        var earlier = Measurement(moment);
        var reason = Text.Optional(correctionReason);
        if (earlier is not null && reason is null)
        {
            throw DomainException.About("CorrectionReason", "wellbeing.correction_reason_required",
                $"Er is al een meting \"{moment.Dutch().ToLowerInvariant()}\" (cijfer {earlier.Mark:0.0}). "
                    + "Geef de reden van de nieuwe meting; de oude blijft bewaard.");
        }

        var measured = new WellbeingMeasurement(Id, moment, mark, measuredOn, Scores(scores, settings), Text.Optional(note), earlier is null ? null : reason,
            by, nowUtc);
        Measurements.Add(measured);
        Record(by, nowUtc, "wellbeing.recorded",
            $"Welbevinden {moment.Dutch().ToLowerInvariant()}: rapportcijfer {mark.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))}"
                + (earlier is null ? "" : $" (vervangt {earlier.Mark.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))}: {reason})")
                + ".",
            earlier is null ? null : new { earlier.Id, earlier.Mark },
            new
            {
                measured.Id,
                Moment = moment.ToString(),
                mark,
                measuredOn,
                Scores = measured.Scores.ToDictionary(s => s.Dimension, s => s.Score),
                CorrectionReason = measured.CorrectionReason
            });
        return measured;
    }

    /// <summary>Only the neighbourhood's instruments, every dimension of an instrument or none of it, each within its range.</summary>
    private static List<WellbeingScore> Scores(IReadOnlyDictionary<string, int>? scores, EffectSettings settings)
    {
        var given = scores ?? new Dictionary<string, int>();
        var unknown = given.Keys.FirstOrDefault(code => !settings.Instruments.Any(i => i.Dimensions.Any(d => d.Code == code)));
        if (unknown is not null)
        {
            throw DomainException.About("Scores", "wellbeing.instrument_not_used", $"\"{unknown}\" hoort niet bij een instrument dat deze wijk gebruikt.");
        }

        var result = new List<WellbeingScore>();
        foreach (var instrument in settings.Instruments)
        {
            var filled = instrument.Dimensions.Where(d => given.ContainsKey(d.Code)).ToList();
            if (filled.Count == 0)
            {
                continue;
            }

            if (filled.Count != instrument.Dimensions.Count)
            {
                throw DomainException.About("Scores", "wellbeing.instrument_incomplete",
                    $"Vul bij {instrument.Name} alle {instrument.Dimensions.Count} onderdelen in, of geen.");
            }

            foreach (var dimension in instrument.Dimensions)
            {
                var score = given[dimension.Code];
                if (score < instrument.Min || score > instrument.Max)
                {
                    throw DomainException.About("Scores", "wellbeing.score_range",
                        $"{instrument.Name}, {dimension.Name}: geef een score van {instrument.Min} tot en met {instrument.Max}.");
                }

                result.Add(new WellbeingScore(dimension.Code, score));
            }
        }

        return result;
    }
}
