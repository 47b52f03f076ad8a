using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.MsdNet;

/// <summary>Builds <see cref="MsdNetModule"/> from validated options.</summary>
public sealed class MsdNetArchitecture : IEarlyExitArchitecture
{
    private readonly MsdNetOptions _options;

    /// <summary>Creates the architecture.</summary>
    /// <exception cref="ArgumentException">A count or width is not positive (<c>step</c> may be 0 only with one block).</exception>
    public MsdNetArchitecture(MsdNetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Require(options.Blocks > 0, "blocks must be positive.");
        Require(options.Base >= 0, "base must be 0 or more.");
        Require(options.Step > 0 || options.Blocks == 1, "step must be positive when there is more than one block.");
        Require(options.BaseChannels > 0, "base_channels must be positive.");
        Require(options.GrowthRate > 0, "growth_rate must be positive.");
        Require(options.HeadChannels > 0, "head_channels must be positive.");
        _options = options;
    }

    /// <inheritdoc />
    public MultiExitModule Build(InputSpec input) => new MsdNetModule(input, _options);

    /// <inheritdoc />
    public IReadOnlyList<StageCost> Describe(InputSpec input) => MsdNetCost.Stages(input, _options);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, "options");
        }
    }
}
