using EarlyExitBench.Contracts;

namespace MyScore.Tests;

public class MyScoreTests
{
    private static MultiExitOutputs Outputs(params ClassMatrix[] exits) =>
        new(exits, [.. exits.Select(l => Probabilities.Softmax(l))]);

    [Fact]
    public void ScoresTheGapBetweenTheTwoLargestLogits()
    {
        var exit0 = new ClassMatrix([3f, 1f, 0f, 0.5f, 0.5f, 2f], 2, 3);

        var scores = new MyScore().Fit(Outputs(exit0), [0, 2], CancellationToken.None).Score(Outputs(exit0), 0);

        Assert.Equal([2.0, 1.5], scores);
    }

    [Fact]
    public void AScoreAtAnExitIgnoresLaterExits()
    {
        var exit0 = new ClassMatrix([3f, 1f, 0f, 2f], 2, 2);
        var scorer = new MyScore().Fit(Outputs(exit0, exit0), [0, 1], CancellationToken.None);

        var before = scorer.Score(Outputs(exit0, new ClassMatrix([0f, 9f, 9f, 0f], 2, 2)), 0);
        var after = scorer.Score(Outputs(exit0, new ClassMatrix([5f, 0f, 0f, 5f], 2, 2)), 0);

        Assert.Equal(before, after);
    }
}
