namespace EarlyExitBench.Architectures.MsdNet;

/// <summary>Suite options of <c>msdnet</c>; the defaults are the paper's CIFAR model without scale pruning.</summary>
public sealed class MsdNetOptions
{
    /// <summary>Blocks, one exit after each (the paper's <c>nBlocks</c>).</summary>
    public int Blocks { get; set; } = 5;

    /// <summary>Dense layers in the first block, after the stem (the paper's <c>base</c>).</summary>
    public int Base { get; set; } = 4;

    /// <summary>Dense layers in every later block (the paper's <c>step</c>, "even" step mode).</summary>
    public int Step { get; set; } = 2;

    /// <summary>Channels of the finest scale after the stem; the coarser scales have 2× and 4× (the paper's <c>nChannels</c>).</summary>
    public int BaseChannels { get; set; } = 16;

    /// <summary>Channels each dense layer adds at the finest scale; 2× and 4× at the coarser ones.</summary>
    public int GrowthRate { get; set; } = 6;

    /// <summary>Put a 1×1 bottleneck convolution (width min(in, f·out), f = 1, 2, 4 per scale) in front of every 3×3 one.</summary>
    public bool Bottleneck { get; set; } = true;

    /// <summary>Channels of the two stride-2 convolutions in each classifier.</summary>
    public int HeadChannels { get; set; } = 128;
}
