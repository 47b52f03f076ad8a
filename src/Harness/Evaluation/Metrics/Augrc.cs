using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// <c>augrc</c>: as <see cref="Aurc"/> with the generalized risk g_j = errors(A_j)/n: Σ_j (φ_j − φ_{j−1})·g_j, a step sum
/// in exact integers until the final division (Traub et al. 2024 publish the trapezoid: plugin <c>augrc_traub</c>).
/// </summary>
[BuiltInMetric("augrc", "Area under the generalized risk-coverage curve, a step sum (not the trapezoid of fd-shifts)", 130)]
public sealed class Augrc : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Traub et al. 2024 (NeurIPS), step-sum convention") { Minimum = 0, Maximum = 1, Family = MetricFamily.FailurePrediction };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.ScoreGroups);
    }

    /// <summary>AUGRC from grouped scores (positives = correct).</summary>
    /// <param name="groups">Grouped scores, at least one sample.</param>
    /// <returns>The area under the generalized risk–coverage curve.</returns>
    public static double Of(ScoreGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        long sum = 0, errors = 0;
        for (var j = 0; j < groups.Values.Length; j++)
        {
            errors += groups.Negatives[j];
            sum += (groups.Positives[j] + groups.Negatives[j]) * errors;
        }

        return sum / ((double)groups.Count * groups.Count);
    }
}
