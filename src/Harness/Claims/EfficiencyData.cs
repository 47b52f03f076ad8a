namespace EarlyExitBench.Harness.Claims;

/// <summary>An entry's efficiency as the claims read it.</summary>
/// <param name="Score">Mean over seeds of the efficiency score.</param>
/// <param name="ScoreCi">Its interval over test samples, in leaderboards that have one; else null.</param>
/// <param name="Oracle">The oracle (each sample at its earliest correct exit): accuracy and relative cost, seed-averaged.</param>
/// <param name="Deployable">Thresholds chosen on validation, applied to test (seed means); null where the leaderboard has none.</param>
public sealed record EfficiencyData(double Score, double[]? ScoreCi, Results.OracleResult? Oracle = null, Results.DeployableEfficiency? Deployable = null);
