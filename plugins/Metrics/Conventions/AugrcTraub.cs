using EarlyExitBench.Contracts;

namespace EarlyExitBench.Metrics.Conventions;

/// <summary>
/// <c>augrc_traub</c>: AUGRC as Traub et al. (2024) publish it, err·acc·(1 − AUROC) + err²/2 with AUROC counting ties
/// ½ (docs/metrics.md, "augrc_traub"). This is the trapezoid under the generalized risk–coverage curve from (0, 0), what
/// fd-shifts reports (×1000 in its tables); the built-in <c>augrc</c>, a step sum, is larger by err/(2n) without ties.
/// When every prediction is right (or every one wrong) the AUROC term vanishes: 0 (or ½).
/// </summary>
public sealed class AugrcTraub : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Traub et al. 2024 (NeurIPS), eq. for binary residuals; fd-shifts augrc") { Minimum = 0, Maximum = 0.5 };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ranked = RankedScores.Of(context);
        var error = (double)ranked.WrongTotal / ranked.Count;
        var accuracy = (double)ranked.CorrectTotal / ranked.Count;
        return (error * accuracy * (1 - (ranked.Auroc() ?? 0))) + (error * error / 2);
    }
}
