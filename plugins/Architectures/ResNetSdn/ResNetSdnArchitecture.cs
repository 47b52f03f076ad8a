using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.ResNetSdn;

/// <summary>Builds <see cref="ResNetSdnModule"/> from validated options.</summary>
public sealed class ResNetSdnArchitecture : IEarlyExitArchitecture
{
    private readonly ResNetSdnOptions _options;

    /// <summary>Creates the architecture.</summary>
    /// <exception cref="ArgumentException">Widths are empty or a width, the block count or the head grid is not positive.</exception>
    public ResNetSdnArchitecture(ResNetSdnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Widths is null || options.Widths.Length == 0 || options.Widths.Any(w => w <= 0))
        {
            throw new ArgumentException("widths must list at least one positive channel count.", nameof(options));
        }

        if (options.BlocksPerStage <= 0)
        {
            throw new ArgumentException("blocks_per_stage must be positive.", nameof(options));
        }

        if (options.HeadGrid <= 0)
        {
            throw new ArgumentException("head_grid must be positive.", nameof(options));
        }

        _options = options;
    }

    /// <inheritdoc />
    public MultiExitModule Build(InputSpec input)
        => new ResNetSdnModule(input, _options.Widths, _options.BlocksPerStage, _options.HeadGrid);

    /// <inheritdoc />
    public IReadOnlyList<StageCost> Describe(InputSpec input) => ResNetSdnCost.Stages(input, _options.Widths, _options.BlocksPerStage, _options.HeadGrid);
}
