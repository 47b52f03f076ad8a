namespace EarlyExitBench.Harness.Evaluation;

/// <summary>What <see cref="LateExits"/> finds at one threshold.</summary>
/// <param name="Threshold">The global threshold.</param>
/// <param name="Accuracy">Accuracy there.</param>
/// <param name="RelativeCost">Mean cost there over the last exit's.</param>
/// <param name="LateSamples">Test samples that stop after an exit that already had them right.</param>
/// <param name="WastedFlops">Mean over all test samples of cost(stop) − cost(earliest correct exit) for late samples, else 0 (FLOPs per image).</param>
/// <param name="SpentFlops">Mean cost per test sample (FLOPs per image).</param>
public sealed record LateExitResult(double Threshold, double Accuracy, double RelativeCost, long LateSamples, double WastedFlops, double SpentFlops);
