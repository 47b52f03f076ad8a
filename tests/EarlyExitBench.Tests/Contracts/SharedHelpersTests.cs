using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Contracts;

/// <summary>The numeric helpers every plugin shares, against closed forms.</summary>
public class SharedHelpersTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(2.0, 0.8807970779778823)] // 1 / (1 + e^−2)
    [InlineData(-2.0, 0.11920292202211755)] // e^−2 / (1 + e^−2)
    public void SigmoidMatchesItsDefinition(double eta, double expected) => Assert.Equal(expected, Logistic.Sigmoid(eta), 15);

    [Fact]
    public void SigmoidNeitherOverflowsNorLosesTheTail()
    {
        Assert.Equal(1.0, Logistic.Sigmoid(800));
        Assert.Equal(Math.Exp(-700), Logistic.Sigmoid(-700), 1e-310);
        Assert.True(Logistic.Sigmoid(-700) > 0);

        // Below −709.8, e^(−η) overflows: 1 / (1 + e^(−η)) would be 0, while σ(η) = e^η / (1 + e^η) is the subnormal e^η
        // exactly (1 + e^η rounds to 1).
        Assert.Equal(Math.Exp(-720), Logistic.Sigmoid(-720));
        Assert.True(Logistic.Sigmoid(-720) > 0);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(-3.0)]
    public void SoftplusIsLogOnePlusExp(double eta) => Assert.Equal(Math.Log(1 + Math.Exp(eta)), Logistic.Softplus(eta), 14);

    [Fact]
    public void SoftplusIsExactWhereTheNaiveFormBreaks()
    {
        Assert.Equal(1000.0, Logistic.Softplus(1000)); // log(1 + e^1000) overflows naively
        Assert.Equal(Math.Exp(-40), Logistic.Softplus(-40), 1e-30); // log(1 + 4e-18) rounds to 0 naively
        Assert.Equal(-Math.Log(1 - Logistic.Sigmoid(0.3)), Logistic.Softplus(0.3), 14);
    }

    [Fact]
    public void LogSumExpIsStableAndAgreesAcrossPrecisions()
    {
        Assert.Equal(1000 + Math.Log(2), Probabilities.LogSumExp([1000.0, 1000.0]), 12);
        Assert.Equal(Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3)), Probabilities.LogSumExp([1.0, 2.0, 3.0]), 14);
        Assert.Equal(Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3)), Probabilities.LogSumExp([1f, 2f, 3f]), 14);
        Assert.Equal(-1000 + Math.Log(3), Probabilities.LogSumExp([-1000f, -1000f, -1000f]), 12);
        Assert.Equal(double.NegativeInfinity, Probabilities.LogSumExp(ReadOnlySpan<double>.Empty));
        Assert.Equal(double.NegativeInfinity, Probabilities.LogSumExp(ReadOnlySpan<float>.Empty));

        // log(e^−∞ + e^−∞) = log 0: taking −∞ out as the maximum would give exp(−∞ − (−∞)) = NaN.
        Assert.Equal(double.NegativeInfinity, Probabilities.LogSumExp([double.NegativeInfinity, double.NegativeInfinity]));
        Assert.Equal(2.0, Probabilities.LogSumExp([double.NegativeInfinity, 2.0]));
    }

    [Fact]
    public void CheckLabelsNamesTheSampleAndTheRange()
    {
        InputChecks.CheckLabels([0, 2, 1], 3, 3);
        var count = Assert.Throws<ArgumentException>(() => InputChecks.CheckLabels([0, 1], 3, 3));
        Assert.StartsWith("2 labels for 3 samples.", count.Message, StringComparison.Ordinal);
        var range = Assert.Throws<ArgumentException>(() => InputChecks.CheckLabels([0, 3, 1], 3, 3));
        Assert.StartsWith("Label 3 of sample 1 is outside [0, 3).", range.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => InputChecks.CheckLabels([-1], 1, 3));
    }

    [Theory]
    [InlineData(0.7, 10, 6)]
    [InlineData(0.33333333333333337, 3, 1)]
    [InlineData(double.NaN, 5, 0)]
    public void ConfidenceBinsKeepTheUpperEdgeInclusive(double p, int bins, int expected)
        => Assert.Equal(expected, ConfidenceBins.EqualWidthIndex(p, bins));
}
