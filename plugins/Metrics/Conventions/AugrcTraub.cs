using EarlyExitBench.Contracts;

namespace EarlyExitBench.Metrics.Conventions;

/// <summary>
/// <c>augrc_traub</c>: AUGRC as Traub et al. (2024) publish it, err·acc·(1 − AUROC) + err²/2 with AUROC counting ties
/// ½ (docs/contributors/metrics.md, "augrc_traub"). This is the trapezoid under the generalized risk–coverage curve from (0, 0), what
/// fd-shifts reports (×1000 in its tables); the built-in <c>augrc</c>, a step sum, is larger by err/(2n) without ties.
/// When every prediction is right (or every one wrong) the AUROC term vanishes: 0 (or ½).
/// </summary>
public sealed class AugrcTraub : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Traub et al. 2024 (NeurIPS), eq. for binary residuals; fd-shifts augrc") { Minimum = 0, Maximum = 0.5, Family = MetricFamily.FailurePrediction };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var groups = context.ScoreGroups;
        var error = (double)groups.NegativeTotal / groups.Count;
        var accuracy = (double)groups.PositiveTotal / groups.Count;
        return (error * accuracy * (1 - (Auroc(groups) ?? 0))) + (error * error / 2);
    }

    /// <summary>P(score of a random correct sample &gt; that of a random wrong one), ties ½; null if either is absent.</summary>
    private static double? Auroc(ScoreGroups groups)
    {
        if (groups.PositiveTotal == 0 || groups.NegativeTotal == 0)
        {
            return null;
        }

        double pairs = 0;
        long wrongBelow = groups.NegativeTotal;
        for (var j = 0; j < groups.Values.Length; j++)
        {
            wrongBelow -= groups.Negatives[j];
            pairs += groups.Positives[j] * (wrongBelow + (0.5 * groups.Negatives[j]));
        }

        return pairs / ((double)groups.PositiveTotal * groups.NegativeTotal);
    }
}
