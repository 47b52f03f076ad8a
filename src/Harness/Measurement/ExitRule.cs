using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Measurement;

/// <summary>
/// The online form of the global-threshold exit policy: exit k's logits go through that exit's fitted calibrator,
/// then the fitted scorer; a sample stops at the first exit with score ≥ <see cref="Threshold"/>, and the last exit
/// always accepts. This is the rule <see cref="Evaluation.ExitSweep"/> simulates from recorded logits.
/// </summary>
/// <param name="Calibrators">One fitted calibrator per exit, exit 0 first.</param>
/// <param name="Scorer">The fitted confidence scorer; given exits 0..k of the still-running samples at exit k.</param>
/// <param name="Threshold">τ; +∞ sends every sample to the last exit, −∞ stops every sample at exit 0.</param>
public sealed record ExitRule(IReadOnlyList<IFittedCalibrator> Calibrators, IConfidenceScorer Scorer, double Threshold);
