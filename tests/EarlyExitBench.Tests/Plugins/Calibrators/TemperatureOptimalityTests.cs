using EarlyExitBench.Calibrators.Standard;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

public class TemperatureOptimalityTests
{
    private static double Nll(ClassMatrix logits, int[] labels, double temperature)
    {
        var probs = Probabilities.Softmax(logits, temperature);
        return -Enumerable.Range(0, labels.Length).Average(i => Math.Log(Math.Max(probs[i, labels[i]], 1e-300)));
    }

    [Theory]
    [InlineData(1, 0.4)]
    [InlineData(2, 2.5)]
    [InlineData(3, 9.0)]
    public void FittedTemperatureIsTheNllMinimum(int seed, double scale)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, 2000).Select(_ => random.Next(5)).ToArray();
        var values = new float[2000 * 5];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(scale * ((random.NextDouble() * 2) - 1 + (i % 5 == labels[i / 5] ? 0.8 : 0)));
        }

        var logits = new ClassMatrix(values, 2000, 5);
        var t = new TemperatureCalibrator().Fit(logits, labels, CancellationToken.None).Parameters["temperature"];

        // A minimum of a convex function: both neighbours are no better (to rounding).
        var at = Nll(logits, labels, t);
        Assert.True(Nll(logits, labels, t * 1.001) >= at - 1e-12, $"T={t}");
        Assert.True(Nll(logits, labels, t / 1.001) >= at - 1e-12, $"T={t}");
    }
}
