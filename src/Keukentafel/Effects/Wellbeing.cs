using Keukentafel.Cases;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Effects;

public sealed record MeasurementView(
    Guid Id, MeasurementMoment Moment, string MomentText, decimal Mark, DateOnly MeasuredOn, IReadOnlyList<ScoreView> Scores,
    string? Note, string? CorrectionReason, string RecordedBy, DateTime RecordedAtUtc, bool Counts);

public sealed record ScoreView(string Dimension, string Name, string Instrument, int Score);

/// <summary>A case's wellbeing: all measurements (newest first), the instruments its neighbourhood uses, when the follow-up is due.</summary>
public sealed record WellbeingFile(Guid CaseId, int Version, CaseStatus Status, IReadOnlyList<MeasurementView> Measurements,
    IReadOnlyList<Instrument> Instruments, DateOnly? FollowUpDue)
{
    public MeasurementView? Current(MeasurementMoment moment) => Measurements.FirstOrDefault(m => m.Moment == moment && m.Counts);
}

/// <summary>A closed case whose follow-up measurement is due and not yet done, for its case bringer's list.</summary>
public sealed record FollowUpDue(
    Guid CaseId,
    string Number,
    string Resident,
    DateOnly Due,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid ResidentId);

/// <summary>Reads wellbeing measurements, after the case access check.</summary>
public sealed class Wellbeing(KeukentafelDbContext db, TimeProvider time)
{
    public async Task<WellbeingFile> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == caseId)
            .Select(x => new { x.Version, x.Status, x.FollowUpDue, x.NeighbourhoodId }).SingleAsync(ct);
        var settings = await db.EffectSettingsAsync(c.NeighbourhoodId, ct);
        var rows = await db.WellbeingMeasurements.AsNoTracking().Where(m => m.CaseId == caseId).ToListAsync(ct);
        var counting = rows.GroupBy(m => m.Moment).Select(g => g.OrderByDescending(m => m.RecordedAtUtc).ThenByDescending(m => m.Id).First().Id).ToHashSet();
        var views = rows.OrderByDescending(m => m.RecordedAtUtc).ThenByDescending(m => m.Id)
            .Select(m => new MeasurementView(m.Id, m.Moment, m.Moment.Dutch(), m.Mark, m.MeasuredOn, [.. m.Scores.Select(Score)], m.Note, m.CorrectionReason,
                m.RecordedByName, m.RecordedAtUtc, counting.Contains(m.Id)))
            .ToList();
        return new WellbeingFile(caseId, c.Version, c.Status, views, [.. settings.Instruments], c.FollowUpDue);
    }

    /// <summary>The follow-ups a case bringer has to do now: his closed cases past their follow-up date without one.</summary>
    public async Task<IReadOnlyList<FollowUpDue>> DueForAsync(Guid staffMemberId, CancellationToken ct)
    {
        var today = DutchTime.Today(time);
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.CaseBringerId == staffMemberId && c.Status == CaseStatus.Closed && c.FollowUpDue <= today
                && !db.WellbeingMeasurements.Any(m => m.CaseId == c.Id && m.Moment == MeasurementMoment.FollowUp))
            .OrderBy(c => c.FollowUpDue).ThenBy(c => c.Id)
            .Join(db.Residents, c => c.ResidentId, r => r.Id, (c, r) => new { c.Id, c.Number, r.Name, c.FollowUpDue, c.ResidentId })
            .Take(50)
            .ToListAsync(ct);
        return [.. rows.Select(x => new FollowUpDue(x.Id, x.Number, x.Name.Display, x.FollowUpDue!.Value, x.ResidentId))];
    }

    private static ScoreView Score(WellbeingScore s)
    {
        var instrument = Instrument.Of(s.Dimension);
        return new ScoreView(s.Dimension, instrument?.Dimensions.First(d => d.Code == s.Dimension).Name ?? s.Dimension, instrument?.Name ?? "", s.Score);
    }
}
