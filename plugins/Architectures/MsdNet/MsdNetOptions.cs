namespace EarlyExitBench.Architectures.MsdNet;

/// <summary>
/// Suite options of <c>msdnet</c>. Two presets: <c>small</c> (the default when no reference option is given), our compact
/// CIFAR-style MSDNet without scale pruning, and <c>reference</c>, MSDNet exactly as kalviny/MSDNet-PyTorch's
/// <c>models/msdnet.py</c> builds it, chosen by any of the reference's options (<c>n_blocks</c>, <c>step_mode</c>,
/// <c>n_channels</c>, <c>gr_factor</c>, <c>bn_factor</c>, <c>prune</c>, <c>reduction</c>, <c>data</c>). Options the reference
/// does not state default to its <c>args.py</c>. <c>base</c>, <c>step</c>, <c>growth_rate</c> and <c>bottleneck</c> serve both.
/// </summary>
public sealed class MsdNetOptions
{
    /// <summary><c>small</c> or <c>reference</c>; null picks <c>reference</c> when a reference option is given, else <c>small</c>.</summary>
    public string? Preset { get; set; }

    /// <summary>Small preset: blocks, one exit after each (default 5); the reference's is <see cref="NBlocks"/>.</summary>
    public int? Blocks { get; set; }

    /// <summary>Dense layers in the first block, after the stem (the reference's <c>base</c>; default 4 in both).</summary>
    public int Base { get; set; } = 4;

    /// <summary>Dense layers per later block (the reference's <c>step</c>): default 2 (small) or 1 (reference, <c>args.py</c>).</summary>
    public int? Step { get; set; }

    /// <summary>Small preset: channels of the finest scale after the stem (default 16); the reference's is <see cref="NChannels"/>.</summary>
    public int? BaseChannels { get; set; }

    /// <summary>Channels each dense layer adds at the finest scale (the reference's <c>growthRate</c>; default 6 in both).</summary>
    public int GrowthRate { get; set; } = 6;

    /// <summary>A 1×1 bottleneck convolution in front of every dense 3×3 one (the reference's <c>bottleneck</c>; default true in both).</summary>
    public bool Bottleneck { get; set; } = true;

    /// <summary>Small preset: channels of the two stride-2 convolutions in each classifier (default 128; the reference fixes 128 on CIFAR).</summary>
    public int? HeadChannels { get; set; }

    /// <summary>Reference: blocks, one classifier after each (<c>nBlocks</c>; <c>args.py</c> default 1).</summary>
    public int? NBlocks { get; set; }

    /// <summary>Reference: <c>even</c> (every later block has <c>step</c> layers) or <c>lin_grow</c> (block i has step·i + 1) (<c>stepmode</c>; <c>args.py</c> gives none, which builds as <c>lin_grow</c>).</summary>
    public string? StepMode { get; set; }

    /// <summary>Reference: channels of the finest scale after the stem (<c>nChannels</c>; default 32).</summary>
    public int? NChannels { get; set; }

    /// <summary>Reference: channel factor per scale, e.g. <c>1-2-4</c> (CIFAR, 3 scales) or <c>1-2-4-4</c> (ImageNet, 4 scales) (<c>grFactor</c>; default 1-2-4).</summary>
    public string? GrFactor { get; set; }

    /// <summary>Reference: bottleneck width factor per scale, as <see cref="GrFactor"/> (<c>bnFactor</c>; default 1-2-4).</summary>
    public string? BnFactor { get; set; }

    /// <summary>Reference: scale pruning, <c>max</c> or <c>min</c> (<c>prune</c>; default max).</summary>
    public string? Prune { get; set; }

    /// <summary>Reference: transition compression (<c>reduction</c>; default 0.5; 0 builds no transitions).</summary>
    public double? Reduction { get; set; }

    /// <summary>Reference: <c>cifar</c> (3×3 stem, CIFAR classifiers with 128 channels) or <c>imagenet</c> (7×7 stride-2 stem and max pool, classifiers as wide as their input) (<c>data</c>; default cifar).</summary>
    public string? Data { get; set; }
}
