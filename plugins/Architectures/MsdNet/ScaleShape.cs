namespace EarlyExitBench.Architectures.MsdNet;

/// <summary>Shape of one scale's feature map, per sample.</summary>
/// <param name="Channels">Channels.</param>
/// <param name="Height">Height.</param>
/// <param name="Width">Width.</param>
internal readonly record struct ScaleShape(int Channels, int Height, int Width)
{
    /// <summary>Elements per sample.</summary>
    public long Elements => (long)Channels * Height * Width;
}
