namespace EarlyExitBench.Harness.Results;

/// <summary>One exit of a group: cumulative cost and parameters.</summary>
/// <param name="Index">1-based exit.</param>
/// <param name="Cost">FLOPs per sample to reach this exit.</param>
/// <param name="RelativeCost"><see cref="Cost"/> over the last exit's cost.</param>
/// <param name="Params">Parameters up to this exit; null when only logits are known.</param>
/// <param name="BackboneFlops">FLOPs of this stage's backbone alone; null when only logits are known.</param>
/// <param name="HeadFlops">FLOPs of this exit's head alone; null when only logits are known.</param>
public sealed record ExitInfo(int Index, double Cost, double RelativeCost, long? Params, long? BackboneFlops, long? HeadFlops);
