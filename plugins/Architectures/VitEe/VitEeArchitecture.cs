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
        if (options.ExitBlocks is { } exitBlocks)
        {
            var inRange = exitBlocks.All(b => b >= 0 && b < options.Depth - 1);
            var increasing = exitBlocks.Zip(exitBlocks.Skip(1)).All(p => p.First < p.Second);
            Require(inRange && increasing, $"exit_blocks [{string.Join(", ", exitBlocks)}] must be increasing block indices from 0 to depth − 2 ({options.Depth - 2}); the last block (depth − 1) always has the final exit, timm's norm and head.");
        }

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

    /// <summary>
    /// The stage costs with a multiply-add counted as <paramref name="multiplyAdd"/> FLOPs: 2 is <see cref="Flops"/>'
    /// convention (what <see cref="Describe(InputSpec)"/> returns), 1 the MSDNet literature's (op_counter.py's); every
    /// other operation is counted the same in both.
    /// </summary>
    /// <param name="input">Input shape and class count.</param>
    /// <param name="multiplyAdd">1 or 2.</param>
    /// <returns>One <see cref="StageCost"/> per exit.</returns>
    public IReadOnlyList<StageCost> Describe(InputSpec input, int multiplyAdd) => VitEeCost.Stages(input, _options, multiplyAdd);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, "options");
        }
    }
}
