using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// The risk–coverage curve of one exit's score on a fixed grid of coverages, small enough to keep in every leaderboard
/// entry. At coverage φ the accepted set is the smallest run of top-scored samples, whole tie groups at a time (as in
/// AURC), that covers at least φ·n samples; its selective risk is errors / accepted.
/// </summary>
public static class RiskCoverage
{
    /// <summary>Number of grid points.</summary>
    public const int Points = 50;

    /// <summary>The coverages φ_j = j / <see cref="Points"/>, j = 1..<see cref="Points"/>.</summary>
    public static IReadOnlyList<double> Grid { get; } = Enumerable.Range(1, Points).Select(j => (double)j / Points).ToArray();

    /// <summary>Every exit's curve, exits in parallel (each is a sort of its own scores); the same values as one by one.</summary>
    /// <param name="scores">Confidence scores per exit.</param>
    /// <param name="correct">Whether each prediction is correct, per exit.</param>
    public static List<double[]> Curves(IReadOnlyList<double[]> scores, IReadOnlyList<bool[]> correct)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(correct);
        var curves = new double[scores.Count][];
        Parallel.For(0, curves.Length, k => curves[k] = Curve(scores[k], correct[k]));
        return [.. curves];
    }

    /// <summary>Selective risk at each coverage of <see cref="Grid"/>.</summary>
    /// <param name="scores">[n] confidence scores, higher = accepted first.</param>
    /// <param name="correct">[n] correctness.</param>
    public static double[] Curve(double[] scores, bool[] correct)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(correct);
        var groups = ScoreGroups.Create(scores, ScoreOrder.Create(scores).Order, correct);
        var n = groups.Count;
        var risks = new double[Points];
        long accepted = 0, errors = 0;
        var g = 0;
        for (var j = 0; j < Points; j++)
        {
            // Integer comparison: φ_j·n samples is (j+1)·n / Points exactly.
            var needed = (((long)(j + 1) * n) + Points - 1) / Points;
            while (accepted < needed && g < groups.Values.Length)
            {
                accepted += groups.Positives[g] + groups.Negatives[g];
                errors += groups.Negatives[g];
                g++;
            }

            risks[j] = Math.Round((double)errors / Math.Max(accepted, 1), 6);
        }

        return risks;
    }
}
