using EarlyExitBench.Calibrators.Standard;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

public class VectorScalingCalibratorTests
{
    private static readonly double[] Scales = [0.5, 1.0, 2.0, 3.0, 0.8];
    private static readonly double[] Biases = [0.5, -0.3, 0.0, 0.2, -0.4];

    /// <summary>The model reports z = (u − b) / s, so softmax(s ⊙ z + b) = softmax(u) is calibrated.</summary>
    private static double[] Distort(double[] u) => u.Select((v, c) => (v - Biases[c]) / Scales[c]).ToArray();

    [Fact]
    public void RecoversPerClassScalesAndBiases()
    {
        var (u, labels) = Synthetic.Calibrated(30000, 5, 1.5, seed: 12);
        var logits = Synthetic.Observe(u, 5, Distort);

        var parameters = new VectorScalingCalibrator().Fit(logits, labels, CancellationToken.None).Parameters;

        var meanBias = Enumerable.Range(0, 5).Average(c => parameters[$"bias_{c}"]);
        for (var c = 0; c < 5; c++)
        {
            Assert.InRange(parameters[$"scale_{c}"], Scales[c] * 0.93, Scales[c] * 1.07);
            Assert.InRange(parameters[$"bias_{c}"] - meanBias, Biases[c] - Biases.Average() - 0.08, Biases[c] - Biases.Average() + 0.08);
        }
    }

    [Fact]
    public void BeatsTemperatureOnHeldOutDataWhenTheTruthIsPerClass()
    {
        var (u, labels) = Synthetic.Calibrated(5000, 5, 1.5, seed: 13);
        var (uTest, labelsTest) = Synthetic.Calibrated(20000, 5, 1.5, seed: 14);
        var (validation, test) = (Synthetic.Observe(u, 5, Distort), Synthetic.Observe(uTest, 5, Distort));

        var vector = Synthetic.Nll(new VectorScalingCalibrator().Fit(validation, labels, CancellationToken.None).Apply(test), labelsTest);
        var temperature = Synthetic.Nll(new TemperatureCalibrator().Fit(validation, labels, CancellationToken.None).Apply(test), labelsTest);
        var truth = Synthetic.Nll(new IdentityCalibrator().Apply(Synthetic.Observe(uTest, 5, row => row)), labelsTest);

        Assert.True(vector < temperature - 0.02, $"vector {vector}, temperature {temperature}");
        Assert.True(vector < truth + 0.01, $"vector {vector}, true model {truth}");
    }
}
