using EarlyExitBench.Contracts;

namespace MyMetric;

/// <summary>
/// <c>my_metric</c>: selective risk at 50% coverage, the error rate among the ⌈n/2⌉ samples the method's confidence score
/// ranks highest at the exit (ties at the cut in sample order, as <see cref="ExitMetricContext.ScoreOrder"/> gives them).
/// Lower is better. Once registered it is computed for every method and exit, written under <c>my_metric</c> in the
/// leaderboard's <c>per_exit</c>, correlated with efficiency (it is a proxy) and shown in the report: nothing else to edit.
/// </summary>
public sealed class MyMetric : IEarlyExitPlugin, IExitMetric
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);

        // Metric aliases are leaderboard keys, so they are snake_case (every other kind uses kebab-case).
        // The example is selective risk at 50% coverage (Geifman & El-Yaniv 2017, Selective Classification for Deep Neural
        // Networks, NeurIPS); the description and citation below are placeholders made from this
        // project's name: write your own.
        registrar.Add<IExitMetric>(
            new PluginInfo("my_metric", "MyMetric (metric): replace with one line on what it does, for eebench plugins and the leaderboard")
            {
                Citation = "MyMetric: replace with where the method comes from (authors year, title, venue; or a URL)",
            },
            _ => new MyMetric());
    }

    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Geifman & El-Yaniv 2017 (NeurIPS), risk at coverage 0.5")
    {
        Minimum = 0,
        Maximum = 1,
    };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var order = context.ScoreOrder(context.Exit); // ascending: the most confident samples come last
        var correct = context.Correct(context.Exit);
        if (order.Length == 0)
        {
            return null; // undefined without samples; the leaderboard writes null
        }

        var accepted = (order.Length + 1) / 2;
        var errors = 0;
        for (var j = order.Length - accepted; j < order.Length; j++)
        {
            errors += correct[order[j]] ? 0 : 1;
        }

        return (double)errors / accepted;
    }
}
