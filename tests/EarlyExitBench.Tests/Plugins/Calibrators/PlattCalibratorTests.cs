using EarlyExitBench.Calibrators.Standard;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

public class PlattCalibratorTests
{
    private const double A = 0.6;
    private const double B = -0.4;

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>Two classes, class 0 on top with log-odds x (and max logit x + shift); right with probability σ(A·feature + B).</summary>
    private static (ClassMatrix Logits, int[] Labels) Generate(int samples, bool byMaxLogit, int seed)
    {
        var random = new Random(seed);
        var rows = new double[samples][];
        var labels = new int[samples];
        for (var i = 0; i < samples; i++)
        {
            var x = 0.05 + (6 * random.NextDouble());
            var shift = byMaxLogit ? (4 * random.NextDouble()) - 2 : 0.0;
            rows[i] = [x + shift, shift];
            var feature = byMaxLogit ? x + shift : x;
            labels[i] = random.NextDouble() < Sigmoid((A * feature) + B) ? 0 : 1;
        }

        return (Synthetic.Matrix(rows), labels);
    }

    [Theory]
    [InlineData(PlattCalibrator.LogOdds)]
    [InlineData(PlattCalibrator.MaxLogit)]
    public void RecoversAKnownSlopeAndIntercept(string input)
    {
        var (logits, labels) = Generate(40000, input == PlattCalibrator.MaxLogit, seed: 23);

        var fitted = new PlattCalibrator(new PlattOptions { Input = input }).Fit(logits, labels, CancellationToken.None);

        Assert.InRange(fitted.Parameters["a"], A - 0.05, A + 0.05);
        Assert.InRange(fitted.Parameters["b"], B - 0.08, B + 0.08);
    }

    [Fact]
    public void OutputsSigmoidOfTheFittedLineForTheTopClass()
    {
        var (logits, labels) = Generate(5000, byMaxLogit: false, seed: 24);
        var fitted = new PlattCalibrator(new PlattOptions()).Fit(logits, labels, CancellationToken.None);
        var (a, b) = (fitted.Parameters["a"], fitted.Parameters["b"]);

        var output = fitted.Apply(Synthetic.Matrix([[2.0, 0.0], [4.5, 0.0]]));

        Assert.Equal(Math.Max(Sigmoid((a * 2) + b), 0.5005), output[0, 0], 5);
        Assert.Equal(Sigmoid((a * 4.5) + b), output[1, 0], 5);
        Assert.Equal(1.0, output[1, 0] + output[1, 1], 6);
    }

    [Fact]
    public void StaysFiniteWhenValidationIsPerfectlySeparated()
    {
        var logits = Synthetic.Matrix([[1.0, 0.0], [2.0, 0.0], [3.0, 0.0], [4.0, 0.0]]);

        var fitted = new PlattCalibrator(new PlattOptions()).Fit(logits, [1, 1, 0, 0], CancellationToken.None);

        Assert.True(double.IsFinite(fitted.Parameters["a"]) && fitted.Parameters["a"] > 0);
        Assert.True(double.IsFinite(fitted.Parameters["b"]));
    }

    [Fact]
    public void RejectsAnUnknownInput()
    {
        Assert.ThrowsAny<ArgumentException>(() => new PlattCalibrator(new PlattOptions { Input = "msp" }));
    }
}
