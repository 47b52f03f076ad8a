using EarlyExitBench.Contracts;

namespace TestPlugin.Faulty;

/// <summary>Methods that fail in the ways real plugins do: throw in fit, return NaN, return the wrong shape.</summary>
public sealed class FaultyPlugin : IEarlyExitPlugin
{
    public void Register(IPluginRegistrar registrar)
    {
        registrar.Add<ICalibrator>("throws-on-fit", "throws in Fit", _ => new ThrowingCalibrator());
        registrar.Add<IFailurePredictor>("nan-score", "returns NaN scores", _ => new NanScore());
        registrar.Add<IEarlyExitArchitecture>("nan-net", "two exits whose logits are NaN", _ => new NanNetArchitecture());
        registrar.Add<ICalibrator>("short-rows", "softmax × 0.9: rows that sum to 0.9, every value in [0, 1]", _ => new ShortRowsCalibrator());
        registrar.Add<ICalibrator, ScaledOptions>("scaled", "softmax(z * factor); options: factor", (o, _) => new ScaledCalibrator(o.Factor));
    }
}

public sealed class ScaledOptions
{
    public double Factor { get; set; } = 1;
}

internal sealed class ThrowingCalibrator : ICalibrator
{
    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("fixture: fit always fails");
}

internal sealed class ScaledCalibrator(double factor) : ICalibrator, IFittedCalibrator
{
    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double> { ["factor"] = factor };

    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken) => this;

    public ClassMatrix Apply(ClassMatrix logits) => Probabilities.Softmax(logits, 1 / factor);
}

internal sealed class ShortRowsCalibrator : ICalibrator, IFittedCalibrator
{
    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>();

    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken) => this;

    public ClassMatrix Apply(ClassMatrix logits)
    {
        var softmax = Probabilities.Softmax(logits);
        return new ClassMatrix([.. softmax.Values.ToArray().Select(p => p * 0.9f)], logits.Rows, logits.Columns);
    }
}

internal sealed class NanScore : IFailurePredictor, IConfidenceScorer
{
    public IConfidenceScorer Fit(MultiExitOutputs validation, ReadOnlySpan<int> labels, CancellationToken cancellationToken) => this;

    public double[] Score(MultiExitOutputs outputs, int exit) => Enumerable.Repeat(double.NaN, outputs.Samples).ToArray();
}
