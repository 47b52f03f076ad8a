using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// <c>aurc</c>: thresholds are the distinct scores t_1 &gt; … &gt; t_m; accepting s ≥ t_j (tied samples together) gives
/// coverage φ_j = |A_j|/n and selective risk r_j = errors(A_j)/|A_j|; AURC = Σ_j (φ_j − φ_{j−1})·r_j, φ_0 = 0.
/// </summary>
[BuiltInMetric("aurc", "Area under the risk-coverage curve, a step sum over distinct scores", 110)]
public sealed class Aurc : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Geifman, Uziel & El-Yaniv 2019 (ICLR)") { Minimum = 0, Maximum = 1, Family = MetricFamily.FailurePrediction };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.ScoreGroups);
    }

    /// <summary>AURC from grouped scores (positives = correct).</summary>
    /// <param name="groups">Grouped scores, at least one sample.</param>
    /// <returns>The area under the risk–coverage curve.</returns>
    public static double Of(ScoreGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        double sum = 0;
        long accepted = 0, errors = 0;
        for (var j = 0; j < groups.Values.Length; j++)
        {
            var size = groups.Positives[j] + groups.Negatives[j];
            accepted += size;
            errors += groups.Negatives[j];
            sum += size * ((double)errors / accepted);
        }

        return sum / groups.Count;
    }
}
