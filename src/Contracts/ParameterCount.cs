namespace EarlyExitBench.Contracts;

/// <summary>Trainable parameters of common layers, for the analytic <see cref="StageCost"/> counts.</summary>
public static class ParameterCount
{
    /// <summary>A convolution with a square kernel.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernel">Kernel side.</param>
    /// <param name="bias">Whether the convolution has a bias.</param>
    /// <returns>cin·k²·cout, plus cout for the bias.</returns>
    public static long Conv2d(int inChannels, int outChannels, int kernel, bool bias)
        => ((long)inChannels * kernel * kernel * outChannels) + (bias ? outChannels : 0);

    /// <summary>A linear layer.</summary>
    /// <param name="inFeatures">Input features.</param>
    /// <param name="outFeatures">Output features.</param>
    /// <param name="bias">Whether the layer has a bias.</param>
    /// <returns>in·out, plus out for the bias.</returns>
    public static long Linear(int inFeatures, int outFeatures, bool bias = true)
        => ((long)inFeatures * outFeatures) + (bias ? outFeatures : 0);

    /// <summary>BatchNorm's or LayerNorm's affine: a weight and a bias per feature (running statistics are buffers).</summary>
    /// <param name="features">Channels (BatchNorm) or features (LayerNorm).</param>
    /// <returns>2·features.</returns>
    public static long Norm(int features) => 2L * features;
}
