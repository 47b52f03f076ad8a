using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary><c>accuracy</c> = n_c / n, the share of samples whose prediction is the label. An ingredient of efficiency, not a proxy.</summary>
[BuiltInMetric("accuracy", "Share of samples whose prediction (argmax) is the label; not a proxy", 10)]
public sealed class Accuracy : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.HigherIsBetter, "top-1 accuracy") { Minimum = 0, Maximum = 1, IsProxy = false, Family = MetricFamily.Other };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hits = 0;
        foreach (var correct in context.Correct(context.Exit))
        {
            hits += correct ? 1 : 0;
        }

        return (double)hits / context.Labels.Length;
    }
}
