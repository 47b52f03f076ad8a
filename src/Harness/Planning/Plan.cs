using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;

namespace EarlyExitBench.Harness.Planning;

/// <summary>A suite made concrete: its cells and the resolved plugins and settings that run them.</summary>
/// <param name="Manifest">The cells and leaderboard header.</param>
/// <param name="Datasets">Loaded datasets by label (empty for a bundle plan).</param>
/// <param name="Architectures">Architectures by label (empty for a bundle plan).</param>
/// <param name="Calibrators">Calibrators to compare.</param>
/// <param name="FailurePredictors">Failure predictors to compare.</param>
/// <param name="ExitPolicies">Exit policies besides the global threshold.</param>
/// <param name="Recipes">Training recipes by name (empty for a bundle plan).</param>
/// <param name="Bins">ECE bins.</param>
/// <param name="EfficiencyBootstrap">Resamples of the test samples behind each efficiency score's interval; 0 = none.</param>
/// <param name="Measurement">Wall-clock measurement settings.</param>
/// <param name="Device">Requested device: cpu, cuda or auto.</param>
/// <param name="Threads">TorchSharp intra-op threads; null = default.</param>
/// <param name="Metrics">Every registered metric, computed at each exit of each method, in leaderboard order.</param>
public sealed record Plan(
    PlanManifest Manifest,
    IReadOnlyDictionary<string, PlannedDataset> Datasets,
    IReadOnlyDictionary<string, ResolvedPlugin> Architectures,
    IReadOnlyList<ResolvedPlugin> Calibrators,
    IReadOnlyList<ResolvedPlugin> FailurePredictors,
    IReadOnlyList<ResolvedPlugin> ExitPolicies,
    IReadOnlyDictionary<string, TrainingSpec> Recipes,
    int Bins,
    int EfficiencyBootstrap,
    MeasurementSpec Measurement,
    string Device,
    int? Threads,
    IReadOnlyList<PlannedMetric> Metrics)
{
    /// <summary>Time limit of each method plugin call (calibrators, failure predictors, exit policies, metrics).</summary>
    public TimeSpan PluginTimeout { get; init; } = TimeSpan.FromSeconds(EvaluationSpec.DefaultPluginTimeoutSeconds);

    /// <summary>
    /// The suite's <c>cost_convention</c>: every cost of the cells is counted in it (<see cref="Contracts.Flops.EeBench"/>
    /// or <see cref="Contracts.Flops.MultiplyAdd"/>); the manifest's <see cref="PlanManifest.CostConvention"/> states it in words.
    /// </summary>
    public string CostConvention { get; init; } = Contracts.Flops.EeBench;

    /// <summary>The cells, in plan order.</summary>
    public IReadOnlyList<Cell> Cells => Manifest.Cells;
}
