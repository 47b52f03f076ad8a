using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.VitEe;

/// <summary>Builds <see cref="VitEeModule"/> from validated options.</summary>
public sealed class VitEeArchitecture : IEarlyExitArchitecture
{
    private readonly VitEeOptions _options;

    /// <summary>Creates the architecture.</summary>
    /// <exception cref="ArgumentException">A size is not positive, or the heads do not divide the width.</exception>
    public VitEeArchitecture(VitEeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Require(options.PatchSize > 0, "patch_size must be positive.");
        Require(options.Depth > 0, "depth must be positive.");
        Require(options.Width > 0, "width must be positive.");
        Require(options.Heads > 0, "heads must be positive.");
        Require(options.Width % Math.Max(options.Heads, 1) == 0, $"heads ({options.Heads}) must divide width ({options.Width}).");
        Require(options.MlpRatio > 0, "mlp_ratio must be positive.");
        _options = options;
    }

    /// <inheritdoc />
    public MultiExitModule Build(InputSpec input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Height < _options.PatchSize || input.Width < _options.PatchSize)
        {
            throw new ArgumentException($"Input {input.Height}×{input.Width} is smaller than one {_options.PatchSize}×{_options.PatchSize} patch.", nameof(input));
        }

        return new VitEeModule(input, _options);
    }

    /// <inheritdoc />
    public IReadOnlyList<StageCost> Describe(InputSpec input) => VitEeCost.Stages(input, _options);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, "options");
        }
    }
}
