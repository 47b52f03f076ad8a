using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>A built-in metric: a formula over the harness's own <see cref="ExitContext"/>, whose sorts and sums it shares.</summary>
internal sealed class HostMetric(MetricInfo info, Func<ExitContext, double?> compute) : IExitMetric
{
    public MetricInfo Info => info;

    public double? Compute(ExitMetricContext context) => context is ExitContext own
        ? compute(own)
        : throw new ArgumentException("Built-in metrics read the harness's own context.", nameof(context));
}
