using EarlyExitBench.Calibrators.Standard;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

/// <summary>
/// Platt scaling's fit is the optimum of its own loss (gradient worked out here), on the feature its option names; the
/// top-label log-odds and the spreading of the rest of the mass, worked out by hand.
/// </summary>
public class TopLabelFitTests
{
    private static (ClassMatrix Logits, int[] Labels) Data() => CalibratorCases.Overconfident(800, seed: 8);

    [Theory]
    [InlineData(PlattCalibrator.LogOdds)]
    [InlineData(PlattCalibrator.MaxLogit)]
    public void PlattFitsTheOptionsFeatureToTheOptimumOfItsSmoothedLoss(string input)
    {
        var (logits, labels) = Data();
        var fitted = new PlattCalibrator(new PlattOptions { Input = input }).Fit(logits, labels, CancellationToken.None);
        var (a, b) = (fitted.Parameters["a"], fitted.Parameters["b"]);

        // The feature, worked out from the logits here: log p_top − log(1 − p_top), or the top logit.
        var x = new double[logits.Rows];
        var positive = new bool[logits.Rows];
        for (var i = 0; i < logits.Rows; i++)
        {
            var row = logits.Row(i).ToArray().Select(v => (double)v).ToArray();
            var top = Array.IndexOf(row, row.Max());
            var max = row.Max();
            var others = row.Where((_, c) => c != top).Sum(v => Math.Exp(v - max));
            x[i] = input == PlattCalibrator.LogOdds ? -Math.Log(others) : max;
            positive[i] = top == labels[i];
        }

        // Platt's smoothed targets (N+ + 1)/(N+ + 2) and 1/(N− + 2); the loss's gradient is Σ (σ(a·x + b) − t)·(x, 1).
        var nPositive = positive.Count(p => p);
        var (tPositive, tNegative) = ((nPositive + 1.0) / (nPositive + 2.0), 1.0 / (positive.Length - nPositive + 2.0));
        double ga = 0, gb = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var residual = (1 / (1 + Math.Exp(-((a * x[i]) + b)))) - (positive[i] ? tPositive : tNegative);
            ga += residual * x[i];
            gb += residual;
        }

        Assert.InRange(ga / x.Length, -1e-9, 1e-9);
        Assert.InRange(gb / x.Length, -1e-9, 1e-9);
        Assert.True(a > 0, $"a = {a}: confidence should rise with the feature");
    }

    [Fact]
    public void PlattsTwoFeaturesGiveTwoDifferentFits()
    {
        var (logits, labels) = Data();

        var logOdds = new PlattCalibrator(new PlattOptions()).Fit(logits, labels, CancellationToken.None).Parameters;
        var maxLogit = new PlattCalibrator(new PlattOptions { Input = PlattCalibrator.MaxLogit }).Fit(logits, labels, CancellationToken.None).Parameters;

        Assert.NotEqual(logOdds["a"], maxLogit["a"]);
        Assert.NotEqual(logOdds["b"], maxLogit["b"]);
    }

    [Fact]
    public void PlattRefusesAnUnknownInputByName()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PlattCalibrator(new PlattOptions { Input = "logit" }));

        Assert.Equal("input must be 'log_odds' or 'max_logit', got 'logit'. (Parameter 'options')", ex.Message);
        Assert.Throws<ArgumentNullException>(() => new PlattCalibrator(null!));
    }

    [Fact]
    public void FitsStopWhenCancelled()
    {
        var (logits, labels) = Data();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => new PlattCalibrator(new PlattOptions()).Fit(logits, labels, cancelled.Token));
        Assert.Throws<OperationCanceledException>(() => new TemperatureCalibrator().Fit(logits, labels, cancelled.Token));
    }

    [Theory]
    [InlineData(new float[] { 3, 1, 0.5f, -2 })]
    [InlineData(new float[] { 0, 40, 39, -5 })]
    [InlineData(new float[] { 100, -100, -100, -100 })]
    public void TopLabelLogOddsIsLogPOverOneMinusP(float[] values)
    {
        var (rows, correct) = TopLabel.Describe(new ClassMatrix(values, 1, values.Length), [1]);
        var max = values.Max();
        var top = Array.IndexOf(values, max);

        // log(p / (1 − p)) = z_top − log Σ_{c≠top} e^{z_c}, in double with the maximum of the others taken out.
        var others = values.Where((_, c) => c != top).Select(v => (double)v).ToArray();
        var m = others.Max();
        var expected = max - (m + Math.Log(others.Sum(v => Math.Exp(v - m))));

        Assert.Equal(top, rows[0].Top);
        Assert.Equal(expected, rows[0].LogOdds, 1e-12);
        Assert.Equal(max, rows[0].MaxLogit);
        Assert.Equal(top == 1, correct[0]);
    }

    [Fact]
    public void FloorIsJustAboveUniform()
    {
        Assert.Equal(1.0, TopLabel.Floor(1));
        Assert.Equal(1.001 / 2, TopLabel.Floor(2), 15);
        Assert.Equal(1.001 / 10, TopLabel.Floor(10), 15);
    }

    [Fact]
    public void TheRestIsSpreadInProportionWhileTheTopStaysOnTop()
    {
        // p = [0.5, 0.3, 0.2], q = 0.6: the others share 0.4 as 0.3 : 0.2 → 0.24 and 0.16.
        var destination = new float[3];

        TopLabel.Spread([0.5, 0.3, 0.2], 0, 0.6, destination);

        Assert.Equal([0.6f, 0.24f, 0.16f], destination);
    }

    [Fact]
    public void WhenProportionWouldLiftTheRunnerUpAboveQItIsMixedWithUniformJustEnough()
    {
        // p = [0.5, 0.45, 0.05], q = 0.4: in proportion the runner-up would get 0.6 · 0.9 = 0.54 > 0.4. Mixing with the
        // uniform share 1/2 by λ = (cap − 1/2) / (0.9 − 1/2), cap = 0.4 (1 − 1e-6) / 0.6, puts it at q (1 − 1e-6).
        var destination = new float[3];
        var cap = 0.4 * (1 - 1e-6) / 0.6;
        var lambda = (cap - 0.5) / (0.9 - 0.5);

        TopLabel.Spread([0.5, 0.45, 0.05], 0, 0.4, destination);

        Assert.Equal(0.4f, destination[0]);
        Assert.Equal((float)(0.6 * ((lambda * 0.9) + ((1 - lambda) * 0.5))), destination[1]);
        Assert.Equal((float)(0.6 * ((lambda * 0.1) + ((1 - lambda) * 0.5))), destination[2]);
        Assert.True(destination[1] < destination[0]);
    }

    [Fact]
    public void NoMassLeftOverIsSpreadUniformlyAndQIsClampedToItsRange()
    {
        var destination = new float[4];

        TopLabel.Spread([1.0, 0, 0, 0], 0, 0.7, destination);
        Assert.Equal([0.7f, 0.1f, 0.1f, 0.1f], destination, (x, y) => Math.Abs(x - y) < 1e-7f);

        TopLabel.Spread([0.4, 0.3, 0.2, 0.1], 0, double.NaN, destination);
        Assert.Equal((float)TopLabel.Floor(4), destination[0]);

        TopLabel.Spread([0.4, 0.3, 0.2, 0.1], 0, 0.1, destination);
        Assert.Equal((float)TopLabel.Floor(4), destination[0]);

        TopLabel.Spread([0.4, 0.3, 0.2, 0.1], 0, 1.5, destination);
        Assert.Equal([1f, 0f, 0f, 0f], destination);
    }

    [Fact]
    public void OneClassIsCertainAndNoLogitsIsAnError()
    {
        var destination = new float[1];
        var (rows, _) = TopLabel.Describe(new ClassMatrix([1.5f], 1, 1), [0]);

        TopLabel.Spread([1.0], 0, 0.3, destination);

        Assert.Equal([1f], destination);
        Assert.Equal(double.PositiveInfinity, rows[0].LogOdds);
        Assert.Throws<ArgumentNullException>(() => TopLabel.Apply(null!, _ => 0.5));
    }
}
