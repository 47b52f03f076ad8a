using System.Reflection;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// The metrics the host ships: every <see cref="IExitMetric"/> in this folder marked <see cref="BuiltInMetricAttribute"/>,
/// registered like any plugin's and computed on the same public <see cref="ExitMetricContext"/>. Each is defined exactly,
/// ties, bins and edge cases included, in its class and docs/contributors/metrics.md; the keys and values are those of every earlier
/// leaderboard.
/// </summary>
public static class BuiltInMetrics
{
    /// <summary>The built-in metrics, in leaderboard order.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } = Collect();

    /// <summary>Registers the built-in metrics.</summary>
    /// <param name="registrar">The host's registrar.</param>
    public static void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        foreach (var metric in All)
        {
            registrar.Add<IExitMetric>(new PluginInfo(metric.Name, metric.Description) { Citation = metric.Info.Citation }, _ => metric.Create());
        }
    }

    private static List<MetricDefinition> Collect() =>
        typeof(BuiltInMetrics).Assembly.GetTypes()
            .Select(type => (Type: type, Mark: type.GetCustomAttribute<BuiltInMetricAttribute>()))
            .Where(t => t.Mark is not null)
            .OrderBy(t => t.Mark!.Order)
            .Select(t =>
            {
                IExitMetric Create() => (IExitMetric)Activator.CreateInstance(t.Type)!;
                return new MetricDefinition(t.Mark!.Alias, t.Mark.Description, Create().Info, Create);
            })
            .ToList();
}
