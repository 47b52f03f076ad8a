using EarlyExitBench.Calibrators.Standard;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

public class MatrixScalingCalibratorTests
{
    private const int Classes = 10;

    /// <summary>Logits that mix in the next class's true logit and add a class-dependent offset.</summary>
    private static double[] Mix(double[] u) =>
        u.Select((v, c) => ((1.5 + (0.5 * Math.Sin(c))) * v) + (0.8 * u[(c + 1) % Classes]) + (0.3 * c)).ToArray();

    private static MatrixScalingCalibrator Create(double l2) => new(new MatrixScalingOptions { L2 = l2 });

    [Fact]
    public void StrongPenaltyLeavesOnlyTheDiagonalAtOneOverTemperature()
    {
        var (u, labels) = Synthetic.Calibrated(10000, Classes, 1.5, seed: 15);
        var logits = Synthetic.Observe(u, Classes, row => row.Select(v => 3 * v).ToArray());

        var fitted = (AffineLogitsCalibration)Create(1e4).Fit(logits, labels, CancellationToken.None);

        for (var j = 0; j < Classes; j++)
        {
            for (var k = 0; k < Classes; k++)
            {
                var w = fitted.Weights[(j * Classes) + k];
                if (j == k)
                {
                    Assert.InRange(w, 1 / 3.0 * 0.93, 1 / 3.0 * 1.07);
                }
                else
                {
                    Assert.InRange(w, -0.005, 0.005);
                }
            }

            Assert.InRange(fitted.Bias[j], -0.01, 0.01);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(100.0)]
    public void ValidationNllIsNeverAboveIdentity(double l2)
    {
        foreach (var observe in new Func<double[], double[]>[] { row => row, Mix, row => row.Select(v => 3 * v).ToArray() })
        {
            var (u, labels) = Synthetic.Calibrated(2000, Classes, 1.5, seed: 16);
            var logits = Synthetic.Observe(u, Classes, observe);

            var fitted = Create(l2).Fit(logits, labels, CancellationToken.None);

            Assert.True(Synthetic.Nll(fitted.Apply(logits), labels) <= Synthetic.Nll(Probabilities.Softmax(logits), labels) + 1e-6);
        }
    }

    [Fact]
    public void DefaultPenaltyDoesNotOverfitWhenThereIsNothingToFit()
    {
        var (u, labels) = Synthetic.Calibrated(3000, Classes, 1.5, seed: 17);
        var (uTest, labelsTest) = Synthetic.Calibrated(20000, Classes, 1.5, seed: 18);
        var test = Synthetic.Observe(uTest, Classes, row => row);

        var matrix = Synthetic.Nll(Create(new MatrixScalingOptions().L2).Fit(Synthetic.Observe(u, Classes, row => row), labels, CancellationToken.None).Apply(test), labelsTest);
        var unpenalised = Synthetic.Nll(Create(0).Fit(Synthetic.Observe(u, Classes, row => row), labels, CancellationToken.None).Apply(test), labelsTest);
        var truth = Synthetic.Nll(Probabilities.Softmax(test), labelsTest);

        Assert.True(matrix < truth + 0.007, $"matrix {matrix}, true model {truth}");
        Assert.True(matrix < unpenalised, $"penalised {matrix}, unpenalised {unpenalised}");
    }

    [Fact]
    public void FitsOffDiagonalStructureThatVectorScalingCannot()
    {
        var (u, labels) = Synthetic.Calibrated(20000, Classes, 1.5, seed: 19);
        var (uTest, labelsTest) = Synthetic.Calibrated(10000, Classes, 1.5, seed: 20);
        var (validation, test) = (Synthetic.Observe(u, Classes, Mix), Synthetic.Observe(uTest, Classes, Mix));

        var matrix = Synthetic.Nll(Create(0.01).Fit(validation, labels, CancellationToken.None).Apply(test), labelsTest);
        var vector = Synthetic.Nll(new VectorScalingCalibrator().Fit(validation, labels, CancellationToken.None).Apply(test), labelsTest);
        var truth = Synthetic.Nll(Probabilities.Softmax(Synthetic.Observe(uTest, Classes, row => row)), labelsTest);

        Assert.True(matrix < vector - 0.05, $"matrix {matrix}, vector {vector}");
        Assert.True(matrix < truth + 0.02, $"matrix {matrix}, true model {truth}");
    }

    [Fact]
    public void RejectsANegativePenalty()
    {
        Assert.ThrowsAny<ArgumentException>(() => Create(-1));
    }
}
