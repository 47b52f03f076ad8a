using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Suites;

/// <summary>Evaluation settings.</summary>
/// <param name="Bins">Bins of ECE, adaptive ECE, MCE and classwise ECE.</param>
/// <param name="BootstrapResamples">Bootstrap resamples for the proxy-correlation intervals.</param>
/// <param name="EfficiencyBootstrap">Bootstrap resamples of the test samples for each efficiency score's interval; 0 turns it off.</param>
/// <param name="PluginTimeoutSeconds">
/// Time limit of each calibrator, failure-predictor, exit-policy and metric call. It bounds how long a run waits, not
/// what it computes, so it stays out of the plan's id, the cells' keys and the leaderboard.
/// </param>
public sealed record EvaluationSpec(
    int Bins,
    int BootstrapResamples,
    int EfficiencyBootstrap = EvaluationSpec.DefaultEfficiencyBootstrap,
    [property: JsonIgnore] double PluginTimeoutSeconds = EvaluationSpec.DefaultPluginTimeoutSeconds)
{
    /// <summary>
    /// Default <see cref="EfficiencyBootstrap"/>: enough for stable 2.5/97.5% percentiles of a score whose replicates are
    /// close to normal, at a few seconds per cell of the default suite.
    /// </summary>
    public const int DefaultEfficiencyBootstrap = 200;

    /// <summary>Default <see cref="PluginTimeoutSeconds"/>: ten minutes, far above any shipped method's fit on a million samples.</summary>
    public const double DefaultPluginTimeoutSeconds = 600;

    /// <summary>Smallest <see cref="PluginTimeoutSeconds"/> accepted.</summary>
    public const double MinPluginTimeoutSeconds = 0.1;

    /// <summary>Largest <see cref="PluginTimeoutSeconds"/> accepted (a week).</summary>
    public const double MaxPluginTimeoutSeconds = 7 * 24 * 3600;

    /// <summary><see cref="PluginTimeoutSeconds"/> as a span.</summary>
    [JsonIgnore]
    public TimeSpan PluginTimeout => TimeSpan.FromSeconds(PluginTimeoutSeconds);
}
