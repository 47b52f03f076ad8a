namespace EarlyExitBench.Harness.Claims;

/// <summary>One ranked method of a group, as the claims read it.</summary>
/// <param name="Rank">1 = best mean efficiency in its group.</param>
/// <param name="Calibrator">Calibrator alias.</param>
/// <param name="FailurePredictor">Failure predictor alias.</param>
/// <param name="ExitPolicy">Exit policy; the claims use global-threshold entries only.</param>
/// <param name="Efficiency">Seed-mean efficiency.</param>
/// <param name="PerSeed">Each seed's score and proxies.</param>
public sealed record EntryData(int Rank, string Calibrator, string FailurePredictor, string ExitPolicy, EfficiencyData Efficiency, IReadOnlyList<SeedData> PerSeed)
{
    /// <summary>"calibrator+failure predictor".</summary>
    public string Method => $"{Calibrator}+{FailurePredictor}";
}
