using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>One stage of the reference MSDNet counted both ways.</summary>
/// <param name="Cost">In EarlyExitBench's convention (a multiply-add 2, …), with parameters.</param>
/// <param name="BackboneOps">The block in the reference's <c>op_counter.py</c> convention.</param>
/// <param name="HeadOps">The classifier in that convention.</param>
internal sealed record ReferenceStageCost(StageCost Cost, long BackboneOps, long HeadOps);
