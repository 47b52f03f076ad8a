using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>A method's thresholds chosen on validation and applied unchanged to test (<see cref="Deployable"/>).</summary>
/// <param name="Score">Deployable efficiency of the global rule: ∫ D(b) db over [x_min, 1] / (1 − x_min), D(b) the test accuracy of
/// the threshold chosen on validation for budget b; comparable with <see cref="EfficiencyResult.Score"/>, which chooses on test.</param>
/// <param name="PerExitScore">The same area for the per-exit rule.</param>
/// <param name="Budgets">Each budget of <see cref="Deployable.Budgets"/> that some threshold meets on validation.</param>
public sealed record DeployableResult(double Score, double PerExitScore, IReadOnlyList<DeployableBudget> Budgets)
{
    /// <summary>Each test sample's share of <see cref="Score"/> (their mean): what the efficiency bootstrap resamples. Not stored.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> PerSample { get; init; } = [];
}
