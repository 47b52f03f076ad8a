using System.Runtime.CompilerServices;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// Failure-prediction metrics of a confidence score against correctness (docs/metrics.md, "Failure prediction").
/// Scores must not be NaN; higher means more likely correct. Tied scores are accepted or rejected together.
/// Each metric has an overload on <see cref="ScoreGroups"/> (positives = correct) so one sort can serve them all.
/// </summary>
public static class FailureMetrics
{
    /// <summary>AUROC_f = P(s_correct &gt; s_wrong) + ½·P(tie).</summary>
    /// <param name="scores">Confidence score per sample.</param>
    /// <param name="correct">Whether each sample is correct.</param>
    /// <returns>The AUROC, or null when all samples are correct or all wrong.</returns>
    public static double? Auroc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> correct)
        => Auroc(ScoreGroups.Create(scores, correct));

    /// <summary>AUROC of the groups' scores for positives against negatives, ties counted ½ (Mann–Whitney U, exact integers).</summary>
    /// <param name="groups">Grouped scores; positives are the class expected to score higher.</param>
    /// <returns>The AUROC, or null when either class is empty.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double? Auroc(ScoreGroups groups)
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

    /// <summary>
    /// AUPR-Error: average precision of −s for detecting wrong predictions. Thresholds are the distinct scores from the
    /// lowest up; AP = Σ_j (R_j − R_{j−1})·P_j with recall R and precision P after accepting every sample with s ≤ t_j.
    /// </summary>
    /// <param name="scores">Confidence score per sample.</param>
    /// <param name="correct">Whether each sample is correct.</param>
    /// <returns>The average precision; null when no sample is wrong; 1 when all are wrong.</returns>
    public static double? AuprError(ReadOnlySpan<double> scores, ReadOnlySpan<bool> correct)
        => AuprError(ScoreGroups.Create(scores, correct));

    /// <summary>AUPR-Error from grouped scores (positives = correct).</summary>
    /// <param name="groups">Grouped scores.</param>
    /// <returns>The average precision; null when no sample is wrong.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double? AuprError(ScoreGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var wrongTotal = groups.NegativeTotal;
        if (wrongTotal == 0)
        {
            return null;
        }

        double ap = 0;
        long flagged = 0, flaggedWrong = 0;
        for (var j = groups.Values.Length - 1; j >= 0; j--)
        {
            flagged += groups.Positives[j] + groups.Negatives[j];
            flaggedWrong += groups.Negatives[j];
            if (groups.Negatives[j] > 0)
            {
                ap += (double)groups.Negatives[j] / wrongTotal * ((double)flaggedWrong / flagged);
            }
        }

        return ap;
    }

    /// <summary>
    /// FPR at 95% TPR: with t the largest distinct score such that accepting s ≥ t keeps at least 95% of the correct
    /// samples, the share of wrong samples with s ≥ t.
    /// </summary>
    /// <param name="scores">Confidence score per sample.</param>
    /// <param name="correct">Whether each sample is correct.</param>
    /// <returns>The false-positive rate, or null when all samples are correct or all wrong.</returns>
    public static double? Fpr95Tpr(ReadOnlySpan<double> scores, ReadOnlySpan<bool> correct)
        => Fpr95Tpr(ScoreGroups.Create(scores, correct));

    /// <summary>FPR@95TPR from grouped scores (positives = correct).</summary>
    /// <param name="groups">Grouped scores.</param>
    /// <returns>The false-positive rate, or null when either class is empty.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double? Fpr95Tpr(ScoreGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.PositiveTotal == 0 || groups.NegativeTotal == 0)
        {
            return null;
        }

        long acceptedCorrect = 0, acceptedWrong = 0;
        for (var j = 0; j < groups.Values.Length; j++)
        {
            acceptedCorrect += groups.Positives[j];
            acceptedWrong += groups.Negatives[j];

            // TPR ≥ 0.95 in exact integers.
            if (100 * acceptedCorrect >= 95L * groups.PositiveTotal)
            {
                break;
            }
        }

        return (double)acceptedWrong / groups.NegativeTotal;
    }

    /// <summary>AURC = Σ_j (φ_j − φ_{j−1})·r_j over the distinct scores t_1 &gt; … &gt; t_m, accepting s ≥ t_j.</summary>
    /// <param name="scores">Confidence score per sample.</param>
    /// <param name="correct">Whether each sample is correct.</param>
    /// <returns>The area under the risk–coverage curve.</returns>
    public static double Aurc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> correct)
        => Aurc(ScoreGroups.Create(scores, correct));

    /// <summary>AURC from grouped scores (positives = correct).</summary>
    /// <param name="groups">Grouped scores.</param>
    /// <returns>The area under the risk–coverage curve.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Aurc(ScoreGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        double sum = 0;
        long accepted = 0, errors = 0;
        for (var j = 0; j < groups.Values.Length; j++)
        {
            var size = groups.Positives[j] + groups.Negatives[j];
            accepted += size;
            errors += groups.Negatives[j];
            sum += size * ((double)errors / accepted);
        }

        return sum / groups.Count;
    }

    /// <summary>AURC* of a perfect ranking: (1/n) Σ_{k=n_c+1..n} (k − n_c)/k.</summary>
    /// <param name="count">Number of samples n ≥ 1.</param>
    /// <param name="correctCount">Number of correct samples n_c.</param>
    /// <returns>The optimal AURC.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double AurcOptimal(int count, int correctCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegative(correctCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(correctCount, count);

        // Same term shape and order as Aurc, so a tie-free perfect ranking gives E-AURC = 0 exactly.
        double sum = 0;
        for (var k = correctCount + 1; k <= count; k++)
        {
            sum += 1 * ((double)(k - correctCount) / k);
        }

        return sum / count;
    }

    /// <summary>E-AURC = AURC − AURC*.</summary>
    /// <param name="scores">Confidence score per sample.</param>
    /// <param name="correct">Whether each sample is correct.</param>
    /// <returns>The excess AURC, ≥ 0 up to rounding.</returns>
    public static double Eaurc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> correct)
        => Eaurc(ScoreGroups.Create(scores, correct));

    /// <summary>E-AURC from grouped scores (positives = correct).</summary>
    /// <param name="groups">Grouped scores.</param>
    /// <returns>The excess AURC.</returns>
    public static double Eaurc(ScoreGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return Aurc(groups) - AurcOptimal(groups.Count, groups.PositiveTotal);
    }

    /// <summary>AUGRC = Σ_j (φ_j − φ_{j−1})·errors(A_j)/n (Traub et al. 2024).</summary>
    /// <param name="scores">Confidence score per sample.</param>
    /// <param name="correct">Whether each sample is correct.</param>
    /// <returns>The area under the generalized risk–coverage curve.</returns>
    public static double Augrc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> correct)
        => Augrc(ScoreGroups.Create(scores, correct));

    /// <summary>AUGRC from grouped scores (positives = correct), in exact integers until the final division.</summary>
    /// <param name="groups">Grouped scores.</param>
    /// <returns>The area under the generalized risk–coverage curve.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Augrc(ScoreGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        long sum = 0, errors = 0;
        for (var j = 0; j < groups.Values.Length; j++)
        {
            errors += groups.Negatives[j];
            sum += (groups.Positives[j] + groups.Negatives[j]) * errors;
        }

        return sum / ((double)groups.Count * groups.Count);
    }

    /// <summary>
    /// Exit-aware failure prediction at a non-final exit: AUROC of that exit's score for "safe to stop", i.e. the exit is
    /// correct or the last exit is wrong too.
    /// </summary>
    /// <param name="scores">Score of the exit per sample.</param>
    /// <param name="correct">Correctness at this exit.</param>
    /// <param name="correctAtLast">Correctness at the last exit.</param>
    /// <returns>The AUROC, or null when every sample is safe or none is.</returns>
    public static double? EefpAuroc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> correct, ReadOnlySpan<bool> correctAtLast)
        => Auroc(ScoreGroups.Create(scores, SafeToStop(correct, correctAtLast)));

    /// <summary>Kendall τ_b between two score vectors; see <see cref="RankCorrelation.KendallTauB"/>.</summary>
    /// <param name="x">First values.</param>
    /// <param name="y">Second values, same length.</param>
    /// <returns>τ_b, or null when fewer than 2 samples or either side is constant.</returns>
    public static double? KendallTauB(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => RankCorrelation.KendallTauB(x, y);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool[] SafeToStop(ReadOnlySpan<bool> correct, ReadOnlySpan<bool> correctAtLast)
    {
        if (correct.Length != correctAtLast.Length)
        {
            throw new ArgumentException("Correctness vectors must have the same length.", nameof(correctAtLast));
        }

        var safe = new bool[correct.Length];
        for (var i = 0; i < safe.Length; i++)
        {
            safe[i] = correct[i] || !correctAtLast[i];
        }

        return safe;
    }
}
