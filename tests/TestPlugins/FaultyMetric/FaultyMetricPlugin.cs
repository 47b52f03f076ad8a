using EarlyExitBench.Contracts;

namespace TestPlugin.FaultyMetric;

/// <summary>Metrics that fail as real ones do: one throws at the second exit, one returns NaN; plus one that works.</summary>
public sealed class FaultyMetricPlugin : IEarlyExitPlugin
{
    public void Register(IPluginRegistrar registrar)
    {
        registrar.Add<IExitMetric>("throws_at_exit2", "throws at exit 2", _ => new ThrowsAtExit2());
        registrar.Add<IExitMetric>("nan_metric", "returns NaN", _ => new NanMetric());
        registrar.Add<IExitMetric>("last_exit_accuracy", "accuracy of the last exit, whatever the exit (reads another exit)", _ => new LastExitAccuracy());
    }
}

internal sealed class ThrowsAtExit2 : IExitMetric
{
    public MetricInfo Info { get; } = new(MetricDirection.HigherIsBetter, "fixture");

    public double? Compute(ExitMetricContext context) => context.Exit == 1 ? throw new InvalidOperationException("fixture: exit 2 fails") : context.Exit;
}

internal sealed class NanMetric : IExitMetric
{
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "fixture");

    public double? Compute(ExitMetricContext context) => double.NaN;
}

internal sealed class LastExitAccuracy : IExitMetric
{
    public MetricInfo Info { get; } = new(MetricDirection.HigherIsBetter, "fixture") { IsProxy = false };

    public double? Compute(ExitMetricContext context)
    {
        var correct = context.Correct(context.Exits - 1);
        var hits = 0;
        foreach (var c in correct)
        {
            hits += c ? 1 : 0;
        }

        return (double)hits / correct.Length;
    }
}
