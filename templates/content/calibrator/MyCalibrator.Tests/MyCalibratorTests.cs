using EarlyExitBench.Contracts;

namespace MyCalibrator.Tests;

public class MyCalibratorTests
{
    // Two classes, logit gap 4: softmax gives the top class 1/(1 + e^−4) ≈ 0.982.
    private static readonly ClassMatrix Confident = new([4f, 0f, 4f, 0f, 4f, 0f, 4f, 0f], 4, 2);

    [Fact]
    public void ShrinksAsMuchAsValidationAccuracyAsks()
    {
        // Top class right on 3 of 4 samples: the NLL-optimal top probability is 3/4, so (1 − α)·0.982 + α/2 = 0.75,
        // α = (0.982 − 0.75)/(0.982 − 0.5) ≈ 0.48; the grid's nearest step is 0.48.
        var fitted = new MyCalibrator().Fit(Confident, [0, 0, 0, 1], CancellationToken.None);

        var top = 1 / (1 + Math.Exp(-4));
        Assert.Equal(Math.Round((top - 0.75) / (top - 0.5), 2), fitted.Parameters["alpha"], 10);
    }

    [Fact]
    public void LeavesARightAndConfidentExitAlone()
    {
        var fitted = new MyCalibrator().Fit(Confident, [0, 0, 0, 0], CancellationToken.None);

        Assert.Equal(0.0, fitted.Parameters["alpha"]);
    }

    // Rows summing to 1, the argmax kept (KeepsArgmax), the registration: MyCalibratorContractTests, with the contract kit.
}
