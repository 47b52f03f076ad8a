using EarlyExitBench.Calibrators.Standard;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

public class TemperatureCalibratorTests
{
    [Theory]
    [InlineData(3.0)]
    [InlineData(0.5)]
    public void RecoversTheTemperatureThatMadeTheLogits(double temperature)
    {
        var (u, labels) = Synthetic.Calibrated(20000, 10, 1.5, seed: 11);
        var logits = Synthetic.Observe(u, 10, row => row.Select(v => temperature * v).ToArray());

        var fitted = new TemperatureCalibrator().Fit(logits, labels, CancellationToken.None);

        Assert.InRange(fitted.Parameters["temperature"], temperature * 0.97, temperature * 1.03);
    }
}
