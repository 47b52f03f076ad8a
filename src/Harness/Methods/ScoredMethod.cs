using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Harness.Methods;

/// <summary>A (calibrator, failure predictor) fitted, scored and measured per exit: what each of its exit policies starts from.</summary>
/// <param name="Scorer">The failure predictor fitted on the calibrated validation outputs.</param>
/// <param name="Scores">[K][n] test scores.</param>
/// <param name="Evaluation">Every metric per exit, and the global-threshold sweep and efficiency.</param>
/// <param name="ValidationScores">[K][n_val] validation scores, computed only when a plugin exit policy will read them.</param>
internal sealed record ScoredMethod(IConfidenceScorer Scorer, IReadOnlyList<double[]> Scores, MethodEvaluation Evaluation, IReadOnlyList<double[]>? ValidationScores);
