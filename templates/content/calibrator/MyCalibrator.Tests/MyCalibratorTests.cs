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

    [Fact]
    public void OutputsRowsThatSumToOneAndKeepTheArgmax()
    {
        var logits = new ClassMatrix([2f, 1f, 0f, -1f, 3f, 0.5f], 2, 3);
        var fitted = new MyCalibrator().Fit(logits, [1, 1], CancellationToken.None);

        var output = fitted.Apply(logits);

        for (var i = 0; i < output.Rows; i++)
        {
            Assert.Equal(1.0, output.Row(i).ToArray().Sum(p => (double)p), 5);
            Assert.Equal(Probabilities.ArgMax(logits.Row(i)), Probabilities.ArgMax(output.Row(i)));
        }
    }

    [Fact]
    public void RegistersItsAliasWithACitation()
    {
        var registrar = new Recorder();

        new MyCalibrator().Register(registrar);

        Assert.Equal("my-calibrator", registrar.Info?.Alias);
        Assert.False(string.IsNullOrWhiteSpace(registrar.Info?.Citation));
    }

    private sealed class Recorder : IPluginRegistrar
    {
        public PluginInfo? Info { get; private set; }

        public void Add<TKind, TOptions>(PluginInfo info, Func<TOptions, PluginContext, TKind> factory)
            where TKind : class
            where TOptions : class, new() => Info = info;
    }
}
