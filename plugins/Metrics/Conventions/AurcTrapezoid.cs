using EarlyExitBench.Contracts;

namespace EarlyExitBench.Metrics.Conventions;

/// <summary>
/// <c>aurc_trapezoid</c>: the selective risk–coverage curve integrated by the trapezoid rule, as fd-shifts does
/// (docs/contributors/metrics.md, "aurc_trapezoid"): points (φ_j, r_j) at the distinct scores t_1 &gt; … &gt; t_m, plus (0, r_1) at zero
/// coverage; area Σ_j (φ_j − φ_{j−1})·(r_j + r_{j−1})/2. Reported as a fraction; fd-shifts tables show it ×1000.
/// </summary>
public sealed class AurcTrapezoid : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Jaeger et al. 2023 (ICLR), fd-shifts rc_stats, linear interpolation") { Minimum = 0, Maximum = 1, Family = MetricFamily.FailurePrediction };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var groups = context.ScoreGroups;
        double area = 0, previousRisk = double.NaN;
        long accepted = 0, errors = 0;
        for (var j = 0; j < groups.Values.Length; j++)
        {
            var (correct, wrong) = (groups.Positives[j], groups.Negatives[j]);
            accepted += correct + wrong;
            errors += wrong;
            var risk = (double)errors / accepted;
            area += (double)(correct + wrong) / groups.Count * (risk + (double.IsNaN(previousRisk) ? risk : previousRisk)) / 2;
            previousRisk = risk;
        }

        return area;
    }
}
