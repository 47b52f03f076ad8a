using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Evaluation.Metrics;
using EarlyExitBench.Metrics.Conventions;

namespace EarlyExitBench.Tests.Plugins.Metrics;

/// <summary>
/// The named conventions against values worked out from their published definitions, independently of this code:
/// by hand for the small cases, and with numpy/sklearn (recipe in each comment) for the tied one.
/// </summary>
public class ConventionsTests
{
    // "hand": 7 samples, ties at 0.8 and 0.4; 3 wrong. "ties40": 40 samples with scores on a 1/8 grid (numpy
    // default_rng(11): s = round(rng.random(40)*8)/8; c = rng.random(40) < 0.3 + 0.6*s).
    private static readonly double[] HandScores = [0.9, 0.8, 0.8, 0.6, 0.4, 0.4, 0.2];
    private static readonly bool[] HandCorrect = [true, true, false, true, false, true, false];

    private static readonly double[] TiesScores =
    [
        0.125, 0.5, 0.625, 0.0, 0.125, 0.875, 0.125, 0.125, 1.0, 0.625, 0.375, 0.5, 0.625, 0.25, 0.125, 0.75, 0.625, 0.5, 0.875, 0.5,
        1.0, 0.25, 0.5, 0.5, 0.375, 0.625, 0.25, 0.75, 0.875, 0.125, 0.5, 0.25, 0.125, 0.875, 0.375, 0.125, 0.625, 0.25, 0.875, 0.25,
    ];

    private static readonly bool[] TiesCorrect =
    [
        .. new[] { 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1 }.Select(c => c == 1),
    ];

    [Fact]
    public void AurcTrapezoidByHand()
    {
        // Thresholds 0.9, 0.8, 0.6, 0.4, 0.2 accept 1, 3, 4, 6, 7 samples with 0, 1, 1, 2, 3 errors: selective risks
        // 0, 1/3, 1/4, 1/3, 3/7 at coverages 1/7, 3/7, 4/7, 6/7, 1; plus (0, 0). Trapezoids:
        // (1/7)·0 + (2/7)(0 + 1/3)/2 + (1/7)(1/3 + 1/4)/2 + (2/7)(1/4 + 1/3)/2 + (1/7)(1/3 + 3/7)/2 = 0.22704081632653061
        // (numpy: np.trapz(np.r_[r[0], r], np.r_[0, coverage]) gives 0.2270408163265306).
        Assert.Equal(0.2270408163265306, Compute(new AurcTrapezoid(), HandScores, HandCorrect)!.Value, 15);

        // numpy, same recipe on ties40: 0.1623048333834624.
        Assert.Equal(0.1623048333834624, Compute(new AurcTrapezoid(), TiesScores, TiesCorrect)!.Value, 15);
    }

    [Fact]
    public void OurStepAurcIsTheRightEndpointSumOfTheSameCurve()
    {
        // The built-in aurc on the same curve: Σ Δφ·r = (2/7)(1/3) + (1/7)(1/4) + (2/7)(1/3) + (1/7)(3/7) = 0.28741496598639454.
        Assert.Equal(0.28741496598639454, Compute(BuiltInMetrics.All.Single(m => m.Name == "aurc").Create(), HandScores, HandCorrect)!.Value, 15);
    }

    [Fact]
    public void Fpr95FdShiftsCutsAtTpr09495()
    {
        // 2,000 correct samples above 1 wrong one, which sits between the 1,899th and the 1,900th correct by score.
        // fd-shifts' cut: TPR 1899/2000 = 0.9495 already qualifies, no wrong sample accepted: FPR 0.
        // Exact 95% needs the 1,900th correct, below the wrong one: FPR 1 (the built-in fpr95).
        var scores = Enumerable.Range(0, 2001).Select(i => 3000.0 - i).ToArray();
        var correct = Enumerable.Range(0, 2001).Select(i => i != 1899).ToArray();

        Assert.Equal(0.0, Compute(new Fpr95FdShifts(), scores, correct));
        Assert.Equal(1.0, Compute(BuiltInMetrics.All.Single(m => m.Name == "fpr95").Create(), scores, correct));

        // sklearn: fpr, tpr = roc_curve(c, s, drop_intermediate=False); fpr[tpr >= 0.9495].min() → 2/3 and 10/11.
        Assert.Equal(2.0 / 3, Compute(new Fpr95FdShifts(), HandScores, HandCorrect)!.Value, 15);
        Assert.Equal(10.0 / 11, Compute(new Fpr95FdShifts(), TiesScores, TiesCorrect)!.Value, 15);
        Assert.Null(Compute(new Fpr95FdShifts(), [0.5, 0.2], [true, true]));
    }

    /// <summary>One exit, two classes, label 0: a correct sample predicts class 0, a wrong one class 1.</summary>
    internal static double? Compute(IExitMetric metric, double[] scores, bool[] correct)
    {
        var n = scores.Length;
        var probabilities = new ClassMatrix([.. correct.SelectMany(c => c ? new[] { 0.75f, 0.25f } : [0.25f, 0.75f])], n, 2);
        var definition = new MetricDefinition("m", "m", metric.Info, () => metric);
        var input = new EvaluationInput([probabilities], [scores], new int[n], [1.0], Metrics: [definition]);
        return MethodEvaluator.Evaluate(input).PerExit[0]["m"];
    }
}
