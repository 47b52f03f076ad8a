using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Planning;

/// <summary>The calibrators and failure predictors a plan crosses into methods.</summary>
/// <param name="Calibrators">Calibrators, in suite order.</param>
/// <param name="FailurePredictors">Failure predictors, in suite order.</param>
public sealed record MethodPlugins(IReadOnlyList<ResolvedPlugin> Calibrators, IReadOnlyList<ResolvedPlugin> FailurePredictors);
