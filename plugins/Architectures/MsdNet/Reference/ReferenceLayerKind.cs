namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>What one entry of a reference block is (the reference puts all three in one <c>nn.Sequential</c> per block).</summary>
internal enum ReferenceLayerKind
{
    /// <summary><c>MSDNFirstLayer</c>: the stem, image to every scale (first block only).</summary>
    First,

    /// <summary><c>MSDNLayer</c>: one dense layer over the scales still kept.</summary>
    Dense,

    /// <summary>A transition (<c>ParallelModule</c> of 1×1 <c>ConvBasic</c>s) that compresses every kept scale.</summary>
    Transition,
}
