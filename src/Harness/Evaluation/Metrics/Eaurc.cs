using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// <c>eaurc</c> = AURC − AURC*, with AURC* = (1/n) Σ_{k=n_c+1..n} (k − n_c)/k the step-sum AURC of a ranking with every
/// correct sample first. Ties inside a ranking can make the step sum exceed the tie-free optimum.
/// </summary>
[BuiltInMetric("eaurc", "AURC minus the AURC of a perfect ranking", 120)]
public sealed class Eaurc : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Geifman, Uziel & El-Yaniv 2019 (ICLR)") { Minimum = 0, Maximum = 1, Family = MetricFamily.FailurePrediction };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.ScoreGroups);
    }

    /// <summary>E-AURC from grouped scores (positives = correct).</summary>
    /// <param name="groups">Grouped scores, at least one sample.</param>
    /// <returns>The excess AURC, ≥ 0 up to rounding.</returns>
    public static double Of(ScoreGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return Aurc.Of(groups) - Optimal(groups.Count, groups.PositiveTotal);
    }

    /// <summary>AURC* of a perfect ranking: (1/n) Σ_{k=n_c+1..n} (k − n_c)/k.</summary>
    /// <param name="count">Number of samples n ≥ 1.</param>
    /// <param name="correctCount">Number of correct samples n_c.</param>
    /// <returns>The optimal AURC.</returns>
    public static double Optimal(int count, int correctCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegative(correctCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(correctCount, count);

        // Same term shape and order as Aurc, so a tie-free perfect ranking gives E-AURC = 0 exactly.
        double sum = 0;
        for (var k = correctCount + 1; k <= count; k++)
        {
            sum += 1 * ((double)(k - correctCount) / k);
        }

        return sum / count;
    }
}
