namespace EarlyExitBench.Architectures.BranchyLeNet;

/// <summary>Suite options of <c>branchy-lenet</c>.</summary>
public sealed class BranchyLeNetOptions
{
    /// <summary>Output channels of each conv block; one exit per block.</summary>
    public int[] Channels { get; set; } = [16, 32, 64];

    /// <summary>Side of the adaptive average pooling grid in front of each exit's linear layer.</summary>
    public int HeadGrid { get; set; } = 4;
}
