using MathNet.Numerics.Distributions;

namespace Keukentafel.Effects;

/// <summary>Mean, median and a 95% confidence interval of one group, or nothing at all when the group is too small to show.</summary>
public sealed record Summary(int N, decimal Mean, decimal Median, decimal Low, decimal High);

/// <summary>
/// The statistics of the effect report. Small groups are suppressed: a figure about fewer than
/// <see cref="MinimumGroup"/> residents could point at a person, so it is not shown at all (not even its mean).
/// </summary>
public static class Statistics
{
    /// <summary>Groups smaller than this are not shown (the usual rule of Dutch statistics on people, e.g. CBS).</summary>
    public const int MinimumGroup = 5;

    public static bool Shown(int residents) => residents >= MinimumGroup;

    public static decimal Mean(IReadOnlyCollection<decimal> values) =>
        values.Count == 0 ? throw new ArgumentException("No values.", nameof(values)) : values.Sum() / values.Count;

    public static decimal Median(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The sample standard deviation (n - 1).</summary>
    public static double StandardDeviation(IReadOnlyCollection<decimal> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = (double)Mean(values);
        return Math.Sqrt(values.Sum(v => Math.Pow((double)v - mean, 2)) / (values.Count - 1));
    }

    /// <summary>The 95% confidence interval of the mean, with Student's t for n - 1 degrees of freedom (the groups are small).</summary>
    public static (decimal Low, decimal High) ConfidenceInterval95(IReadOnlyCollection<decimal> values)
    {
        var mean = Mean(values);
        if (values.Count < 2)
        {
            return (mean, mean);
        }

        var t = StudentT.InvCDF(0, 1, values.Count - 1, 0.975);
        var margin = (decimal)(t * StandardDeviation(values) / Math.Sqrt(values.Count));
        return (mean - margin, mean + margin);
    }

    /// <summary>The summary of a group, or null when it holds fewer than <see cref="MinimumGroup"/> residents.</summary>
    public static Summary? Summarise(IReadOnlyCollection<decimal> values, int residents)
    {
        if (!Shown(residents) || values.Count == 0)
        {
            return null;
        }

        var (low, high) = ConfidenceInterval95(values);
        return new Summary(values.Count, Mean(values), Median(values), low, high);
    }
}
