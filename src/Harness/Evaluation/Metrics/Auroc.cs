using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// <c>auroc</c> = P(s of a random correct sample &gt; s of a random wrong one) + ½·P(equal), from the Mann–Whitney U in
/// exact integer counts; null when every prediction is right or every one wrong.
/// </summary>
[BuiltInMetric("auroc", "Failure-prediction AUROC of the score, correct vs wrong, ties count one half", 80)]
public sealed class Auroc : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.HigherIsBetter, "Hendrycks & Gimpel 2017 (ICLR)") { Minimum = 0, Maximum = 1, MayBeUndefined = true, Family = MetricFamily.FailurePrediction };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.ScoreGroups);
    }

    /// <summary>AUROC of the groups' scores for positives against negatives, ties counted ½.</summary>
    /// <param name="groups">Grouped scores; positives are the class expected to score higher.</param>
    /// <returns>The AUROC, or null when either class is empty.</returns>
    public static double? Of(ScoreGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.PositiveTotal == 0 || groups.NegativeTotal == 0)
        {
            return null;
        }

        // 2U = Σ_groups positives·(2·negatives strictly below + negatives tied).
        long twiceU = 0;
        long negativesBelow = groups.NegativeTotal;
        for (var j = 0; j < groups.Values.Length; j++)
        {
            negativesBelow -= groups.Negatives[j];
            twiceU += groups.Positives[j] * ((2 * negativesBelow) + groups.Negatives[j]);
        }

        return twiceU / (2.0 * groups.PositiveTotal * groups.NegativeTotal);
    }
}
