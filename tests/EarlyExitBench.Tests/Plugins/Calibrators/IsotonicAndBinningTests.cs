using EarlyExitBench.Calibrators.Standard;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

/// <summary>Pool-adjacent-violators and its parameters worked out by hand; option guards with their messages.</summary>
public class IsotonicAndBinningTests
{
    [Fact]
    public void AdjacentBlocksWithEqualMeansArePooledIntoOne()
    {
        // y = 1, 0, 1, 0 at x = 1..4: (1, 0) pool to 0.5, (1, 0) pool to 0.5, and the two equal blocks pool again
        // (scikit-learn: thresholds x = 1, 4 with y = 0.5, 0.5).
        var (x, y, blocks) = IsotonicCalibrator.Fit([1, 2, 3, 4], [1, 0, 1, 0]);

        Assert.Equal(1, blocks);
        Assert.Equal([1.0, 4.0], x);
        Assert.Equal([0.5, 0.5], y);
    }

    [Fact]
    public void EqualConfidencesShareOneFittedValueWhateverTheirOrder()
    {
        // x = 2 appears three times (y = 0, 1, 1): one block of mean 2/3 between the blocks at x = 1 (0) and x = 3 (1);
        // scikit-learn's IsotonicRegression predicts 0, 2/3, 1 at x = 1, 2, 3. (Adding the ties one at a time pooled the first
        // x = 2 with x = 1, equal means 0, and drew the other two into that block: 0.5, 0.5, 1.)
        var (x, y, blocks) = IsotonicCalibrator.Fit([2, 1, 2, 3, 2], [0, 0, 1, 1, 1]);

        Assert.Equal(3, blocks);
        Assert.Equal([1.0, 2.0, 3.0], x);
        Assert.Equal([0.0, 2.0 / 3, 1.0], y);
    }

    [Fact]
    public void InterpolationIsLinearBetweenKnotsConstantBeyondAndIdentityWithoutKnots()
    {
        double[] kx = [0.2, 0.4, 0.8], ky = [0.1, 0.5, 0.7];

        Assert.Equal(0.1, IsotonicCalibrator.Interpolate(kx, ky, 0.1));
        Assert.Equal(0.1, IsotonicCalibrator.Interpolate(kx, ky, 0.2));
        Assert.Equal(0.5, IsotonicCalibrator.Interpolate(kx, ky, 0.4));
        Assert.Equal(0.3, IsotonicCalibrator.Interpolate(kx, ky, 0.3), 12);
        Assert.Equal(0.6, IsotonicCalibrator.Interpolate(kx, ky, 0.6), 12);
        Assert.Equal(0.7, IsotonicCalibrator.Interpolate(kx, ky, 0.9));
        Assert.Equal(0.42, IsotonicCalibrator.Interpolate([], [], 0.42));
    }

    [Fact]
    public void IsotonicReportsItsBlocksAndItsRange()
    {
        var (logits, labels) = CalibratorCases.Overconfident(500, seed: 4);

        var parameters = new IsotonicCalibrator().Fit(logits, labels, CancellationToken.None).Parameters;

        Assert.Equal(["blocks", "max_value", "min_value"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(parameters["blocks"], 2, 500);
        Assert.True(parameters["min_value"] < parameters["max_value"]);
        Assert.InRange(parameters["min_value"], 0, 1);
        Assert.InRange(parameters["max_value"], 0, 1);
    }

    [Fact]
    public void OptionsAreCheckedWithTheirNames()
    {
        Assert.Throws<ArgumentNullException>(() => new HistogramBinningCalibrator(null!));
        Assert.Equal("Bins", Assert.Throws<ArgumentOutOfRangeException>(() => new HistogramBinningCalibrator(new HistogramBinningOptions { Bins = 0 })).ParamName);
        Assert.Throws<ArgumentNullException>(() => new MatrixScalingCalibrator(null!));
        var l2 = Assert.Throws<ArgumentOutOfRangeException>(() => new MatrixScalingCalibrator(new MatrixScalingOptions { L2 = double.NaN }));
        Assert.StartsWith("l2 must be a finite number ≥ 0.", l2.Message, StringComparison.Ordinal);
        Assert.Equal("options", l2.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatrixScalingCalibrator(new MatrixScalingOptions { L2 = double.PositiveInfinity }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatrixScalingCalibrator(new MatrixScalingOptions { L2 = -0.1 }));
    }
}
