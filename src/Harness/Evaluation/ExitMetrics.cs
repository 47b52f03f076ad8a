namespace EarlyExitBench.Harness.Evaluation;

/// <summary>Calibration and failure-prediction metrics of one exit on the test split.</summary>
/// <param name="Exit">Exit index, 0-based.</param>
/// <param name="Accuracy">Share of samples whose argmax (lowest index on ties) is the label.</param>
/// <param name="Ece">Expected calibration error over equal-width confidence bins.</param>
/// <param name="AdaptiveEce">Expected calibration error over equal-mass confidence bins.</param>
/// <param name="Mce">Maximum calibration error over the non-empty equal-width bins.</param>
/// <param name="ClasswiseEce">Mean over classes of the equal-width ECE of p_c against 1[y = c].</param>
/// <param name="Brier">Mean squared distance between the probability vector and the one-hot label.</param>
/// <param name="Nll">Mean negative log-probability of the label, floored at 1e-12.</param>
/// <param name="Auroc">Failure-prediction AUROC of the score; null when all samples are correct or all wrong.</param>
/// <param name="AuprError">Average precision for detecting errors by −score; null when no sample is wrong.</param>
/// <param name="Fpr95">Share of wrong samples accepted at the threshold accepting 95% of correct ones; null when all correct or all wrong.</param>
/// <param name="Aurc">Area under the risk–coverage curve.</param>
/// <param name="Eaurc">AURC minus the AURC of a perfect ranking.</param>
/// <param name="Augrc">Area under the generalized risk–coverage curve.</param>
/// <param name="EefpAuroc">AUROC of the score for "safe to stop"; null at the last exit or when degenerate.</param>
/// <param name="RankPreservation">Kendall τ_b between the score before and after calibration; null when not given or undefined.</param>
public sealed record ExitMetrics(int Exit, double Accuracy, double Ece, double AdaptiveEce, double Mce, double ClasswiseEce,
    double Brier, double Nll, double? Auroc, double? AuprError, double? Fpr95, double Aurc, double Eaurc, double Augrc,
    double? EefpAuroc, double? RankPreservation);
