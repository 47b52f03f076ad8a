namespace EarlyExitBench.Architectures.MsdNet;

/// <summary>The <c>small</c> preset's resolved options (see <see cref="MsdNetOptions"/>).</summary>
/// <param name="Blocks">Blocks, one exit after each.</param>
/// <param name="Base">Dense layers in the first block.</param>
/// <param name="Step">Dense layers in every later block.</param>
/// <param name="BaseChannels">Channels of the finest scale after the stem.</param>
/// <param name="GrowthRate">Channels each dense layer adds at the finest scale.</param>
/// <param name="Bottleneck">Whether dense convolutions have a 1×1 bottleneck.</param>
/// <param name="HeadChannels">Channels of the classifiers' convolutions.</param>
internal sealed record SmallConfig(int Blocks, int Base, int Step, int BaseChannels, int GrowthRate, bool Bottleneck, int HeadChannels)
{
    /// <summary>The small preset's values, defaults filled in.</summary>
    public static SmallConfig From(MsdNetOptions options)
        => new(options.Blocks ?? 5, options.Base, options.Step ?? 2, options.BaseChannels ?? 16, options.GrowthRate, options.Bottleneck, options.HeadChannels ?? 128);
}
