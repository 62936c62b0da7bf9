using Keukentafel.Cases;
using Keukentafel.Neighbourhoods;
using Case = Keukentafel.Cases.Case;

namespace Keukentafel.Tests.Cases;

/// <summary>Core rule 6, on the domain type alone: the clock, the days left, and honest figures.</summary>
public sealed class SixWeekRuleTests
{
    private static readonly Actor Professional = new(Guid.CreateVersion7(), Guid.CreateVersion7(), "Test Professional", "Welzijn Proef");

    [Theory]
    [InlineData("2026-03-28T23:30:00Z", "2026-05-10")] // 00:30 on Sunday 29 March in the Netherlands (summer time starts that night)
    [InlineData("2026-10-24T22:30:00Z", "2026-12-06")] // 00:30 on Sunday 25 October (winter time starts that night)
    [InlineData("2026-11-23T10:00:00Z", "2027-01-04")]
    public void The_deadline_is_six_weeks_after_the_Dutch_date_of_the_signal(string signalledUtc, string deadline)
    {
        var @case = NewCase(DateTime.Parse(signalledUtc, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));

        @case.Deadline.ShouldBe(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Days_left_count_down_and_an_open_case_past_the_deadline_is_overdue_and_not_solved_in_time()
    {
        var signalled = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
        var @case = NewCase(signalled);

        @case.DaysLeft(new DateOnly(2026, 11, 2)).ShouldBe(42);
        @case.DaysLeft(new DateOnly(2026, 12, 14)).ShouldBe(0);
        @case.IsOverdue(new DateOnly(2026, 12, 14)).ShouldBeFalse();
        @case.IsOverdue(new DateOnly(2026, 12, 15)).ShouldBeTrue();
        @case.SolvedWithinSixWeeks(new DateOnly(2026, 12, 1)).ShouldBeNull("still open and still in time: not yet known");
        @case.SolvedWithinSixWeeks(new DateOnly(2026, 12, 15)).ShouldBe(false, "open and already late counts as not in time");
        SixWeeks.Text(@case, new DateOnly(2026, 12, 16)).ShouldBe("2 dagen te laat");
        SixWeeks.Text(@case, new DateOnly(2026, 12, 13)).ShouldBe("Nog 1 dag");
    }

    private static Case NewCase(DateTime signalledUtc) => DomainCases.Signalled(signalledUtc, Professional);
}
