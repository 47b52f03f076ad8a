using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Suites;

/// <summary>A validated run plan: datasets × architectures × seeds, and the methods to evaluate on each.</summary>
/// <param name="Name">Suite name; results go to <c>OUTPUT/NAME/</c>.</param>
/// <param name="SourcePath">The YAML file it came from.</param>
/// <param name="Seeds">Seeds; each gives its own split, initialisation and shuffling.</param>
/// <param name="Device"><c>cpu</c>, <c>cuda</c> or <c>auto</c>.</param>
/// <param name="Threads">TorchSharp intra-op threads; null = TorchSharp's default.</param>
/// <param name="Output">Results root: absolute, or relative to the working directory and inside it.</param>
/// <param name="PluginDirectories">Extra plugin folders, resolved against the suite file.</param>
/// <param name="Datasets">Datasets.</param>
/// <param name="Architectures">Architectures.</param>
/// <param name="Recipes">Training recipes, at least one; each trains every architecture on every dataset and seed.</param>
/// <param name="Calibrators">Calibrators to compare.</param>
/// <param name="FailurePredictors">Failure predictors to compare.</param>
/// <param name="ExitPolicies">Exit policies besides the built-in global threshold.</param>
/// <param name="Evaluation">Evaluation settings.</param>
/// <param name="Measurement">Wall-clock measurement settings.</param>
public sealed record Suite(
    string Name,
    string SourcePath,
    IReadOnlyList<int> Seeds,
    string Device,
    int? Threads,
    string Output,
    IReadOnlyList<string> PluginDirectories,
    IReadOnlyList<DatasetSpec> Datasets,
    IReadOnlyList<PluginSpec> Architectures,
    IReadOnlyList<TrainingSpec> Recipes,
    IReadOnlyList<PluginSpec> Calibrators,
    IReadOnlyList<PluginSpec> FailurePredictors,
    IReadOnlyList<PluginSpec> ExitPolicies,
    EvaluationSpec Evaluation,
    MeasurementSpec Measurement)
{
    /// <summary>
    /// Where suite-level values are written, for errors found after binding: <c>exit_weights</c>, <c>output</c>,
    /// <c>plugins[i]</c>, <c>measurement.calibrator</c>, <c>measurement.failure_predictor</c>. A key that is absent has no entry.
    /// </summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations { get; init; } = new Dictionary<string, SourceLocation>();

    /// <summary>
    /// The names <see cref="CostConvention"/> accepts: <see cref="Flops.EeBench"/> (<see cref="Flops.Convention"/>) and
    /// <see cref="Flops.MultiplyAdd"/> (<see cref="Flops.MultiplyAddConvention"/>).
    /// </summary>
    public static IReadOnlyList<string> CostConventions { get; } = [Flops.EeBench, Flops.MultiplyAdd];

    /// <summary>
    /// <c>cost_convention</c>: the convention every cost of the leaderboard is counted in, one of <see cref="CostConventions"/>;
    /// <see cref="Flops.EeBench"/> when the suite does not say. Its location is <c>cost_convention</c> in <see cref="Locations"/>.
    /// </summary>
    public string CostConvention { get; init; } = Flops.EeBench;
}
