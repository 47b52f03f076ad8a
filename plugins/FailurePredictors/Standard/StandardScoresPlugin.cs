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
        registrar.Add<IFailurePredictor>("max_logit", "Largest raw logit", _ => new MaxLogitScore());
        registrar.Add<IFailurePredictor>("margin", "Top-1 minus top-2 probability", _ => new MarginScore());
        registrar.Add<IFailurePredictor>("gini", "DOCTOR: sum of squared probabilities (1 - Gini impurity)", _ => new GiniScore());
        registrar.Add<IFailurePredictor>("energy", "Log-sum-exp of the raw logits (negative energy, T=1)", _ => new EnergyScore());
        registrar.Add<IFailurePredictor>("patience", "Consecutive earlier exits agreeing with this prediction, + 0.5*msp tie-break", _ => new PatienceScore());
        registrar.Add<IFailurePredictor, LearnedScoreOptions>("learned", "Per-exit logistic regression on confidence and agreement features (option l2)", (options, _) => new LearnedScore(options));
        registrar.Add<IFailurePredictor, LearnedScoreOptions>("exit-aware", "Per-exit logistic regression for 'safe to stop here' (right, or the last exit wrong anyway) from confidence and agreement with earlier exits (option l2)", (options, _) => new ExitAwareScore(options));
    }
}
