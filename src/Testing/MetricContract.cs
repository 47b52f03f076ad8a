using System.Globalization;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Testing;

/// <summary>
/// What eebench relies on from a metric, checked at every exit of a <see cref="SyntheticBundle"/> (the
/// <c>identity + msp</c> method): a finite value inside the range its <see cref="MetricInfo"/> declares, null only where it
/// says it <see cref="MetricInfo.MayBeUndefined"/>, the same value twice, and the same value whatever the order of the
/// samples (a metric is a property of the set; the host's sample order is not part of any result).
/// </summary>
public static class MetricContract
{
    /// <summary>Checks the metric <paramref name="plugin"/> registers as <paramref name="alias"/>, with default options.</summary>
    /// <param name="plugin">The plugin entry point.</param>
    /// <param name="alias">The metric's alias (snake_case).</param>
    /// <exception cref="ContractViolation">A promise is broken; the message says which, where and what was seen.</exception>
    public static void Check(IEarlyExitPlugin plugin, string alias)
    {
        var registration = PluginRecorder.Find<IExitMetric>(plugin, alias);
        Check(registration.Info, () => registration.Create<IExitMetric>());
    }

    /// <summary>Checks a metric made by <paramref name="create"/>.</summary>
    /// <param name="info">Its registration.</param>
    /// <param name="create">A new instance.</param>
    /// <exception cref="ContractViolation">A promise is broken.</exception>
    public static void Check(PluginInfo info, Func<IExitMetric> create)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(create);
        var who = $"metric '{info.Alias}'";
        var metric = create();
        var metricInfo = Promise.Call(who, "Info", () => metric.Info) ?? throw new ContractViolation($"{who}: Info is null");
        var bundle = SyntheticBundle.Create(exits: 3, samples: 500, classes: 10, seed: 5);
        var shuffled = Enumerable.Range(0, bundle.TestLabels.Length).Reverse().ToArray();
        for (var k = 0; k < bundle.Exits; k++)
        {
            var value = Compute(who, metric, new SyntheticMetricContext(bundle.TestLogits, bundle.TestLabels, k), k);
            if (value is null)
            {
                if (!metricInfo.MayBeUndefined)
                {
                    throw new ContractViolation($"{who}: returned null at exit {k + 1} of {bundle.Exits}, but its MetricInfo does not say MayBeUndefined");
                }

                continue;
            }

            if (!double.IsFinite(value.Value) || value < metricInfo.Minimum || value > metricInfo.Maximum)
            {
                throw new ContractViolation($"{who}: returned {F(value.Value)} at exit {k + 1}, outside its declared range [{F(metricInfo.Minimum ?? double.NegativeInfinity)}, {F(metricInfo.Maximum ?? double.PositiveInfinity)}] or not finite");
            }

            var again = Compute(who, create(), new SyntheticMetricContext(bundle.TestLogits, bundle.TestLabels, k), k);
            if (again != value)
            {
                throw new ContractViolation($"{who}: returned {F(value.Value)} and then {again?.ToString(CultureInfo.InvariantCulture) ?? "null"} at exit {k + 1} on the same data");
            }

            var reordered = Compute(who, create(), new SyntheticMetricContext(bundle.TestLogits, bundle.TestLabels, k, shuffled), k);
            if (reordered is null || Math.Abs(reordered.Value - value.Value) > 1e-9 * Math.Max(1, Math.Abs(value.Value)))
            {
                throw new ContractViolation($"{who}: returned {F(value.Value)} at exit {k + 1}, but {reordered?.ToString(CultureInfo.InvariantCulture) ?? "null"} on the same samples in another order");
            }
        }
    }

    private static double? Compute(string who, IExitMetric metric, ExitMetricContext context, int exit) =>
        Promise.Call(who, $"compute (exit {exit + 1})", () => metric.Compute(context));

    private static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
