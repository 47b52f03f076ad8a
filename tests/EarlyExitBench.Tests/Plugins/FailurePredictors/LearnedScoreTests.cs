using EarlyExitBench.Contracts;
using EarlyExitBench.FailurePredictors.Standard;

namespace EarlyExitBench.Tests.Plugins.FailurePredictors;

public class LearnedScoreTests
{
    private const int Classes = 10;

    /// <summary>
    /// Two exits whose confidence says nothing about correctness (peak height is random), but exit 1 is
    /// right far more often when exit 0 agrees with it.
    /// </summary>
    private static (MultiExitOutputs Outputs, int[] Labels, bool[] CorrectAtLast) Generate(int samples, int seed)
    {
        var random = new Random(seed);
        var labels = new int[samples];
        var correct = new bool[samples];
        var rows = new[] { new double[samples][], new double[samples][] };
        int Other(int avoid) => (avoid + 1 + random.Next(Classes - 1)) % Classes;
        double[] Peaked(int at) => Enumerable.Range(0, Classes).Select(c => (c == at ? 1 + (3 * random.NextDouble()) : 0) + (0.3 * Synthetic.Gaussian(random))).ToArray();
        for (var i = 0; i < samples; i++)
        {
            labels[i] = random.Next(Classes);
            correct[i] = random.NextDouble() < 0.6;
            var last = correct[i] ? labels[i] : Other(labels[i]);
            var agree = random.NextDouble() < (correct[i] ? 0.85 : 0.15);
            var first = agree ? last : Other(last);
            rows[0][i] = Peaked(first);
            rows[1][i] = Peaked(last);
        }

        var logits = rows.Select(Synthetic.Matrix).ToArray();
        var outputs = new MultiExitOutputs(logits, logits.Select(l => Probabilities.Softmax(l)).ToArray());
        var realised = Enumerable.Range(0, samples).Select(i => Synthetic.Argmax(outputs.Probabilities[1].Row(i)) == labels[i]).ToArray();
        return (outputs, labels, realised);
    }

    [Fact]
    public void BeatsMspWhenCorrectnessDependsOnAgreementWithThePreviousExit()
    {
        var (validation, labels, _) = Generate(3000, seed: 31);
        var (test, _, correct) = Generate(1500, seed: 32);

        var learned = new LearnedScore(new LearnedScoreOptions()).Fit(validation, labels, CancellationToken.None).Score(test, 1);
        var msp = new MaxSoftmaxScore().Score(test, 1);

        var (learnedAuroc, mspAuroc) = (Synthetic.Auroc(learned, correct), Synthetic.Auroc(msp, correct));
        Assert.True(learnedAuroc > 0.75, $"learned {learnedAuroc}");
        Assert.True(learnedAuroc > mspAuroc + 0.2, $"learned {learnedAuroc}, msp {mspAuroc}");
    }

    [Fact]
    public void LearnsThatHigherMspMeansRightWhenItDoes()
    {
        // Exit 0 alone: correctness is drawn with probability msp, so the model must weight confidence up.
        var random = new Random(33);
        var rows = new double[4000][];
        var labels = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = Synthetic.WithConfidence(0.15 + (0.8 * random.NextDouble()), Classes);
            labels[i] = random.NextDouble() < Probabilities.Softmax(Synthetic.Matrix([rows[i]]))[0, 0] ? 0 : 1;
        }

        var logits = Synthetic.Matrix(rows);
        var outputs = new MultiExitOutputs([logits], [Probabilities.Softmax(logits)]);
        var scorer = (PerExitScorer)new LearnedScore(new LearnedScoreOptions()).Fit(outputs, labels, CancellationToken.None);
        var scores = scorer.Score(outputs, 0);

        var correct = labels.Select(l => l == 0).ToArray();
        Assert.True(Synthetic.Auroc(scores, correct) > Synthetic.Auroc(new MaxSoftmaxScore().Score(outputs, 0), correct) - 0.01);
        Assert.Single(scorer.Models);
        Assert.Equal(4, scorer.Models[0].Model.Weights.Count);
    }

    [Fact]
    public void IsDeterministic()
    {
        var (validation, labels, _) = Generate(1000, seed: 34);

        var first = new LearnedScore(new LearnedScoreOptions()).Fit(validation, labels, CancellationToken.None).Score(validation, 1);
        var second = new LearnedScore(new LearnedScoreOptions()).Fit(validation, labels, CancellationToken.None).Score(validation, 1);

        Assert.Equal(first, second);
    }

    [Fact]
    public void StaysFiniteWhenEveryValidationPredictionIsRight()
    {
        var (validation, _, _) = Generate(300, seed: 35);
        var labels = Enumerable.Range(0, 300).Select(i => Synthetic.Argmax(validation.Probabilities[0].Row(i))).ToArray();
        var onlyFirst = new MultiExitOutputs([validation.Logits[0]], [validation.Probabilities[0]]);

        var scores = new LearnedScore(new LearnedScoreOptions()).Fit(onlyFirst, labels, CancellationToken.None).Score(onlyFirst, 0);

        Assert.All(scores, s => Assert.True(double.IsFinite(s)));
    }

    [Fact]
    public void RejectsANegativePenalty()
    {
        Assert.ThrowsAny<ArgumentException>(() => new LearnedScore(new LearnedScoreOptions { L2 = -0.1 }));
    }
}
