using EarlyExitBench.Contracts;
using EarlyExitBench.FailurePredictors.Standard;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Tests.Plugins.FailurePredictors;

public class ExitAwareScoreTests
{
    private const int Classes = 10;
    private static readonly double[] Costs = [1, 2, 3];

    /// <summary>
    /// Three exits whose peak height (so msp) is random and says nothing about correctness, while correctness is
    /// chained: the last exit is right 80% of the time, exit 1 mostly when the last is, exit 0 mostly when exit 1 is.
    /// Two exits that are both right agree; two wrong ones rarely do, so agreement with earlier exits is the signal.
    /// </summary>
    private static (MultiExitOutputs Outputs, int[] Labels) Generate(int samples, int seed)
    {
        var random = new Random(seed);
        var labels = new int[samples];
        var rows = Enumerable.Range(0, 3).Select(_ => new double[samples][]).ToArray();
        int Other(int avoid) => (avoid + 1 + random.Next(Classes - 1)) % Classes;
        double[] Peaked(int at) => Enumerable.Range(0, Classes).Select(c => (c == at ? 1 + (3 * random.NextDouble()) : 0) + (0.3 * Synthetic.Gaussian(random))).ToArray();
        for (var i = 0; i < samples; i++)
        {
            labels[i] = random.Next(Classes);
            var last = random.NextDouble() < 0.8;
            var middle = random.NextDouble() < (last ? 0.65 : 0.15);
            var first = random.NextDouble() < (middle ? 0.85 : 0.1);
            bool[] correct = [first, middle, last];
            for (var k = 0; k < 3; k++)
            {
                rows[k][i] = Peaked(correct[k] ? labels[i] : Other(labels[i]));
            }
        }

        var logits = rows.Select(Synthetic.Matrix).ToArray();
        return (new MultiExitOutputs(logits, logits.Select(l => Probabilities.Softmax(l)).ToArray()), labels);
    }

    private static bool[] Correct(MultiExitOutputs outputs, int exit, int[] labels) =>
        labels.Select((y, i) => Synthetic.Argmax(outputs.Probabilities[exit].Row(i)) == y).ToArray();

    private static double[][] Scores(IConfidenceScorer scorer, MultiExitOutputs outputs) =>
        Enumerable.Range(0, outputs.Exits).Select(k => scorer.Score(outputs, k)).ToArray();

    [Fact]
    public void BeatsMspOnExitAwareAurocAndEfficiencyWhenAgreementCarriesTheSignal()
    {
        var (validation, validationLabels) = Generate(4000, seed: 51);
        var (test, labels) = Generate(3000, seed: 52);
        var exitAware = Scores(new ExitAwareScore(new LearnedScoreOptions()).Fit(validation, validationLabels, CancellationToken.None), test);
        var msp = Scores(new MaxSoftmaxScore(), test);

        // "Safe to stop" at exit 1 (0-based), from the realised predictions, scored by the O(n²) reference AUROC. In closed
        // form: P(safe) = 0.72; agreement with exit 0 has P = (0.55·0.85 + 0.17·0.1)/0.72 ≈ 0.67 given safe and 0.1 given
        // not, so agreement alone gives AUROC ≈ 0.5 + (0.67 − 0.1)/2 ≈ 0.78, while msp is independent of both (≈ 0.5).
        var (middle, last) = (Correct(test, 1, labels), Correct(test, 2, labels));
        var safe = middle.Select((c, i) => c || !last[i]).ToArray();
        var (learnedAuroc, mspAuroc) = (Synthetic.Auroc(exitAware[1], safe), Synthetic.Auroc(msp[1], safe));
        Assert.True(learnedAuroc > 0.72, $"exit-aware {learnedAuroc}");
        Assert.True(learnedAuroc > mspAuroc + 0.2, $"exit-aware {learnedAuroc}, msp {mspAuroc}");

        // The harness's EEFP AUROC agrees, and the better order buys real efficiency under one global threshold.
        var withExitAware = MethodEvaluator.Evaluate(new EvaluationInput(test.Probabilities, exitAware, labels, Costs));
        var withMsp = MethodEvaluator.Evaluate(new EvaluationInput(test.Probabilities, msp, labels, Costs));
        Assert.Equal(learnedAuroc, withExitAware.PerExit[1]["eefp_auroc"]!.Value, 9);
        Assert.True(withExitAware.Efficiency.Score > withMsp.Efficiency.Score + 0.01, $"exit-aware {withExitAware.Efficiency.Score}, msp {withMsp.Efficiency.Score}");
    }

    [Fact]
    public void ChangesNoPredictionAndLeavesItsInputsAsTheyWere()
    {
        var (validation, validationLabels) = Generate(1000, seed: 53);
        var (test, labels) = Generate(500, seed: 54);
        var before = test.Probabilities.Select(p => p.Values.ToArray()).Concat(validation.Probabilities.Select(p => p.Values.ToArray())).ToList();

        var scores = Scores(new ExitAwareScore(new LearnedScoreOptions()).Fit(validation, validationLabels, CancellationToken.None), test);

        // Probabilities (hence argmax predictions) are bit-identical after fit and score ...
        var after = test.Probabilities.Select(p => p.Values.ToArray()).Concat(validation.Probabilities.Select(p => p.Values.ToArray())).ToList();
        Assert.Equal(before, after);

        // ... so every exit's accuracy, and the oracle, equal msp's on the same outputs: only the order of samples differs.
        var withExitAware = MethodEvaluator.Evaluate(new EvaluationInput(test.Probabilities, scores, labels, Costs));
        var withMsp = MethodEvaluator.Evaluate(new EvaluationInput(test.Probabilities, Scores(new MaxSoftmaxScore(), test), labels, Costs));
        Assert.Equal(withMsp.PerExit.Select(m => m.Accuracy), withExitAware.PerExit.Select(m => m.Accuracy));
        Assert.Equal(withMsp.Efficiency.Oracle, withExitAware.Efficiency.Oracle);
        Assert.All(scores, exit => Assert.All(exit, s => Assert.True(double.IsFinite(s))));
    }

    [Fact]
    public void IsDeterministic()
    {
        var (validation, labels) = Generate(1000, seed: 55);

        var first = Scores(new ExitAwareScore(new LearnedScoreOptions()).Fit(validation, labels, CancellationToken.None), validation);
        var second = Scores(new ExitAwareScore(new LearnedScoreOptions()).Fit(validation, labels, CancellationToken.None), validation);

        Assert.Equal(first, second);
    }

    [Fact]
    public void TargetIsSafeToStopBeforeTheLastExitAndCorrectnessAtIt()
    {
        // Samples: right at 0 / wrong at 0 but right at the end / wrong everywhere / right at 0, wrong at the end.
        double[][] right = [[5, 0], [5, 0], [0, 5], [5, 0]];
        double[][] atLast = [[5, 0], [5, 0], [0, 5], [0, 5]];
        double[][] atFirst = [[5, 0], [0, 5], [0, 5], [5, 0]];
        var logits = new[] { Synthetic.Matrix(atFirst), Synthetic.Matrix(right), Synthetic.Matrix(atLast) };
        var outputs = new MultiExitOutputs(logits, logits.Select(l => Probabilities.Softmax(l)).ToArray());

        var targets = ExitAwareScore.SafeToStop(outputs, [0, 0, 0, 0]);

        Assert.Equal([true, false, true, true], targets[0]);
        Assert.Equal([true, true, true, true], targets[1]);
        Assert.Equal([true, true, false, false], targets[2]);
    }

    [Fact]
    public void FeaturesAreTheOwnOutputsThenTheAgreementWithEarlierExits()
    {
        // One sample, 3 classes. Exits 0 and 1 predict class 0, exit 2 predicts class 0 too: a streak of 2 before exit 2.
        var logits = new[]
        {
            Synthetic.Matrix([[Math.Log(6), Math.Log(3), Math.Log(1)]]),  // p = [0.6, 0.3, 0.1]
            Synthetic.Matrix([[Math.Log(5), Math.Log(4), Math.Log(1)]]),  // p = [0.5, 0.4, 0.1]
            Synthetic.Matrix([[Math.Log(7), Math.Log(2), Math.Log(1)]]),  // p = [0.7, 0.2, 0.1]
        };
        var outputs = new MultiExitOutputs(logits, logits.Select(l => Probabilities.Softmax(l)).ToArray());

        var features = ExitAwareFeatures.Extract(outputs, 2)[0];

        double[] expected =
        [
            0.7, 0.5, (0.7 * Math.Log(0.7)) + (0.2 * Math.Log(0.2)) + (0.1 * Math.Log(0.1)), Math.Log(7), // own msp, margin, Σ p log p, max logit
            1, 0.5,                                                                                 // agrees with exit 1; exit 1's msp
            2, 0.5, (0.6 + 0.5) / 2,                                                                // streak; exit 1's p of class 0; mean earlier msp
        ];
        Assert.Equal(expected.Length, ExitAwareFeatures.Count(2));
        Assert.Equal(4, ExitAwareFeatures.Count(0));
        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], features[j], 5);
        }
    }

    [Fact]
    public void RejectsANegativePenalty()
    {
        Assert.ThrowsAny<ArgumentException>(() => new ExitAwareScore(new LearnedScoreOptions { L2 = -1 }));
    }
}
