using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>Registers the standard confidence scores.</summary>
public sealed class StandardScoresPlugin : IEarlyExitPlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<IFailurePredictor>("msp", "Maximum softmax probability", _ => new MaxSoftmaxScore());
        registrar.Add<IFailurePredictor>("entropy", "Negative entropy of the probabilities", _ => new NegativeEntropyScore());
    }
}
