namespace EarlyExitBench.Contracts;

/// <summary>Shape of one input image and the number of classes.</summary>
/// <param name="Channels">Image channels (1 for Fashion-MNIST, 3 for CIFAR).</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Classes">Number of classes.</param>
public sealed record InputSpec(int Channels, int Height, int Width, int Classes);
