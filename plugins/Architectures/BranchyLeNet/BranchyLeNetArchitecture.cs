using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.BranchyLeNet;

/// <summary>Builds <see cref="BranchyLeNetModule"/> from validated options.</summary>
public sealed class BranchyLeNetArchitecture : IEarlyExitArchitecture
{
    private readonly BranchyLeNetOptions _options;

    /// <summary>Creates the architecture.</summary>
    public BranchyLeNetArchitecture(BranchyLeNetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Channels.Length == 0 || options.Channels.Any(c => c <= 0))
        {
            throw new ArgumentException("channels must list at least one positive channel count.", nameof(options));
        }

        if (options.HeadGrid <= 0)
        {
            throw new ArgumentException("head_grid must be positive.", nameof(options));
        }

        _options = options;
    }

    /// <inheritdoc />
    public MultiExitModule Build(InputSpec input) => new BranchyLeNetModule(input, _options.Channels, _options.HeadGrid);

    /// <inheritdoc />
    public IReadOnlyList<StageCost> Describe(InputSpec input) => BranchyLeNetCost.Stages(input, _options.Channels, _options.HeadGrid);
}
