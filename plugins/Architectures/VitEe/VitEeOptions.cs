namespace EarlyExitBench.Architectures.VitEe;

/// <summary>Suite options of <c>vit-ee</c>; the defaults are a small ViT that trains on 2 CPU cores.</summary>
public sealed class VitEeOptions
{
    /// <summary>Side of the square patches; the image is cut into ⌊H/p⌋×⌊W/p⌋ of them (a remainder is dropped).</summary>
    public int PatchSize { get; set; } = 4;

    /// <summary>Transformer blocks; the final exit (timm's <c>norm</c> + <c>head</c>) follows the last.</summary>
    public int Depth { get; set; } = 6;

    /// <summary>Embedding width (token features).</summary>
    public int Width { get; set; } = 64;

    /// <summary>Attention heads; must divide <see cref="Width"/>.</summary>
    public int Heads { get; set; } = 4;

    /// <summary>Hidden width of each MLP as a multiple of <see cref="Width"/>.</summary>
    public int MlpRatio { get; set; } = 2;

    /// <summary>
    /// Zero-based indices of the blocks followed by an intermediate exit (keys <c>exits.i.norm.*</c>, <c>exits.i.head.*</c>
    /// after <c>blocks.i</c>), in increasing order and below <c>depth − 1</c>; null = after every block. The last block is
    /// always followed by the final exit, timm's own <c>norm</c> and <c>head</c>; <c>[]</c> gives timm's single-exit ViT.
    /// </summary>
    public int[]? ExitBlocks { get; set; }
}
