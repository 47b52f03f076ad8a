using System.Text.Json.Serialization;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Harness.Methods;

/// <summary>One (calibrator, failure predictor, exit policy) evaluated on one seed.</summary>
/// <param name="Calibrator">Calibrator label.</param>
/// <param name="FailurePredictor">Failure predictor label.</param>
/// <param name="ExitPolicy">Exit policy label.</param>
/// <param name="Seed">Seed of the cell.</param>
/// <param name="Evaluation">Every metric and the efficiency.</param>
/// <param name="EfficiencyReplicates">The efficiency score on each bootstrap resample of the test samples (see
/// <see cref="EfficiencyBootstrap"/>); empty when the suite turns the bootstrap off, null in results made before it existed.</param>
/// <param name="RiskCoverage">Global-threshold methods: selective risk per exit on <see cref="Methods.RiskCoverage.Grid"/>; null otherwise.</param>
/// <param name="LateExits">Global-threshold methods: compute spent on samples an earlier exit already had right, at the
/// matched-accuracy threshold (<see cref="Evaluation.LateExits"/>); null otherwise and in results made before it existed.</param>
public sealed record MethodResult(
    string Calibrator,
    string FailurePredictor,
    string ExitPolicy,
    int Seed,
    MethodEvaluation Evaluation,
    IReadOnlyList<double>? EfficiencyReplicates = null,
    IReadOnlyList<double[]>? RiskCoverage = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LateExitResult? LateExits = null)
{
    /// <summary>Global-threshold methods: thresholds chosen on validation, applied to test (<see cref="Evaluation.Deployable"/>); null otherwise and in results made before it existed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DeployableResult? Deployable { get; init; }

    /// <summary>The deployable score on each bootstrap resample, the same resamples as <see cref="EfficiencyReplicates"/> (so paired with them); null with <see cref="Deployable"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? DeployableReplicates { get; init; }

    /// <summary>The method's calibrator, failure predictor and exit policy.</summary>
    [JsonIgnore]
    public MethodKey Key => new(Calibrator, FailurePredictor, ExitPolicy);
}
