namespace EarlyExitBench.Contracts;

/// <summary>What a metric measures, so readers can group proxies without a list of names of their own.</summary>
public enum MetricFamily
{
    /// <summary>Neither: accuracy, a calibrator's rank preservation, or a metric that does not say.</summary>
    Other = 0,

    /// <summary>Whether probabilities match accuracy (ECE, Brier, NLL, …).</summary>
    Calibration = 1,

    /// <summary>Whether the score ranks correct predictions above wrong ones (AUROC, AURC, …).</summary>
    FailurePrediction = 2,
}
