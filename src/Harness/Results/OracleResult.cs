namespace EarlyExitBench.Harness.Results;

/// <summary>The oracle bound: every sample stops at its earliest correct exit, else at the last exit.</summary>
/// <param name="Accuracy">Share of samples correct at some exit.</param>
/// <param name="RelativeCost">Mean cost over the cost of the last exit.</param>
public sealed record OracleResult(double Accuracy, double RelativeCost);
