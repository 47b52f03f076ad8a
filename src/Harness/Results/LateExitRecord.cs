namespace EarlyExitBench.Harness.Results;

/// <summary>One seed's late exits at the matched-accuracy threshold, as the leaderboard publishes them (<c>per_seed[].late_exits</c>).</summary>
/// <param name="Threshold">The global threshold: the cheapest within 0.5 accuracy points of the last exit.</param>
/// <param name="Accuracy">Accuracy there.</param>
/// <param name="RelativeCost">Mean cost there over the last exit's.</param>
/// <param name="LateSamples">Test samples that stop after an earlier exit that already had them right.</param>
/// <param name="WastedFlops">Mean over all test samples of the FLOPs those samples spent after their earliest correct exit.</param>
/// <param name="SpentFlops">Mean FLOPs per test sample there.</param>
public sealed record LateExitRecord(double Threshold, double Accuracy, double RelativeCost, long LateSamples, double WastedFlops, double SpentFlops);
