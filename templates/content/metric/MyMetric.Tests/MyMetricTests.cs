using EarlyExitBench.Contracts;

namespace MyMetric.Tests;

public class MyMetricTests
{
    [Fact]
    public void IsTheErrorRateOfTheMostConfidentHalf()
    {
        // Scores 0.9, 0.2, 0.8, 0.1, 0.7: the top ⌈5/2⌉ = 3 are samples 0, 2 and 4; sample 2 is wrong → 1/3.
        var context = new Context([0.9, 0.2, 0.8, 0.1, 0.7], [true, false, false, true, true]);

        Assert.Equal(1.0 / 3, new MyMetric().Compute(context)!.Value, 12);
    }

    [Fact]
    public void IsUndefinedWithoutSamples() => Assert.Null(new MyMetric().Compute(new Context([], [])));

    /// <summary>One exit's scores and correctness; what the host hands a metric, cut to what this one reads.</summary>
    private sealed class Context(double[] scores, bool[] correct) : ExitMetricContext
    {
        public override int Exit => 0;

        public override int Exits => 1;

        public override int Bins => 15;

        public override ReadOnlySpan<int> Labels => new int[scores.Length];

        public override ReadOnlySpan<double> Scores(int exit) => scores;

        public override ReadOnlySpan<double> ScoresBeforeCalibration(int exit) => [];

        public override ReadOnlySpan<int> ScoreOrder(int exit) =>
            Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ThenBy(i => i).ToArray();

        public override ReadOnlySpan<int> Predictions(int exit) => new int[scores.Length];

        public override ReadOnlySpan<bool> Correct(int exit) => correct;

        public override ReadOnlySpan<double> Confidence(int exit) => scores;

        public override ClassMatrix Probabilities(int exit) => throw new NotSupportedException();
    }
}
