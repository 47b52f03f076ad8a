namespace EarlyExitBench.Harness.Suites;

/// <summary>Evaluation settings.</summary>
/// <param name="Bins">Bins of ECE, adaptive ECE, MCE and classwise ECE.</param>
/// <param name="BootstrapResamples">Bootstrap resamples for the proxy-correlation intervals.</param>
/// <param name="EfficiencyBootstrap">Bootstrap resamples of the test samples for each efficiency score's interval; 0 turns it off.</param>
public sealed record EvaluationSpec(int Bins, int BootstrapResamples, int EfficiencyBootstrap = EvaluationSpec.DefaultEfficiencyBootstrap)
{
    /// <summary>
    /// Default <see cref="EfficiencyBootstrap"/>: enough for stable 2.5/97.5% percentiles of a score whose replicates are
    /// close to normal, at a few seconds per cell of the default suite.
    /// </summary>
    public const int DefaultEfficiencyBootstrap = 200;
}
