using Keukentafel.Effects;

namespace Keukentafel.Tests.Effects;

/// <summary>The effect report's statistics on data with known answers.</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void Mean_and_median_of_odd_and_even_groups()
    {
        Statistics.Mean([3.5m, 8.3m, 8.5m]).ShouldBe(6.7666666666666666666666666667m);
        Statistics.Median([8.5m, 3.5m, 8.3m]).ShouldBe(8.3m);
        Statistics.Median([1m, 2m, 3m, 10m]).ShouldBe(2.5m);
        Should.Throw<ArgumentException>(() => Statistics.Mean([]));
    }

    [Fact]
    public void The_confidence_interval_uses_students_t_for_small_groups()
    {
        // 1..5: mean 3, sample standard deviation sqrt(2.5), t(0.975; 4) = 2.776445: margin 1.963.
        var (low, high) = Statistics.ConfidenceInterval95([1m, 2m, 3m, 4m, 5m]);

        ((double)low).ShouldBe(3 - (2.776445 * Math.Sqrt(2.5) / Math.Sqrt(5)), 0.0005);
        ((double)high).ShouldBe(3 + (2.776445 * Math.Sqrt(2.5) / Math.Sqrt(5)), 0.0005);
        Statistics.StandardDeviation([2m, 4m, 4m, 4m, 5m, 5m, 7m, 9m]).ShouldBe(2.138, 0.001);
    }

    [Fact]
    public void A_group_of_fewer_than_five_residents_is_not_shown_at_all()
    {
        Statistics.Summarise([3m, 4m, 5m, 6m], residents: 4).ShouldBeNull();
        // Five measurements of four residents (one had two cases) is still four people.
        Statistics.Summarise([3m, 4m, 5m, 6m, 7m], residents: 4).ShouldBeNull();
        var shown = Statistics.Summarise([3m, 4m, 5m, 6m, 7m], residents: 5)!;
        shown.N.ShouldBe(5);
        shown.Mean.ShouldBe(5m);
        shown.Median.ShouldBe(5m);
    }
}
