namespace EarlyExitBench.Contracts;

/// <summary>
/// A metric kind: one number per exit, such as ECE or AUROC. Every registered metric is computed for every method and
/// exit, written under its alias in the leaderboard's <c>per_exit</c> entries, and, when <see cref="MetricInfo.IsProxy"/>,
/// correlated with efficiency. A new instance serves each exit, so an implementation may keep state; exits of one
/// method may be computed on several threads at once.
/// </summary>
public interface IExitMetric
{
    /// <summary>Which direction is better, where it is defined, and its range.</summary>
    MetricInfo Info { get; }

    /// <summary>The metric at <see cref="ExitMetricContext.Exit"/>.</summary>
    /// <param name="context">That exit's outputs, scores and correctness, and every other exit's.</param>
    /// <returns>The value, or null where it is undefined (for example AUROC when no prediction is wrong).</returns>
    double? Compute(ExitMetricContext context);
}
