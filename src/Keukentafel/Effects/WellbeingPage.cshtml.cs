using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Keukentafel.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Keukentafel.Effects;

/// <summary>The resident's wellbeing on one case: his report marks before, after and later, and recording one.</summary>
public sealed class WellbeingPage(CaseWork work, CaseFiles files, Wellbeing wellbeing) : CasePageModel(work, files)
{
    public WellbeingFile Measured { get; private set; } = null!;

    [BindProperty]
    public WellbeingInput Input { get; set; } = new();

    public Task<IActionResult> OnPostAsync()
    {
        var scores = Input.Scores.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!.Value);
        return ChangeAsync(Input, nameof(Input), async (c, by, now) => c.RecordWellbeing(Input.Moment,
            Input.MarkValue()
                ?? throw DomainException.About("Mark", "wellbeing.mark_format", "Geef een rapportcijfer van 1 tot en met 10, bijvoorbeeld 6 of 7,5."),
            Input.MeasuredOn!.Value, scores,
            Input.Note, Input.CorrectionReason, await Work.EffectSettingsAsync(c.NeighbourhoodId, HttpContext.RequestAborted), by, now),
            () => $"Het rapportcijfer {Input.Moment.Dutch().ToLowerInvariant()} is vastgelegd.");
    }

    protected override async Task PrepareAsync()
    {
        Measured = await wellbeing.ForCaseAsync(Decision.CaseId, HttpContext.RequestAborted);
        if (!ModelState.ContainsKey("Input.Moment"))
        {
            // Suggest the moment the case is at.
            Input.Moment = Case.Status switch
            {
                CaseStatus.Closed when Measured.Current(MeasurementMoment.Closure) is not null => MeasurementMoment.FollowUp,
                CaseStatus.SolutionCarriedOut or CaseStatus.Evaluated or CaseStatus.Closed => MeasurementMoment.Closure,
                _ => MeasurementMoment.Intake,
            };
            Input.MeasuredOn ??= DutchTime.Date(Work.Now);
        }
    }
}

public sealed class WellbeingInput
{
    public MeasurementMoment Moment { get; set; }

    /// <summary>As typed: "7,5" and "7.5" both mean seven and a half.</summary>
    [Required(ErrorMessage = "Geef het rapportcijfer van de bewoner.")]
    public string? Mark { get; set; }

    [Required(ErrorMessage = "Geef de datum van de meting.")]
    public DateOnly? MeasuredOn { get; set; }

    public Dictionary<string, int?> Scores { get; set; } = [];

    [StringLength(2000)]
    public string? Note { get; set; }

    [StringLength(2000)]
    public string? CorrectionReason { get; set; }

    public decimal? MarkValue() => Web.DutchNumber.Parse(Mark);
}
