using System.Globalization;
using System.Text.RegularExpressions;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Testing;

/// <summary>
/// The checks the host makes on every plugin output before it uses it, as plain functions: each returns null when the
/// output is acceptable, else the reason, worded as the host reports it. eebench's checked adapters call these very
/// functions, so a plugin that passes them here is not refused there for the same reason.
/// </summary>
public static partial class OutputChecks
{
    /// <summary>
    /// How far a probability row's sum may be from 1: float32 rounding of a softmax over a thousand classes stays near
    /// 1e-5, while a calibrator that forgets to normalise misses by far more.
    /// </summary>
    public const double RowSumTolerance = 1e-3;

    /// <summary>A calibrator's probabilities for <paramref name="logits"/>: the same shape, each value in [0, 1], each row summing to 1.</summary>
    /// <param name="probabilities">What <see cref="IFittedCalibrator.Apply"/> returned.</param>
    /// <param name="logits">What it was given.</param>
    /// <returns>Null, or the first problem.</returns>
    public static string? Probabilities(ClassMatrix probabilities, ClassMatrix logits)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(logits);
        if (Shape(probabilities, logits) is { } shape)
        {
            return shape;
        }

        var values = probabilities.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]) || values[i] < 0 || values[i] > 1.0001f)
            {
                return $"probability {values[i]} at sample {i / logits.Columns}, class {i % logits.Columns} is not in [0, 1]";
            }
        }

        for (var row = 0; row < probabilities.Rows; row++)
        {
            var sum = 0.0;
            foreach (var p in probabilities.Row(row))
            {
                sum += p;
            }

            if (Math.Abs(sum - 1) > RowSumTolerance)
            {
                return $"the probabilities of sample {row} sum to {sum.ToString("G6", CultureInfo.InvariantCulture)}, not 1 (±{RowSumTolerance.ToString(CultureInfo.InvariantCulture)}): ECE, Brier and NLL of such rows are not those of a distribution";
            }
        }

        return null;
    }

    /// <summary>A logit calibrator's calibrated logits (<see cref="ILogitCalibration"/>): the same shape, every value finite.</summary>
    /// <param name="calibrated">What <see cref="ILogitCalibration.CalibrateLogits"/> returned.</param>
    /// <param name="logits">What it was given.</param>
    /// <returns>Null, or the first problem.</returns>
    public static string? CalibratedLogits(ClassMatrix calibrated, ClassMatrix logits)
    {
        ArgumentNullException.ThrowIfNull(calibrated);
        ArgumentNullException.ThrowIfNull(logits);
        if (ReferenceEquals(calibrated, logits))
        {
            return null;
        }

        if (Shape(calibrated, logits) is { } shape)
        {
            return shape;
        }

        var bad = calibrated.Values.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
        return bad >= 0 ? $"calibrated logit {calibrated.Values[bad]} at sample {bad / logits.Columns}, class {bad % logits.Columns} is not finite" : null;
    }

    /// <summary>A confidence scorer's scores for one exit: one per sample, each finite.</summary>
    /// <param name="scores">What <see cref="IConfidenceScorer.Score"/> returned.</param>
    /// <param name="samples">How many samples it was given.</param>
    /// <returns>Null, or the first problem.</returns>
    public static string? Scores(double[] scores, int samples)
    {
        if (scores is null)
        {
            return $"returned no scores for {samples} samples";
        }

        if (scores.Length != samples)
        {
            return $"returned {scores.Length} scores for {samples} samples";
        }

        var bad = Array.FindIndex(scores, s => !double.IsFinite(s));
        return bad >= 0 ? $"score {scores[bad]} at sample {bad} is not finite" : null;
    }

    /// <summary>An exit policy's assignments: at least one, and in each an exit in 0..K−1 for every test sample.</summary>
    /// <param name="assignments">What <see cref="IExitPolicy.Assign"/> returned.</param>
    /// <param name="samples">The number of test samples.</param>
    /// <param name="exits">The number of exits K.</param>
    /// <returns>Null, or the first problem with the assignment's setting, if it has one.</returns>
    public static (string? Setting, string Problem)? ExitAssignments(IReadOnlyList<ExitAssignment> assignments, int samples, int exits)
    {
        if (assignments is null || assignments.Count == 0)
        {
            return (null, "returned no operating points");
        }

        foreach (var assignment in assignments)
        {
            var perSample = assignment?.ExitPerSample;
            if (perSample is null || perSample.Length != samples || perSample.Any(e => e < 0 || e >= exits))
            {
                return (assignment?.Setting, $"must give an exit in 0..{exits - 1} for each of the {samples} test samples");
            }
        }

        return null;
    }

    /// <summary>
    /// The alias style the host enforces at registration: lower-case kebab-case (<c>max-logit</c>) for every kind a suite
    /// names, snake_case for metrics, whose aliases are leaderboard keys (<c>adaptive_ece</c>).
    /// </summary>
    /// <param name="alias">The alias.</param>
    /// <param name="isMetric">Whether it names a metric.</param>
    /// <returns>Null when it follows the style, else the style it must follow.</returns>
    public static string? AliasStyle(string alias, bool isMetric) =>
        alias is not null && (isMetric ? SnakeCase() : KebabCase()).IsMatch(alias)
            ? null
            : isMetric
                ? "snake_case (lower-case letters and digits joined by single underscores, e.g. 'adaptive_ece'): metric names are leaderboard keys"
                : "kebab-case (lower-case letters and digits joined by single hyphens, e.g. 'max-logit')";

    private static string? Shape(ClassMatrix output, ClassMatrix input) =>
        output.Rows != input.Rows || output.Columns != input.Columns ? $"returned {output.Rows}×{output.Columns} for {input.Rows}×{input.Columns} logits" : null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
