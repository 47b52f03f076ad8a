using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// <c>risk_at_80</c>: the selective risk at 80% coverage. Samples are accepted from the highest score down, each group
/// of tied scores whole (as in <see cref="Aurc"/>), until at least 80% of them are accepted, 5·|A| ≥ 4·n in exact
/// integers; the value is errors(A)/|A|. A tie group that crosses the 80% line is accepted whole, so the coverage
/// reached may exceed 80%; this is the point φ = 0.8 of the leaderboard's <c>risk_coverage</c> curve, unrounded.
/// </summary>
[BuiltInMetric("risk_at_80", "Selective risk (error rate among accepted samples) at 80% coverage, tie groups accepted whole", 160)]
public sealed class RiskAt80 : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Geifman & El-Yaniv 2017 (NeurIPS), selective risk at a coverage; ties as in aurc") { Minimum = 0, Maximum = 1, Family = MetricFamily.FailurePrediction };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var groups = context.ScoreGroups;
        long accepted = 0, errors = 0;
        for (var j = 0; j < groups.Values.Length && 5 * accepted < 4L * groups.Count; j++)
        {
            accepted += groups.Positives[j] + groups.Negatives[j];
            errors += groups.Negatives[j];
        }

        return (double)errors / accepted;
    }
}
