using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Tests.Plugins.FailurePredictors;

/// <summary>A score at exit k may read exits ≤ k only: changing later exits must not change it.</summary>
public class CausalityTests
{
    /// <summary>Every registered failure predictor.</summary>
    public static TheoryData<string> Aliases => new(ShippedRegistry.Aliases(PluginKind.FailurePredictor));

    private static MultiExitOutputs Random(int seed, MultiExitOutputs? keepFirstTwoOf = null)
    {
        var random = new Random(seed);
        var logits = new List<ClassMatrix>();
        for (var k = 0; k < 3; k++)
        {
            logits.Add(keepFirstTwoOf is not null && k < 2
                ? keepFirstTwoOf.Logits[k]
                : Synthetic.Matrix(Enumerable.Range(0, 200).Select(_ => Enumerable.Range(0, 5).Select(_ => 2 * Synthetic.Gaussian(random)).ToArray()).ToArray()));
        }

        return new MultiExitOutputs(logits, logits.Select(l => Probabilities.Softmax(l)).ToArray());
    }

    [Theory]
    [MemberData(nameof(Aliases))]
    public void ScoreAtAnExitIgnoresLaterExits(string alias)
    {
        var outputs = Random(seed: 41);
        var changedLater = Random(seed: 42, keepFirstTwoOf: outputs);
        var labels = Enumerable.Range(0, 200).Select(i => i % 5).ToArray();
        var scorer = ScoreTests.Create(alias).Fit(outputs, labels, CancellationToken.None);

        Assert.Equal(scorer.Score(outputs, 1), scorer.Score(changedLater, 1));
        Assert.NotEqual(scorer.Score(outputs, 2), scorer.Score(changedLater, 2));
    }
}
