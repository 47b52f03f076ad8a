using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>Registers the standard confidence scores.</summary>
public sealed class StandardScoresPlugin : IEarlyExitPlugin
{
    private const string Pabee = "Zhou, Xu, Ge, McAuley, Xu & Wei 2020, BERT Loses Patience: Fast and Robust Inference with Early Exit, NeurIPS; https://arxiv.org/abs/2006.04152";

    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<IFailurePredictor>(
            new PluginInfo("msp", "Maximum softmax probability")
            {
                UsesValidationLabels = false,
                Citation = "Hendrycks & Gimpel 2017, A Baseline for Detecting Misclassified and Out-of-Distribution Examples in Neural Networks, ICLR; https://arxiv.org/abs/1610.02136",
            },
            _ => new MaxSoftmaxScore());
        registrar.Add<IFailurePredictor>(
            new PluginInfo("entropy", "Negative entropy of the probabilities")
            {
                UsesValidationLabels = false,
                Citation = "Teerapittayanon, McDanel & Kung 2016, BranchyNet: Fast Inference via Early Exiting from Deep Neural Networks, ICPR; https://arxiv.org/abs/1709.01686",
            },
            _ => new NegativeEntropyScore());
        registrar.Add<IFailurePredictor>(
            new PluginInfo("max-logit", "Largest raw logit")
            {
                UsesValidationLabels = false,
                Citation = "Hendrycks et al. 2022, Scaling Out-of-Distribution Detection for Real-World Settings, ICML; https://arxiv.org/abs/1911.11132",
                DeprecatedAliases = ["max_logit"],
            },
            _ => new MaxLogitScore());
        registrar.Add<IFailurePredictor>(
            new PluginInfo("margin", "Top-1 minus top-2 probability")
            {
                UsesValidationLabels = false,
                Citation = "Scheffer, Decomain & Wrobel 2001, Active Hidden Markov Models for Information Extraction, IDA (margin of the two most probable classes)",
            },
            _ => new MarginScore());
        registrar.Add<IFailurePredictor>(
            new PluginInfo("gini", "DOCTOR: sum of squared probabilities (1 - Gini impurity)")
            {
                UsesValidationLabels = false,
                Citation = "Granese, Romanelli, Gorla, Palamidessi & Piantanida 2021, DOCTOR: A Simple Method for Detecting Misclassification Errors, NeurIPS; https://arxiv.org/abs/2106.02395",
            },
            _ => new GiniScore());
        registrar.Add<IFailurePredictor>(
            new PluginInfo("energy", "Log-sum-exp of the raw logits (negative energy, T=1)")
            {
                UsesValidationLabels = false,
                Citation = "Liu, Wang, Owens & Li 2020, Energy-based Out-of-distribution Detection, NeurIPS; https://arxiv.org/abs/2010.03759",
            },
            _ => new EnergyScore());
        // Formerly "patience", the name of the exit policy that stops on it.
        registrar.Add<IFailurePredictor>(
            new PluginInfo("consistency", "Consecutive earlier exits agreeing with this prediction, + 0.5*msp tie-break (the patience exit policy's signal as a score)")
            {
                UsesValidationLabels = false,
                Citation = $"after PABEE: {Pabee}",
                DeprecatedAliases = ["patience"],
            },
            _ => new PatienceScore());
        registrar.Add<IFailurePredictor, LearnedScoreOptions>("learned", "Per-exit logistic regression on confidence and agreement features (option l2)", (options, _) => new LearnedScore(options));
        registrar.Add<IFailurePredictor, LearnedScoreOptions>("exit-aware", "Per-exit logistic regression for 'safe to stop here' (right, or the last exit wrong anyway) from confidence and agreement with earlier exits (option l2)", (options, _) => new ExitAwareScore(options));
    }
}
