using EarlyExitBench.Calibrators.Standard;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

/// <summary>
/// The calibrated logits that measured early exit runs on (<see cref="ILogitCalibration"/>), each worked out from the
/// fitted parameters, and the temperature fit's NLL derivatives against finite differences of the NLL.
/// </summary>
public class CalibratedLogitsTests
{
    private static (ClassMatrix Logits, int[] Labels) Data() => CalibratorCases.Overconfident(600, seed: 5);

    private static ClassMatrix Probe() => new([2.5f, -1f, 0.25f, 0, 1, 2, 3, 4, 5, -6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 2, 10);

    [Fact]
    public void TemperatureDividesEveryLogitByT()
    {
        var (logits, labels) = Data();
        var fitted = new TemperatureCalibrator().Fit(logits, labels, CancellationToken.None);
        var t = fitted.Parameters["temperature"];
        var probe = Probe();

        var calibrated = ((ILogitCalibration)fitted).CalibrateLogits(probe);

        Assert.Equal((2, 10), (calibrated.Rows, calibrated.Columns));
        for (var i = 0; i < probe.Values.Length; i++)
        {
            Assert.Equal((float)(probe.Values[i] / t), calibrated.Values[i], 1e-6f);
        }

        AssertSoftmaxIsApply(fitted, probe);
    }

    [Theory]
    [InlineData("vector")]
    [InlineData("matrix")]
    public void AffineCalibratorsGiveWTimesZPlusB(string name)
    {
        var (logits, labels) = Data();
        var fitted = CalibratorCases.Create(name).Fit(logits, labels, CancellationToken.None);
        var affine = Assert.IsType<AffineLogitsCalibration>(fitted);
        var probe = Probe();

        var calibrated = affine.CalibrateLogits(probe);

        Assert.Equal((2, 10), (calibrated.Rows, calibrated.Columns));
        for (var i = 0; i < 2; i++)
        {
            for (var c = 0; c < 10; c++)
            {
                // W·z + b by hand: W is diagonal (10 weights) for vector scaling, full row-major (100) for matrix scaling.
                var expected = affine.Bias[c];
                for (var j = 0; j < 10; j++)
                {
                    var w = affine.Diagonal ? (j == c ? affine.Weights[c] : 0) : affine.Weights[(c * 10) + j];
                    expected += w * probe[i, j];
                }

                Assert.Equal((float)expected, calibrated[i, c], 1e-5f);
            }
        }

        AssertSoftmaxIsApply(fitted, probe);
    }

    [Theory]
    [InlineData("vector")]
    [InlineData("matrix")]
    public void AffineCalibrationsRefuseAnotherClassCount(string name)
    {
        var (logits, labels) = Data();
        var affine = (AffineLogitsCalibration)CalibratorCases.Create(name).Fit(logits, labels, CancellationToken.None);
        var three = new ClassMatrix(new float[6], 2, 3);

        var apply = Assert.Throws<ArgumentException>(() => affine.Apply(three));
        var calibrate = Assert.Throws<ArgumentException>(() => affine.CalibrateLogits(three));

        Assert.Equal(("Fitted on 10 classes, got 3. (Parameter 'logits')", "logits"), (apply.Message, apply.ParamName));
        Assert.Equal(("Fitted on 10 classes, got 3. (Parameter 'logits')", "logits"), (calibrate.Message, calibrate.ParamName));
        Assert.Throws<ArgumentNullException>(() => affine.Apply(null!));
        Assert.Throws<ArgumentNullException>(() => affine.CalibrateLogits(null!));
        Assert.Throws<ArgumentNullException>(() => ((ILogitCalibration)new TemperatureCalibrator().Fit(logits, labels, CancellationToken.None)).CalibrateLogits(null!));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void NllDerivativesAreThoseOfTheNll(double beta)
    {
        var (logits, labels) = Data();
        const double h = 1e-4;

        var (gradient, curvature) = TemperatureCalibrator.NllDerivatives(logits, labels, beta, new double[10]);

        // Central differences of the mean NLL of softmax(β z), computed here in double with log-sum-exp.
        var (down, at, up) = (Nll(logits, labels, beta - h), Nll(logits, labels, beta), Nll(logits, labels, beta + h));
        Assert.Equal((up - down) / (2 * h), gradient, 1e-6);
        Assert.Equal((up - (2 * at) + down) / (h * h), curvature, 1e-3);
        Assert.True(curvature > 0);
    }

    [Fact]
    public void NllDerivativesOfNoRowsAreZero()
    {
        var (gradient, curvature) = TemperatureCalibrator.NllDerivatives(new ClassMatrix([], 0, 3), [], 1.0, new double[3]);

        Assert.Equal((0.0, 0.0), (gradient, curvature));
    }

    [Fact]
    public void TheFittedTemperatureIsAStationaryPointOfTheNll()
    {
        // Newton's iterate stops at |dNLL/dβ| < 1e-12 or a bracket of relative width 1e-12: the derivative computed
        // independently here is zero to far better than the optimality test's neighbour check can see.
        var (logits, labels) = Data();
        var t = new TemperatureCalibrator().Fit(logits, labels, CancellationToken.None).Parameters["temperature"];
        const double h = 1e-5;

        var slope = (Nll(logits, labels, (1 / t) + h) - Nll(logits, labels, (1 / t) - h)) / (2 * h);

        Assert.InRange(slope, -1e-7, 1e-7);
    }

    [Fact]
    public void EveryCalibratorButIdentityCitesItsMethod()
    {
        var infos = RecordingRegistrar.Of(new StandardCalibratorsPlugin()).Infos.ToDictionary(i => i.Alias);

        Assert.Equal(string.Empty, infos["identity"].Citation);
        Assert.Equal("Plain softmax (no calibration); keeps argmax and sample order", infos["identity"].Description);
        foreach (var alias in new[] { "temperature", "vector", "matrix" })
        {
            Assert.StartsWith("Guo, Pleiss, Sun & Weinberger 2017, On Calibration of Modern Neural Networks", infos[alias].Citation, StringComparison.Ordinal);
        }

        Assert.StartsWith("Zadrozny & Elkan 2001", infos["histogram"].Citation, StringComparison.Ordinal);
        Assert.StartsWith("Zadrozny & Elkan 2002", infos["isotonic"].Citation, StringComparison.Ordinal);
        Assert.StartsWith("Platt 1999", infos["platt"].Citation, StringComparison.Ordinal);
        Assert.Contains("NLL", infos["temperature"].Description, StringComparison.Ordinal);
        Assert.Contains("option l2", infos["matrix"].Description, StringComparison.Ordinal);
        Assert.Contains("option bins", infos["histogram"].Description, StringComparison.Ordinal);
        Assert.Contains("option input", infos["platt"].Description, StringComparison.Ordinal);
        Assert.Contains("PAV", infos["isotonic"].Description, StringComparison.Ordinal);
        Assert.Contains("per-class scale and bias", infos["vector"].Description, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new StandardCalibratorsPlugin().Register(null!));
    }

    private static void AssertSoftmaxIsApply(IFittedCalibrator fitted, ClassMatrix probe)
    {
        var probabilities = fitted.Apply(probe);
        var calibrated = ((ILogitCalibration)fitted).CalibrateLogits(probe);
        for (var i = 0; i < probe.Rows; i++)
        {
            var row = calibrated.Row(i).ToArray();
            var max = row.Max();
            var sum = row.Sum(v => Math.Exp(v - max));
            for (var c = 0; c < probe.Columns; c++)
            {
                Assert.Equal(Math.Exp(row[c] - max) / sum, probabilities[i, c], 1e-5);
            }
        }
    }

    private static double Nll(ClassMatrix logits, int[] labels, double beta)
    {
        double total = 0;
        for (var i = 0; i < logits.Rows; i++)
        {
            var row = logits.Row(i);
            var max = double.NegativeInfinity;
            foreach (var v in row)
            {
                max = Math.Max(max, beta * v);
            }

            double sum = 0;
            foreach (var v in row)
            {
                sum += Math.Exp((beta * v) - max);
            }

            total += max + Math.Log(sum) - (beta * row[labels[i]]);
        }

        return total / logits.Rows;
    }
}
