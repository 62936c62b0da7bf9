using Keukentafel.Cases;
using Keukentafel.Effects;
using Keukentafel.Tests.Cases;
using Case = Keukentafel.Cases.Case;

namespace Keukentafel.Tests.Effects;

/// <summary>Core rule 8, wellbeing, on the domain type alone.</summary>
public sealed class WellbeingRuleTests
{
    private static readonly Actor Professional = new(Guid.CreateVersion7(), Guid.CreateVersion7(), "Test Professional", "Welzijn Proef");
    private static readonly DateTime Signalled = new(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = Signalled.AddDays(1);
    private static readonly DateOnly Today = new(2026, 10, 6);

    [Theory]
    [InlineData("11")]
    [InlineData("0.9")]
    [InlineData("7.25")]
    [InlineData("-3")]
    public void A_mark_outside_one_to_ten_or_with_two_decimals_is_refused_and_nothing_is_recorded(string mark)
    {
        var @case = NewCase();
        var version = @case.Version;

        var refused = Should.Throw<DomainException>(() => @case.RecordWellbeing(MeasurementMoment.Intake,
            decimal.Parse(mark, System.Globalization.CultureInfo.InvariantCulture), Today, null, null, null, new EffectSettings(), Professional, Now));

        refused.Code.ShouldBe("wellbeing.mark_range");
        refused.Field.ShouldBe("Mark");
        @case.Measurements.ShouldBeEmpty();
        @case.Version.ShouldBe(version);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3.5")]
    [InlineData("10")]
    public void Marks_from_one_to_ten_with_one_decimal_are_recorded(string mark)
    {
        var @case = NewCase();

        var measured = @case.RecordWellbeing(MeasurementMoment.Intake, decimal.Parse(mark, System.Globalization.CultureInfo.InvariantCulture), Today, null,
            null, null, new EffectSettings(), Professional, Now);

        @case.Measurement(MeasurementMoment.Intake).ShouldBe(measured);
        @case.Events.Last().Kind.ShouldBe("wellbeing.recorded");
    }

    [Fact]
    public void A_second_measurement_of_a_moment_needs_a_reason_and_keeps_the_first()
    {
        var @case = NewCase();
        var first = @case.RecordWellbeing(MeasurementMoment.Intake, 4m, Today, null, null, null, new EffectSettings(), Professional, Now);

        Should.Throw<DomainException>(() => @case.RecordWellbeing(MeasurementMoment.Intake, 3m, Today, null, null, "  ", new EffectSettings(),
                Professional, Now.AddMinutes(5)))
            .Code.ShouldBe("wellbeing.correction_reason_required");
        var second = @case.RecordWellbeing(MeasurementMoment.Intake, 3m, Today, null, null, "De bewoner verbeterde zijn cijfer de dag erna.",
            new EffectSettings(), Professional, Now.AddMinutes(5));

        @case.Measurements.ShouldBe([first, second]);
        @case.Measurement(MeasurementMoment.Intake).ShouldBe(second);
        first.Mark.ShouldBe(4m);
    }

    [Fact]
    public void Closure_and_follow_up_wait_for_their_step_and_a_date_outside_the_case_is_refused()
    {
        var @case = NewCase();

        Should.Throw<DomainException>(() => @case.RecordWellbeing(MeasurementMoment.Closure, 8m, Today, null, null, null,
                new EffectSettings(), Professional, Now))
            .Code.ShouldBe("wellbeing.closure_too_early");
        Should.Throw<DomainException>(() => @case.RecordWellbeing(MeasurementMoment.FollowUp, 8m, Today, null, null, null,
                new EffectSettings(), Professional, Now))
            .Code.ShouldBe("wellbeing.follow_up_too_early");
        Should.Throw<DomainException>(() => @case.RecordWellbeing(MeasurementMoment.Intake, 4m, Today.AddDays(1), null, null, null,
                new EffectSettings(), Professional, Now))
            .Code.ShouldBe("wellbeing.date_range");
        Should.Throw<DomainException>(() => @case.RecordWellbeing(MeasurementMoment.Intake, 4m, Today.AddDays(-10), null, null, null,
                new EffectSettings(), Professional, Now))
            .Code.ShouldBe("wellbeing.date_range");
        @case.Measurements.ShouldBeEmpty();
    }

    [Fact]
    public void Instrument_scores_only_for_the_neighbourhoods_instruments_complete_and_in_range()
    {
        var zrm = Instrument.Zrm.Dimensions.ToDictionary(d => d.Code, _ => 3);
        var positiveHealth = Instrument.PositiveHealth.Dimensions.ToDictionary(d => d.Code, _ => 6);

        Should.Throw<DomainException>(() => NewCase().RecordWellbeing(MeasurementMoment.Intake, 4m, Today, zrm, null, null,
                new EffectSettings(UsesPositiveHealth: true), Professional, Now))
            .Code.ShouldBe("wellbeing.instrument_not_used");
        Should.Throw<DomainException>(() => NewCase().RecordWellbeing(MeasurementMoment.Intake, 4m, Today, zrm.Take(10).ToDictionary(), null, null,
                new EffectSettings(UsesZrm: true), Professional, Now))
            .Code.ShouldBe("wellbeing.instrument_incomplete");
        Should.Throw<DomainException>(() => NewCase().RecordWellbeing(MeasurementMoment.Intake, 4m, Today, zrm.ToDictionary(s => s.Key, _ => 6), null, null,
                new EffectSettings(UsesZrm: true), Professional, Now))
            .Code.ShouldBe("wellbeing.score_range");

        var measured = NewCase().RecordWellbeing(MeasurementMoment.Intake, 4m, Today, zrm.Concat(positiveHealth).ToDictionary(), null, null,
            new EffectSettings(true, true), Professional, Now);
        measured.Scores.Count.ShouldBe(17);
    }

    [Fact]
    public void Follow_up_months_outside_one_to_thirty_six_are_refused()
    {
        Should.Throw<DomainException>(() => EffectSettings.Validated(false, false, 0)).Code.ShouldBe("effects.follow_up_months");
        EffectSettings.Validated(true, false, 12).FollowUpMonths.ShouldBe(12);
    }

    [Fact]
    public void The_resident_is_asked_for_his_mark_at_the_start_when_his_solution_is_carried_out_and_at_the_follow_up_once_it_is_due()
    {
        var due = new DateOnly(2027, 4, 6);
        Case.AskedOfResident([], CaseStatus.Signalled, null, Today).ShouldBe(MeasurementMoment.Intake);
        Case.AskedOfResident([MeasurementMoment.Intake], CaseStatus.PlanAgreed, null, Today).ShouldBeNull();
        Case.AskedOfResident([MeasurementMoment.Intake], CaseStatus.SolutionCarriedOut, null, Today).ShouldBe(MeasurementMoment.Closure);
        Case.AskedOfResident([MeasurementMoment.Intake, MeasurementMoment.Closure], CaseStatus.Closed, due, due.AddDays(-1)).ShouldBeNull();
        Case.AskedOfResident([MeasurementMoment.Intake, MeasurementMoment.Closure], CaseStatus.Closed, due, due).ShouldBe(MeasurementMoment.FollowUp);
        Case.AskedOfResident([MeasurementMoment.Intake, MeasurementMoment.Closure, MeasurementMoment.FollowUp], CaseStatus.Closed, due, due.AddDays(30))
            .ShouldBeNull();
        Case.AskedOfResident([MeasurementMoment.Intake], CaseStatus.Closed, due, due).ShouldBe(MeasurementMoment.FollowUp);
        Case.AskedOfResident([], CaseStatus.Closed, due, due.AddDays(-1)).ShouldBeNull();
    }

    private static Case NewCase() => DomainCases.Signalled(Signalled, Professional);
}
