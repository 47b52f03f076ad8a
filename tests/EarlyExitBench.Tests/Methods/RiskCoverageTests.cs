using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Tests.Methods;

public class RiskCoverageTests
{
    [Fact]
    public void HandWorkedCurveAcceptsTiesTogether()
    {
        // Scores 0.9 (right), 0.8 (wrong), 0.8 (right), 0.3 (wrong); n = 4, grid φ_j = j / 50.
        // φ ≤ 0.25 needs 1 sample: {0.9}, risk 0. φ in (0.25, 0.75] needs 2 or 3: the 0.8 tie comes in whole, 3 accepted,
        // 1 wrong, risk 1/3. φ > 0.75 needs 4: risk 2/4.
        var curve = RiskCoverage.Curve([0.9, 0.8, 0.8, 0.3], [true, false, true, false]);

        Assert.Equal(RiskCoverage.Points, curve.Length);
        Assert.Equal(0.02, RiskCoverage.Grid[0], 12);
        Assert.Equal(1.0, RiskCoverage.Grid[^1], 12);
        for (var j = 0; j < RiskCoverage.Points; j++)
        {
            var phi = (j + 1) / 50.0;
            var expected = phi <= 0.25 ? 0 : phi <= 0.75 ? Math.Round(1 / 3.0, 6) : 0.5;
            Assert.True(expected == curve[j], $"φ = {phi}: expected {expected}, got {curve[j]}");
        }
    }

    [Fact]
    public void FullCoverageIsTheErrorRate()
    {
        var random = new Random(5);
        var scores = Enumerable.Range(0, 997).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray();
        var correct = scores.Select(s => random.NextDouble() < s).ToArray();

        var curve = RiskCoverage.Curve(scores, correct);

        Assert.Equal(Math.Round(correct.Count(c => !c) / 997.0, 6), curve[^1]);
    }
}
