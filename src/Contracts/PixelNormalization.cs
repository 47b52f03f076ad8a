namespace EarlyExitBench.Contracts;

/// <summary>
/// Per-channel normalisation of byte images: x = (pixel/255 − mean[c]) / std[c]. Without one the harness uses
/// mean 0.5 and std 0.5 for every channel (x = pixel/127.5 − 1).
/// </summary>
/// <param name="Mean">Mean of each channel on the 0–1 scale (ImageNet: 0.485, 0.456, 0.406).</param>
/// <param name="Std">Standard deviation of each channel on the 0–1 scale (ImageNet: 0.229, 0.224, 0.225).</param>
public sealed record PixelNormalization(IReadOnlyList<double> Mean, IReadOnlyList<double> Std);
