using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// A metric plugin behind the plugin-call boundary: if it throws or returns NaN or ∞ at an exit, its value there is
/// null and the failure is reported once for the method; the method and every other metric keep their values.
/// </summary>
/// <param name="plugin">The metric's registration.</param>
/// <param name="create">Makes the plugin's instance for one exit.</param>
/// <param name="limit">Each call's time limit and the run's cancellation.</param>
/// <param name="report">Called with each failure and the exit (0-based) it happened at, from any thread: exits are computed in parallel, so the caller picks which to keep.</param>
internal sealed class GuardedMetric(ResolvedPlugin plugin, Func<IExitMetric> create, CallLimit limit, Action<int, PluginFailure> report) : IExitMetric
{
    public MetricInfo Info => throw new NotSupportedException("The plan holds each metric's info.");

    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stage = $"compute (exit {context.Exit + 1})";
        try
        {
            var value = limit.Run(plugin, stage, _ => (object?)create().Compute(context) ?? Undefined.Value);
            return value is double number
                ? double.IsFinite(number) ? number : throw new PluginFailure("metric", plugin.Label, stage, $"returned {number}; a metric is a finite number or null")
                : null;
        }
        catch (PluginFailure failure)
        {
            report(context.Exit, failure);
            return null;
        }
    }

    // PluginCall treats null as a failure; a metric's null means "undefined here".
    private sealed class Undefined
    {
        public static readonly Undefined Value = new();
    }
}
