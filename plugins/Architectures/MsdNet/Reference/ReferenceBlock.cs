namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>The entries of one reference block and what it hands on.</summary>
/// <param name="Layers">Its entries in order (the state_dict index of each is its position).</param>
/// <param name="Channels">The reference's <c>nIn</c> after the block: scale s carries <c>Channels·grFactor[s]</c>.</param>
/// <param name="Scales">Scales kept after the block (the coarsest ones).</param>
internal sealed record ReferenceBlock(IReadOnlyList<ReferenceLayer> Layers, int Channels, int Scales);
