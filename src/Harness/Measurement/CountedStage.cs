namespace EarlyExitBench.Harness.Measurement;

/// <summary>FLOPs per sample of one stage, counted from the layers a real forward pass executed.</summary>
/// <param name="BackboneFlops">FLOPs executed by <c>ForwardBlock</c> for this stage.</param>
/// <param name="HeadFlops">FLOPs executed by <c>ForwardHead</c> for this exit.</param>
public sealed record CountedStage(long BackboneFlops, long HeadFlops);
