namespace EarlyExitBench.Contracts;

/// <summary>Images as bytes (0–255), NCHW, with their labels.</summary>
/// <param name="Pixels">Row-major pixels: sample, channel, row, column.</param>
/// <param name="Labels">Class of each sample.</param>
/// <param name="Input">Shape of one image and the class count.</param>
/// <param name="Normalization">How pixels become model inputs; null for the harness default (pixel/127.5 − 1).</param>
public sealed record ImageSet(byte[] Pixels, int[] Labels, InputSpec Input, PixelNormalization? Normalization = null)
{
    /// <summary>Number of samples.</summary>
    public int Count => Labels.Length;
}
