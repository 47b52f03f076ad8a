using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// <c>eefp_auroc</c> (exit-aware failure prediction, this project's definition): at exit k &lt; K a sample is safe to stop
/// when stopping costs no accuracy, c_k = 1 or c_K = 0; the <see cref="Auroc"/> of s_k for safe against not. Null at the
/// last exit, or when every sample is safe or none is.
/// </summary>
[BuiltInMetric("eefp_auroc", "AUROC of the score for safe to stop (correct here, or the last exit is wrong too); null at the last exit", 140)]
public sealed class EefpAuroc : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.HigherIsBetter, "EarlyExitBench, docs/contributors/metrics.md") { Minimum = 0, Maximum = 1, MayBeUndefined = true, Family = MetricFamily.FailurePrediction };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Exit == context.Exits - 1 ? null : Auroc.Of(context.SafeToStopGroups);
    }
}
