using EarlyExitBench.Contracts;
using EarlyExitBench.FailurePredictors.Standard;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Tests.Plugins.FailurePredictors;

public class ScoreTests
{
    private static readonly MultiExitOutputs OneExit = new(
        [Synthetic.Matrix([[2, 1, -1], [0, 0, 3]])],
        [Synthetic.Matrix([[0.5, 0.3, 0.2], [0.1, 0.1, 0.8]])]);

    public static TheoryData<string, double, double> HandComputed => new()
    {
        { "msp", 0.5, 0.8 },
        { "entropy", (0.5 * Math.Log(0.5)) + (0.3 * Math.Log(0.3)) + (0.2 * Math.Log(0.2)), (0.2 * Math.Log(0.1)) + (0.8 * Math.Log(0.8)) },
        { "max-logit", 2, 3 },
        { "margin", 0.2, 0.7 },
        { "gini", 0.25 + 0.09 + 0.04, 0.01 + 0.01 + 0.64 },
        { "energy", Math.Log(Math.Exp(2) + Math.Exp(1) + Math.Exp(-1)), Math.Log(2 + Math.Exp(3)) },
        { "consistency", 1 + (0.5 * 0.5), 1 + (0.5 * 0.8) }, // one exit: a streak of 1
    };

    /// <summary>A new failure predictor of <paramref name="alias"/> with default options, from the registry.</summary>
    internal static IFailurePredictor Create(string alias) => ShippedRegistry.Create<IFailurePredictor>(PluginKind.FailurePredictor, alias);

    [Theory]
    [MemberData(nameof(HandComputed))]
    public void MatchesHandComputedValues(string alias, double first, double second)
    {
        var scores = Create(alias).Fit(OneExit, [0, 2], CancellationToken.None).Score(OneExit, 0);

        Assert.Equal(first, scores[0], 6);
        Assert.Equal(second, scores[1], 6);
    }

    [Theory]
    [InlineData("max-logit")]
    [InlineData("energy")]
    [InlineData("margin")]
    [InlineData("gini")]
    public void IsFiniteForExtremeLogits(string alias)
    {
        var logits = Synthetic.Matrix([[1e4, 1e4, -1e4], [-1e4, -1e4, -1e4], [1e4, -1e4, 0]]);
        var outputs = new MultiExitOutputs([logits], [Probabilities.Softmax(logits)]);

        var scores = Create(alias).Fit(outputs, [0, 0, 0], CancellationToken.None).Score(outputs, 0);

        Assert.All(scores, s => Assert.True(double.IsFinite(s)));
        if (alias == "energy")
        {
            Assert.Equal(1e4 + Math.Log(2), scores[0], 6);
        }
    }

    [Fact]
    public void MarginIsZeroWhenTheTopTwoTie()
    {
        var outputs = new MultiExitOutputs([Synthetic.Matrix([[1, 1, 0]])], [Synthetic.Matrix([[0.4, 0.4, 0.2]])]);

        Assert.Equal(0.0, new MarginScore().Score(outputs, 0)[0], 6);
    }
}
