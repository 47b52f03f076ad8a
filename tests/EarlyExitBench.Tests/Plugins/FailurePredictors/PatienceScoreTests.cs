using EarlyExitBench.Contracts;
using EarlyExitBench.FailurePredictors.Standard;

namespace EarlyExitBench.Tests.Plugins.FailurePredictors;

public class PatienceScoreTests
{
    /// <summary>Three exits, three samples; row i of exit k puts 0.7 on class predictions[i][k].</summary>
    private static MultiExitOutputs Outputs(int[][] predictions)
    {
        var exits = predictions[0].Length;
        var logits = new List<ClassMatrix>();
        var probabilities = new List<ClassMatrix>();
        for (var k = 0; k < exits; k++)
        {
            var rows = predictions.Select(p => Enumerable.Range(0, 3).Select(c => c == p[k] ? 0.7 : 0.15).ToArray()).ToArray();
            probabilities.Add(Synthetic.Matrix(rows));
            logits.Add(Synthetic.Matrix(rows.Select(r => r.Select(v => Math.Log(v)).ToArray()).ToArray()));
        }

        return new MultiExitOutputs(logits, probabilities);
    }

    [Fact]
    public void CountsConsecutiveAgreeingExitsEndingHerePlusHalfTheMsp()
    {
        var outputs = Outputs([[0, 0, 0], [1, 0, 0], [0, 0, 1], [2, 1, 2]]);

        var scores = new PatienceScore().Score(outputs, 2);

        Assert.Equal(new[] { 3.35, 2.35, 1.35, 1.35 }, scores.Select(s => Math.Round(s, 6)));
        Assert.Equal(new[] { 1.35, 1.35, 1.35, 1.35 }, new PatienceScore().Score(outputs, 0).Select(s => Math.Round(s, 6)));
        Assert.Equal(new[] { 2.35, 1.35, 2.35, 1.35 }, new PatienceScore().Score(outputs, 1).Select(s => Math.Round(s, 6)));
    }

    [Fact]
    public void OneMoreAgreeingExitOutweighsAnyConfidence()
    {
        Assert.True(1 + (PatienceScore.TieBreakWeight * 1.0) < 2 + (PatienceScore.TieBreakWeight * 0.0));
    }
}
