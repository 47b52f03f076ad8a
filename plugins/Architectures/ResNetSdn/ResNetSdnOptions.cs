namespace EarlyExitBench.Architectures.ResNetSdn;

/// <summary>Suite options of <c>resnet-sdn</c>.</summary>
public sealed class ResNetSdnOptions
{
    /// <summary>Channels of each stage; the stem runs at the first, stages after the first start with stride 2.</summary>
    public int[] Widths { get; set; } = [16, 32, 64];

    /// <summary>Basic residual blocks per stage; one exit follows every block.</summary>
    public int BlocksPerStage { get; set; } = 1;

    /// <summary>Side of the adaptive average pooling grid in front of each exit's linear layer.</summary>
    public int HeadGrid { get; set; } = 2;
}
