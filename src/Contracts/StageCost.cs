namespace EarlyExitBench.Contracts;

/// <summary>
/// Analytic cost of one stage: the backbone block before an exit and that exit's head.
/// FLOPs per sample in <see cref="Flops.Convention"/> (a multiply–add counts 2), or in the convention
/// <see cref="IEarlyExitArchitecture.Describe(InputSpec, string)"/> was asked for.
/// </summary>
/// <param name="BackboneFlops">FLOPs of the backbone block that feeds this exit.</param>
/// <param name="HeadFlops">FLOPs of this exit's classifier head.</param>
/// <param name="BackboneParameters">Trainable parameters of the backbone block.</param>
/// <param name="HeadParameters">Trainable parameters of the head.</param>
public sealed record StageCost(long BackboneFlops, long HeadFlops, long BackboneParameters, long HeadParameters);
