namespace EarlyExitBench.Harness.Suites;

/// <summary>Evaluation settings.</summary>
/// <param name="Bins">Bins of ECE, adaptive ECE, MCE and classwise ECE.</param>
/// <param name="BootstrapResamples">Bootstrap resamples for the proxy-correlation intervals.</param>
public sealed record EvaluationSpec(int Bins, int BootstrapResamples);
